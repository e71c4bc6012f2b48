import ArgumentParser
import Foundation
import Workbench

/// `impact run FILE.impact`: runs a script of session commands (see `ScriptRunner`).
enum ReplScript {
    /// Runs the script, printing each command's output; on the first error prints
    /// `file:line: message` to standard error and exits with status 1.
    static func run(path: String) throws {
        var session = ReplCommandSet.session()
        session.record.progress = TerminalProgress.sessionHook
        defer { session.removeScratchFile() }
        do {
            try ScriptRunner.run(
                path: path, in: &session,
                output: { text in
                    TerminalProgress.clear()
                    print(text, terminator: "")
                },
                progress: TerminalProgress.update)
        } catch {
            TerminalProgress.clear()
            printToStandardError("\(error)")
            throw ExitCode(1)
        }
    }
}
