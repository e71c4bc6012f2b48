import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a command that prints to standard output and returns what it printed instead, so the
/// session's reply carries the text (the REPL prints it, `report` keeps it in its transcript).
///
/// Standard output (file descriptor 1) is pointed at a private temporary file for the duration of
/// the call, then restored; a file rather than a pipe, so long output cannot block the writer.
/// Not reentrant: call it from one thread at a time (the session runs one command at a time).
enum StandardOutputCapture {
    /// The text `body` writes to standard output; rethrows its error after restoring the output.
    static func capture(_ body: () throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("impact-output-\(UUID().uuidString)").path
        fflush(nil)
        let file = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard file >= 0 else {
            // Without a scratch file the command prints directly, as it would outside a session.
            try body()
            return ""
        }
        let saved = dup(STDOUT_FILENO)
        dup2(file, STDOUT_FILENO)
        var failure: (any Error)?
        do { try body() } catch { failure = error }
        fflush(nil)
        dup2(saved, STDOUT_FILENO)
        close(saved)
        close(file)
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        unlink(path)
        if let failure { throw failure }
        return text
    }
}
