import ArgumentParser
import Foundation
import Workbench

/// `impact kernel`: the line protocol that the Jupyter kernel talks to (`KernelProtocol`).
///
/// Reads one JSON request per line on standard input (`{"code": "…cell text…"}`) and writes one
/// JSON reply per line on standard output, running every cell in one persistent session with the
/// REPL's command set. The estimation commands print their own tables; while a line runs, standard
/// output and standard error point at a scratch file whose text joins the line's reply, so nothing
/// but replies ever reaches the channel, and progress lines stay off (standard error is not a
/// terminal then). Ends at end of input.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "The line protocol the Jupyter kernel talks to (not for interactive use; see 'impact repl').",
        discussion: """
            Installed in Jupyter with `make kernel` (kernel/impact_kernel).
            Each line of standard input is a JSON request {"code": "CELL"};
            each reply is one line of JSON:
              {"status":"ok","outputs":[{"text":…,"html":…,"svg":…}, …]}
              {"status":"error","outputs":[…],"error":"MESSAGE","line":N}
            A cell runs line by line in one session (the repl's commands) and
            stops at the first failing line; earlier lines' results stay in
            the session.
            """)

    func run() throws {
        let capture = try OutputCapture()
        var session = ReplCommandSet.session()
        defer { session.removeScratchFile() }
        while let request = Swift.readLine() {
            guard !request.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let reply = KernelProtocol.respond(to: request, in: &session) { line, session in
                try capture.run { try session.execute(line) }
            }
            capture.send(reply + "\n")
        }
    }
}

/// The kernel's standard output kept aside as the reply channel, and a scratch file that catches
/// what commands print while they run.
///
/// File descriptors, not `FileHandle` objects, are swapped: `print` and `FileHandle.standardError`
/// write to descriptors 1 and 2, whoever opened them.
private struct OutputCapture {
    /// A duplicate of the original standard output: where replies go.
    private let channel: Int32
    /// A duplicate of the original standard error, restored between lines so crashes are reported.
    private let errors: Int32
    /// `/dev/null`, standard output between lines, so a stray print cannot corrupt the channel.
    private let null: Int32

    init() throws {
        channel = dup(STDOUT_FILENO)
        errors = dup(STDERR_FILENO)
        null = open("/dev/null", O_WRONLY)
        guard channel >= 0, errors >= 0, null >= 0 else {
            throw ValidationError("Cannot set up the kernel's output channel: \(String(cString: strerror(errno))).")
        }
        dup2(null, STDOUT_FILENO)
    }

    /// Runs `work` with standard output and error in a scratch file, and puts what was printed
    /// before the reply's own text (or, when `work` fails, before its error).
    func run(_ work: () throws -> SessionReply) throws -> SessionReply {
        guard let file = tmpfile() else {
            // Running anyway would send the command's tables to /dev/null: fail the line instead.
            throw SessionError.commandFailed(
                command: "kernel",
                message: "Cannot create a scratch file for the output: \(String(cString: strerror(errno))). "
                    + "Check that the temporary directory is writable.")
        }
        defer { fclose(file) }
        let descriptor = fileno(file)
        fflush(nil)
        dup2(descriptor, STDOUT_FILENO)
        dup2(descriptor, STDERR_FILENO)
        func restore() {
            fflush(nil)
            dup2(null, STDOUT_FILENO)
            dup2(errors, STDERR_FILENO)
        }
        func printed() -> String {
            lseek(descriptor, 0, SEEK_SET)
            return String(decoding: FileHandle(fileDescriptor: descriptor).readDataToEndOfFile(), as: UTF8.self)
        }
        var reply: SessionReply
        do {
            reply = try work()
        } catch {
            restore()
            let text = printed()
            guard !text.isEmpty else { throw error }
            throw KernelProtocol.PartialOutputError(printed: text, underlying: error)
        }
        restore()
        let printed = printed()
        if !printed.isEmpty {
            reply = SessionReply(text: printed + reply.text, html: reply.html, svg: reply.svg, quits: reply.quits)
        }
        return reply
    }

    /// Writes `text` to the reply channel.
    func send(_ text: String) {
        FileHandle(fileDescriptor: channel).write(Data(text.utf8))
    }
}
