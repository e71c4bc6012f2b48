import Foundation

/// A one-line progress display on standard error, shown only when standard error is a terminal,
/// so piped and redirected output stays clean (as `git` and `cargo` do).
///
/// The line is redrawn in place with a carriage return and cleared (`ESC [ K`) before other output.
enum TerminalProgress {
    /// Whether standard error is a terminal.
    static let isEnabled = isatty(STDERR_FILENO) == 1

    /// Shows `[done+1/total] text` (one line, cut to 60 characters), or clears the line when
    /// `done == total`.
    static func update(done: Int, total: Int, text: String) {
        guard isEnabled else { return }
        let line = done >= total ? "" : "[\(done + 1)/\(total)] " + String(text.prefix(60))
        write("\r\u{1B}[K" + line)
    }

    /// Shows `stage done/total` (a bootstrap's replicates, say), or clears the line when done.
    /// Safe from worker threads: a session reports progress under its own lock.
    static func stage(_ stage: String, done: Int, total: Int) {
        guard isEnabled else { return }
        write("\r\u{1B}[K" + (done >= total ? "" : "\(stage) \(done)/\(total)"))
    }

    /// The session's progress hook: `stage(_:done:total:)` on a terminal, nil otherwise (quiet).
    static var sessionHook: (@Sendable (String, Int, Int) -> Void)? {
        guard isEnabled else { return nil }
        return { @Sendable name, done, total in stage(name, done: done, total: total) }
    }

    /// Clears the progress line before other output.
    static func clear() {
        guard isEnabled else { return }
        write("\r\u{1B}[K")
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
