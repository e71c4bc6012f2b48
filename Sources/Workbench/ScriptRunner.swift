import DataFrameModule
import Foundation

/// Runs an `.impact` script: the session command language, one command per line, in order.
///
/// Blank lines and lines starting with `#` are skipped; a line ending in a backslash continues on
/// the next line (as in a shell). The first failing command stops the script with a `ScriptError`
/// (`file:line: message`); what earlier commands printed has already been passed to `output`, and
/// the session keeps their effects. `quit` ends the script early without error.
public enum ScriptRunner {
    /// One command of a script and the line it starts on.
    public struct Step: Sendable, Equatable {
        /// The 1-based line number where the command starts.
        public let line: Int
        /// The command text (continuation lines joined with a space).
        public let text: String
    }

    /// The commands of a script text, with their line numbers.
    public static func steps(of text: String) -> [Step] {
        var steps: [Step] = []
        var pending: (line: Int, text: String)?
        // Split on every line break: "\r\n" is one Character in Swift, which isNewline matches.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (k, raw) in lines.enumerated() {
            var line = String(raw)
            let continues = line.hasSuffix("\\")
            if continues { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var open = pending {
                open.text += " " + trimmed
                pending = open
            } else if trimmed.isEmpty || trimmed.hasPrefix("#") {
                continue
            } else {
                pending = (k + 1, trimmed)
            }
            if !continues, let done = pending {
                steps.append(Step(line: done.line, text: done.text))
                pending = nil
            }
        }
        if let done = pending { steps.append(Step(line: done.line, text: done.text)) }
        return steps
    }

    /// Runs the script at `path` in `session`, passing each command's output to `output` as it
    /// is produced and calling `progress(done, total, command)` before each command.
    ///
    /// - Throws: `ScriptError` for the first failing command, or for a script that cannot be read
    ///   (line 0).
    public static func run(
        path: String, in session: inout Session, output: (String) -> Void,
        progress: ((Int, Int, String) -> Void)? = nil
    ) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScriptError(
                file: path, line: 0,
                message: "Cannot read the script: \(error.localizedDescription). Check the path and permissions.")
        }
        let all = steps(of: text)
        for (k, step) in all.enumerated() {
            progress?(k, all.count, step.text)
            let reply: SessionReply
            do {
                reply = try session.execute(step.text)
            } catch {
                throw ScriptError(file: path, line: step.line, message: "\(error)")
            }
            output(reply.text)
            if reply.quits { return }
        }
        progress?(all.count, all.count, "")
    }
}
