import Foundation
import Testing

@testable import Workbench

/// A host command that records the words it receives.
private final class Recorder: @unchecked Sendable {
    var words: [[String]] = []
}

@Suite("Session host commands, completion and words")
struct SessionExternalTests {
    @Test("host commands get the session's data file first; a changed dataset is written to a scratch CSV")
    func dataFileDefaults() throws {
        let recorder = Recorder()
        let command = SessionExternalCommand(
            command: SessionCommand(name: "fit", usage: "fit", summary: "s", details: ""), takesLeadingFormula: true
        ) { words in
            recorder.words.append(words)
            return "ok"
        }
        var session = Session(commands: [command])
        let path = try sessionFixture()
        _ = try session.execute("use \(path)")
        #expect(try session.execute("fit --formula \"y ~ x\"").text == "ok\n")
        #expect(recorder.words[0] == [path, "--formula", "y ~ x"])
        _ = try session.execute("fit y ~ C(region, ref = \"North\") + x, vcov(cluster:team) json")
        #expect(recorder.words[1] == [path, "--formula", "y ~ C(region, ref = \"North\") + x", "--vcov", "cluster:team", "--json"])
        _ = try session.execute("fit other.csv --formula y~x")
        #expect(recorder.words[2] == ["other.csv", "--formula", "y~x"])
        _ = try session.execute("keep if tenure > 7")
        _ = try session.execute("fit --formula y~x")
        let scratch = recorder.words[3][0]
        #expect(scratch != path)
        #expect(try String(contentsOfFile: scratch, encoding: .utf8).split(separator: "\n").count == 4)
    }

    @Test("a host command without a dataset says to load one")
    func needsData() {
        let command = SessionExternalCommand(command: SessionCommand(name: "fit", usage: "fit", summary: "s", details: "")) {
            _ in ""
        }
        var session = Session(commands: [command])
        #expect(throws: SessionError.noDataset(command: "fit")) { try session.execute("fit --x 1") }
        #expect(throws: SessionError.unknownCommand(name: "fti", suggestion: "fit")) { try session.execute("fti") }
    }

    @Test("completion: commands first, then columns after operators, files after use")
    func completion() throws {
        var session = Session()
        #expect(session.completions(for: "su").candidates == ["sum", "summarize"])
        #expect(session.completions(for: "tabulate te").candidates == [])
        _ = try session.execute("use \(try sessionFixture())")
        #expect(session.completions(for: "tabulate te") == SessionCompletion(word: "te", candidates: ["tenure"]))
        #expect(session.completions(for: "generate z = log(sa") == SessionCompletion(word: "sa", candidates: ["sales"]))
        let folder = FileManager.default.temporaryDirectory.path + "/"
        let files = session.completions(for: "use \(folder)session-")
        #expect(files.word == folder + "session-")
        #expect(!files.candidates.isEmpty && files.candidates.allSatisfy { $0.hasPrefix(folder + "session-") })
    }

    @Test("words split like a shell: quotes, escapes, an unclosed quote is an error")
    func words() throws {
        #expect(try SessionTokenizer.words(#"a "b c" 'd "e"' f\ g"#) == ["a", "b c", #"d "e""#, "f g"])
        #expect(try SessionTokenizer.words("  ") == [])
        #expect(throws: SessionError.self) { try SessionTokenizer.words("a \"b") }
    }

    @Test("expressions: precedence, unary minus, functions, and errors that name the problem")
    func expressions() throws {
        #expect(
            try SessionExpression.parse("1 + 2 * x ^ 2")
                == .binary("+", .number(1), .binary("*", .number(2), .binary("^", .column("x"), .number(2)))))
        #expect(try SessionExpression.parse("-(a - b) / 2") == .binary("/", .negate(.binary("-", .column("a"), .column("b"))), .number(2)))
        #expect(try SessionExpression.parse("exp(1e-3)") == .function("exp", .number(1e-3)))
        #expect(throws: SessionError.self) { try SessionExpression.parse("lgo(x)") }
        #expect(throws: SessionError.self) { try SessionExpression.parse("(x + 1") }
        #expect(throws: SessionError.self) { try SessionExpression.parse("x +") }
    }
}
