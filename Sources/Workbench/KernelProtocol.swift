import Foundation

/// The line protocol between the Jupyter wrapper kernel and `impact kernel`: one JSON request per
/// line in (`{"code": "…cell text…"}`), one JSON `KernelReply` per line out.
///
/// A cell runs line by line in one persistent `Session`, split as scripts are (`ScriptRunner.steps`:
/// blank lines and `#` comments skipped, a trailing backslash continues the line). The first failing
/// line stops the cell, as in a script: nothing after it runs, and what earlier lines did stays in
/// the session for the next cell.
public enum KernelProtocol {
    /// One request: the text of a cell.
    public struct Request: Codable, Sendable, Equatable {
        /// The cell's code.
        public var code: String

        /// A request.
        public init(code: String) { self.code = code }
    }

    /// Runs one command and returns its reply; the host wraps execution to add what the command
    /// printed itself (the CLI's estimation commands print their tables to standard output).
    public typealias Runner = (_ line: String, _ session: inout Session) throws -> SessionReply

    /// A failing line that printed something first (a warning, part of a table): a runner throws it
    /// so that the text is kept as an output before the error, as a terminal would show both.
    public struct PartialOutputError: Error, CustomStringConvertible {
        /// What the line printed before it failed.
        public var printed: String
        /// Why it failed.
        public var underlying: any Error

        /// A failure with what was printed before it.
        public init(printed: String, underlying: any Error) {
            self.printed = printed
            self.underlying = underlying
        }

        /// The underlying error's message.
        public var description: String { "\(underlying)" }
    }

    /// Runs every line of `code` in `session` until one fails.
    ///
    /// `quit` is refused (an error), because ending the process would lose the session: in a
    /// notebook the kernel is restarted instead.
    public static func run(
        code: String, in session: inout Session,
        runner: Runner = { line, session in try session.execute(line) }
    ) -> KernelReply {
        var outputs: [KernelReply.Output] = []
        for step in ScriptRunner.steps(of: code) {
            let reply: SessionReply
            do {
                reply = try runner(step.text, &session)
            } catch let partial as PartialOutputError {
                outputs.append(KernelReply.Output(text: partial.printed))
                return KernelReply(status: .error, outputs: outputs, error: "\(partial)", line: step.line)
            } catch {
                return KernelReply(status: .error, outputs: outputs, error: "\(error)", line: step.line)
            }
            if reply.quits {
                return KernelReply(
                    status: .error, outputs: outputs,
                    error: "'quit' ends a terminal session; in a notebook, restart the kernel to start a new session.",
                    line: step.line)
            }
            if !reply.text.isEmpty || reply.html != nil || reply.svg != nil {
                outputs.append(KernelReply.Output(text: reply.text, html: reply.html, svg: reply.svg))
            }
        }
        return KernelReply(status: .ok, outputs: outputs)
    }

    /// Answers one request line with one reply line (JSON without line breaks, no trailing newline).
    ///
    /// A line that is not a JSON object with a string `code` gets an error reply at line 0 saying
    /// what was expected; the session is untouched.
    public static func respond(
        to requestLine: String, in session: inout Session,
        runner: Runner = { line, session in try session.execute(line) }
    ) -> String {
        let reply: KernelReply
        do {
            let request = try JSONDecoder().decode(Request.self, from: Data(requestLine.utf8))
            reply = run(code: request.code, in: &session, runner: runner)
        } catch {
            reply = KernelReply(
                status: .error, outputs: [],
                error: "The request is not a JSON object {\"code\": \"…\"} on one line; send each cell as such a line.",
                line: 0)
        }
        return encode(reply)
    }

    /// `reply` as one line of JSON, keys sorted so that the bytes do not depend on the platform.
    public static func encode(_ reply: KernelReply) -> String {
        let encoder = JSONEncoder()
        // Slashes unescaped keep the SVG and HTML readable in logs; JSON allows both forms.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, optionals and integers cannot fail.
        let data = try! encoder.encode(reply)
        return String(decoding: data, as: UTF8.self)
    }
}
