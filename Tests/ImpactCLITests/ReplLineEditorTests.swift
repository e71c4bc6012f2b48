import Foundation
import Testing

@testable import ImpactCLI

@Suite("Line editing rules")
struct ReplLineEditorTests {
    @Test("insert, move, backspace, delete and kill edit at the cursor")
    func editing() {
        var state = LineEditorState(history: [])
        state.insert("hed 2")
        state.moveHome()
        state.moveRight()
        state.moveRight()
        state.insert("a")
        #expect(state.text == "head 2" && state.textBeforeCursor == "hea")
        state.moveEnd()
        state.backspace()
        state.insert("5")
        #expect(state.text == "head 5")
        state.moveHome()
        state.deleteForward()
        #expect(state.text == "ead 5")
        state.moveRight()
        state.killToEnd()
        #expect(state.text == "e")
        state.moveLeft()
        state.moveLeft()
        state.backspace()
        #expect(state.text == "e" && state.textBeforeCursor.isEmpty)
    }

    @Test("up and down walk history and come back to the line being typed")
    func history() {
        var state = LineEditorState(history: ["use a.csv", "describe"])
        state.insert("hea")
        state.previous()
        #expect(state.text == "describe")
        state.previous()
        state.previous()
        #expect(state.text == "use a.csv")
        state.next()
        state.next()
        #expect(state.text == "hea")
        state.next()
        #expect(state.text == "hea")
    }

    @Test("Tab: one candidate completes with a space, several extend to the common prefix, else list")
    func completion() {
        var state = LineEditorState(history: [])
        state.insert("summarize ten")
        #expect(state.complete(partial: "ten", candidates: ["tenure_months"]).isEmpty)
        #expect(state.text == "summarize tenure_months ")
        state.clear()
        state.insert("tabulate tr")
        #expect(state.complete(partial: "tr", candidates: ["trained", "trained_team"]).isEmpty)
        #expect(state.text == "tabulate trained")
        #expect(state.complete(partial: "trained", candidates: ["trained", "trained_team"]) == ["trained", "trained_team"])
        #expect(state.complete(partial: "x", candidates: []).isEmpty)
    }

    @Test("history file: blank and repeated lines are skipped, entries are appended")
    func historyFile() throws {
        let path = try temporaryDirectory().appendingPathComponent("history").path
        var history = LineEditorHistory(path: path)
        history.add("use a.csv")
        history.add("use a.csv")
        history.add("   ")
        history.add("head")
        #expect(history.entries == ["use a.csv", "head"])
        #expect(LineEditorHistory(path: path).entries == ["use a.csv", "head"])
    }

    @Test("the option names a command's help mentions, for the unknown-option check")
    func optionNames() {
        let names = ReplCommandSet.optionNames(in: RegressCommand.helpMessage())
        #expect(names.isSuperset(of: ["--formula", "--vcov", "--weights", "--json", "--help"]))
        #expect(!names.contains("--formla"))
    }
}
