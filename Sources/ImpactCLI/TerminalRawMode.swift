#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a terminal into raw mode (no echo, no line buffering, no signal keys) with termios and
/// restores the saved settings afterwards, as linenoise and readline do while reading one line.
/// `TCSADRAIN` (not `TCSAFLUSH`) keeps input typed ahead, e.g. a pasted block of commands.
///
/// Output processing (`OPOST`) stays on so that `\n` still returns the carriage.
struct TerminalRawMode {
    private let descriptor: Int32
    private let saved: termios

    /// Enters raw mode on `descriptor`; `nil` if it is not a terminal.
    init?(descriptor: Int32) {
        var original = termios()
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &original) == 0 else { return nil }
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        // One byte at a time, waiting as long as needed.
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSADRAIN, &raw) == 0 else { return nil }
        self.descriptor = descriptor
        saved = original
    }

    /// Restores the settings saved on entry.
    func restore() {
        var original = saved
        _ = tcsetattr(descriptor, TCSADRAIN, &original)
    }
}
