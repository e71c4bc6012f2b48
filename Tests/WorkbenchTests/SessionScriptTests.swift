import Foundation
import Testing

@testable import Workbench

@Suite("Scripts of session commands")
struct SessionScriptTests {
    @Test("steps skip comments and blank lines, join continuations, and keep line numbers")
    func steps() {
        let steps = ScriptRunner.steps(of: "# setup\n\nuse a.csv\nsummarize x \\\n  by g\r\nhead 3\n")
        #expect(
            steps == [
                ScriptRunner.Step(line: 3, text: "use a.csv"), ScriptRunner.Step(line: 4, text: "summarize x by g"),
                ScriptRunner.Step(line: 6, text: "head 3"),
            ])
    }

    @Test("an error mid-way stops the script at file:line; earlier output and changes are kept")
    func stopsAtFirstError() throws {
        let data = try sessionFixture()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("s-\(UUID().uuidString).impact").path
        try "use \(data)\nkeep if tenure > 7\n\n# next line is wrong\nsumarize tenure\ngenerate z = 1\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        var session = Session()
        var printed: [String] = []
        var progress: [Int] = []
        #expect(
            throws: ScriptError(
                file: script, line: 5,
                message: "Unknown command 'sumarize'. Did you mean 'summarize'? Type 'help' for the list of commands.")
        ) {
            try ScriptRunner.run(path: script, in: &session, output: { printed.append($0) }, progress: { k, _, _ in progress.append(k) })
        }
        #expect(printed.count == 2 && printed[1] == "(1 row dropped; 3 remain)\n")
        #expect(progress == [0, 1, 2])
        #expect(session.frame?.rowCount == 3)
        #expect(session.frame?["z"] == nil)
    }

    @Test("a missing script and a missing dataset are errors with the line")
    func missingFiles() throws {
        var session = Session()
        #expect(throws: ScriptError.self) { try ScriptRunner.run(path: "/no/such.impact", in: &session, output: { _ in }) }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("m-\(UUID().uuidString).impact").path
        try "\nuse /no/such/data.csv\n".write(toFile: script, atomically: true, encoding: .utf8)
        do {
            try ScriptRunner.run(path: script, in: &session, output: { _ in })
            Issue.record("expected an error")
        } catch let error as ScriptError {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("\(script):2: Cannot read '/no/such/data.csv'"))
        }
    }

    @Test("quit ends a script early without error")
    func quitEarly() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("q-\(UUID().uuidString).impact").path
        try "help use\nquit\nnonsense\n".write(toFile: script, atomically: true, encoding: .utf8)
        var session = Session()
        var printed: [String] = []
        try ScriptRunner.run(path: script, in: &session, output: { printed.append($0) })
        #expect(printed.count == 2)
    }
}
