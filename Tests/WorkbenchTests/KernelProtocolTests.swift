import Foundation
import Testing

@testable import Workbench

@Suite("Kernel protocol")
struct KernelProtocolTests {
    /// The reply to `code` as a decoded value, going through the JSON line both ways.
    static func roundTrip(_ code: String, in session: inout Session, runner: KernelProtocol.Runner? = nil) throws
        -> KernelReply
    {
        let request = String(decoding: try JSONEncoder().encode(KernelProtocol.Request(code: code)), as: UTF8.self)
        let line =
            runner.map { KernelProtocol.respond(to: request, in: &session, runner: $0) }
            ?? KernelProtocol.respond(to: request, in: &session)
        #expect(!line.contains("\n"), "a reply must be one line")
        return try JSONDecoder().decode(KernelReply.self, from: Data(line.utf8))
    }

    @Test("a cell runs line by line; outputs keep their order and rich forms; comments print nothing")
    func okCell() throws {
        var session = Session()
        let path = try sessionFixture()
        let reply = try Self.roundTrip("# load\nuse \(path)\n\nkeep if tenure > 7\ntabulate region", in: &session)
        #expect(reply.status == .ok && reply.error == nil && reply.line == nil)
        #expect(reply.outputs.count == 3)
        #expect(reply.outputs[0] == KernelReply.Output(text: "\(path): 4 rows × 4 columns\n"))
        #expect(reply.outputs[1].text == "(1 row dropped; 3 remain)\n" && reply.outputs[1].html == nil)
        #expect(reply.outputs[2].text.contains("(total 3)") && reply.outputs[2].html?.contains("<table>") == true)
        #expect(session.frame?.rowCount == 3)
    }

    @Test("the first failing line stops the cell with its line number; earlier lines keep their effect")
    func errorStops() throws {
        var session = Session()
        let path = try sessionFixture()
        let reply = try Self.roundTrip(
            "use \(path)\n# a comment line still counts\ngenerate x = tenure\nsumarize x\ngenerate y = 1", in: &session)
        #expect(reply.status == .error && reply.line == 4)
        #expect(reply.error?.hasPrefix("Unknown command 'sumarize'. Did you mean 'summarize'?") == true)
        #expect(reply.outputs.map(\.text) == ["\(path): 4 rows × 4 columns\n", "(generated x; 0 missing values)\n"])
        #expect(session.frame?["x"] != nil && session.frame?["y"] == nil)
        // The session carries over to the next cell.
        #expect(try Self.roundTrip("summarize x", in: &session).status == .ok)
    }

    @Test("a continued line counts from where it starts; quit is refused; a malformed request is line 0")
    func edges() throws {
        var session = Session()
        let continued = try Self.roundTrip("help \\\n  use\nkeep if x > 1", in: &session)
        #expect(continued.status == .error && continued.line == 3 && continued.outputs.count == 1)
        let quit = try Self.roundTrip("help\nquit\nhelp", in: &session)
        #expect(quit.status == .error && quit.line == 2 && quit.outputs.count == 1)
        #expect(quit.error?.contains("restart the kernel") == true)
        for bad in ["not json", "{\"cell\": \"help\"}", "{\"code\": 3}"] {
            let line = KernelProtocol.respond(to: bad, in: &session)
            let reply = try JSONDecoder().decode(KernelReply.self, from: Data(line.utf8))
            #expect(reply.status == .error && reply.line == 0 && reply.outputs.isEmpty)
            #expect(reply.error?.contains("{\"code\": \"…\"}") == true)
        }
    }

    @Test("the host's runner wraps each line; its errors stop the cell like the session's")
    func runner() throws {
        var session = Session()
        var seen: [String] = []
        let reply = try Self.roundTrip("first\nsecond\nthird", in: &session) { line, _ in
            seen.append(line)
            if line == "second" { throw SessionError.noDataset(command: "second") }
            return SessionReply(text: "ran \(line)")
        }
        #expect(seen == ["first", "second"])
        #expect(reply.outputs == [KernelReply.Output(text: "ran first\n")] && reply.line == 2)
    }

    @Test("what a failing line printed before its error is kept as an output before the error")
    func partialOutput() throws {
        var session = Session()
        let reply = try Self.roundTrip("first\nsecond\nthird", in: &session) { line, _ in
            guard line == "second" else { return SessionReply(text: "ran \(line)") }
            throw KernelProtocol.PartialOutputError(
                printed: "warning: few clusters\n", underlying: SessionError.noDataset(command: "second"))
        }
        #expect(reply.outputs.map(\.text) == ["ran first\n", "warning: few clusters\n"])
        #expect(reply.error == "\(SessionError.noDataset(command: "second"))" && reply.line == 2)
    }

    @Test("replies are sorted-key JSON without absent fields")
    func encoding() {
        let ok = KernelProtocol.encode(KernelReply(status: .ok, outputs: [KernelReply.Output(text: "a</b>\n", svg: "<svg/>")]))
        #expect(ok == #"{"outputs":[{"svg":"<svg/>","text":"a</b>\n"}],"status":"ok"}"#)
        let error = KernelProtocol.encode(KernelReply(status: .error, outputs: [], error: "bad", line: 2))
        #expect(error == #"{"error":"bad","line":2,"outputs":[],"status":"error"}"#)
    }
}
