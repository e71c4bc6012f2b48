import DataFrameModule
import Foundation
import Testing

@testable import Workbench

/// A small CSV in a fresh temporary file: four people, a numeric and a text column, one missing.
func sessionFixture() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString).csv").path
    try "id,region,tenure,sales\n1,North,10,100\n2,South,20,\n3,North,30,400\n4,East,5,50\n"
        .write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("Session data commands")
struct SessionTests {
    @Test("use loads the file and reports its size; describe and head print aligned tables")
    func useDescribeHead() throws {
        var session = Session()
        let path = try sessionFixture()
        #expect(try session.execute("use \(path)").text == "\(path): 4 rows × 4 columns\n")
        let describe = try session.execute("describe").text
        #expect(describe.contains("tenure") && describe.contains("categorical"))
        let head = try session.execute("head 2").text
        #expect(head.contains("(first 2 of 4 rows)"))
        let lines = head.split(separator: "\n")
        #expect(lines[0].contains("region") && lines[3].contains("North") && lines[4].contains("South"))
    }

    @Test("keep if on a number drops rows with a missing value; on text compares the text")
    func keepIf() throws {
        var session = Session()
        _ = try session.execute("use \(try sessionFixture())")
        #expect(try session.execute("keep if sales >= 100").text == "(2 rows dropped; 2 remain)\n")
        #expect(try session.frame?.column(named: "id").numericValues() == [1, 3])
        _ = try session.execute("use \(try sessionFixture())")
        _ = try session.execute("filter region == \"North\"")
        #expect(session.frame?.rowCount == 2)
        _ = try session.execute("use \(try sessionFixture())")
        _ = try session.execute("drop if sales > 60")
        // Row 2 has no sales: the comparison is not true, so drop keeps it.
        #expect(try session.frame?.column(named: "id").numericValues() == [2, 4])
        _ = try session.execute("keep if sales == .")
        #expect(try session.frame?.column(named: "id").numericValues() == [2])
        _ = try session.execute("use \(try sessionFixture())")
        _ = try session.execute("drop if sales == .")
        #expect(try session.frame?.column(named: "id").numericValues() == [1, 3, 4])
        #expect(throws: SessionError.self) { try session.execute("keep if sales > .") }
    }

    @Test("an order comparison on a text column and a condition without 'if' are errors")
    func keepErrors() throws {
        var session = Session()
        _ = try session.execute("use \(try sessionFixture())")
        #expect(throws: SessionError.notNumeric(column: "region", type: "categorical")) {
            try session.execute("keep if region > \"North\"")
        }
        #expect(throws: SessionError.self) { try session.execute("keep tenure > 3") }
        #expect(session.frame?.rowCount == 4)
    }

    @Test("generate computes row by row; missing and undefined values are missing")
    func generate() throws {
        var session = Session()
        _ = try session.execute("use \(try sessionFixture())")
        #expect(try session.execute("generate y = log(sales) - 2 * tenure ÷ 5").text == "(generated y; 1 missing value)\n")
        let y = try #require(try session.frame?.column(named: "y"))
        #expect(y.isMissing(1))
        #expect(abs(y.numericValues()![0] - (log(100) - 4)) < 1e-12)
        #expect(abs(y.numericValues()![3] - (log(50) - 2)) < 1e-12)
        #expect(throws: SessionError.columnExists(name: "y")) { try session.execute("generate y = 1") }
        _ = try session.execute("replace y = -(tenure + 1) ^ 2")
        #expect(try session.frame?.column(named: "y").numericValues() == [-121, -441, -961, -36])
    }

    @Test("summarize gives N, mean, sd, min and max, per group with by")
    func summarize() throws {
        var session = Session()
        _ = try session.execute("use \(try sessionFixture())")
        let text = try session.execute("summarize tenure sales").text
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        // tenure: 10, 20, 30, 5 → mean 16.25; sales: 100, 400, 50 (one missing).
        #expect(lines[3] == ["0", "tenure", "4", "16.25", String(lines[3][4]), "5", "30"])
        let sd = (([10.0, 20, 30, 5].map { ($0 - 16.25) * ($0 - 16.25) }.reduce(0, +)) / 3).squareRoot()
        #expect(abs(Double(lines[3][4])! - sd) < 1e-4)
        #expect(lines[4][1] == "sales" && lines[4][2] == "3")
        #expect(abs(try #require(Double(lines[4][3])) - 550.0 / 3) < 1e-3)
        let grouped = try session.execute("summarize tenure by region").text
        #expect(grouped.contains("North") && grouped.contains("3 rows × 7 columns"))
        #expect(grouped.split(separator: "\n").first { $0.contains("North") }?.contains("20") == true)
    }

    @Test("tabulate counts every value with percentages and puts missing values last")
    func tabulate() throws {
        var session = Session()
        _ = try session.execute("use \(try sessionFixture())")
        let rows = try session.execute("tabulate region").text.split(separator: "\n").dropFirst(3)
            .map { $0.split(separator: " ").map(String.init) }
        #expect(rows[0] == ["0", "East", "1", "25", "25"])
        #expect(rows[1] == ["1", "North", "2", "50", "75"])
        #expect(rows[2] == ["2", "South", "1", "25", "100"])
        let sales = try session.execute("tab sales").text
        #expect(sales.contains("NA") && sales.contains("(total 4)"))
    }

    @Test("save writes the current data, which read back equal it")
    func save() throws {
        var session = Session()
        _ = try session.execute("use \(try sessionFixture())")
        _ = try session.execute("keep if tenure > 7")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("saved-\(UUID().uuidString).csv").path
        _ = try session.execute("save \(out)")
        // Compared as CSV text: the filtered frame keeps the now unused level 'South', which a
        // fresh read does not have.
        #expect(try DataFrame.readCSV(path: out).csvText() == session.frame?.csvText())
        #expect(session.frame?.rowCount == 3)
    }

    @Test("run runs a study file and names the reports it wrote; scripts and missing files are errors")
    func runStudy() throws {
        var session = Session()
        let study = repositoryRoot().appendingPathComponent("Examples/studies/sales-training.yml").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("study-\(UUID().uuidString)").path
        let text = try session.execute("run \(study) --out \(out)").text
        #expect(text.contains("Report: \(out)/report.md"))
        #expect(FileManager.default.fileExists(atPath: out + "/report.json"))
        #expect(throws: SessionError.self) { try session.execute("run analysis.impact") }
        #expect(throws: (any Error).self) { try session.execute("run /no/such/study.yml") }
    }

    @Test("unknown commands suggest the closest name; data commands need a dataset")
    func errors() throws {
        var session = Session()
        #expect(throws: SessionError.unknownCommand(name: "sumarize", suggestion: "summarize")) {
            try session.execute("sumarize")
        }
        #expect(throws: SessionError.noDataset(command: "head")) { try session.execute("head") }
        #expect(throws: DataError.self) { try session.execute("use /no/such/file.csv") }
        #expect(session.frame == nil)
        _ = try session.execute("use \(try sessionFixture())")
        #expect(throws: DataError.unknownColumn(name: "tenur", suggestion: "tenure")) {
            try session.execute("summarize tenur")
        }
        #expect(throws: SessionError.unknownCommand(name: "regres", suggestion: nil)) { try session.execute("help regres") }
    }

    @Test("help lists every command and explains each one; quit ends the session")
    func help() throws {
        var session = Session()
        let list = try session.execute("help").text
        for command in SessionCommand.builtins { #expect(list.contains("  \(command.name) ")) }
        for command in SessionCommand.builtins {
            #expect(try session.execute("help \(command.name)").text.contains("Usage: \(command.usage)"))
        }
        #expect(try session.execute("quit").quits)
        #expect(try session.execute("exit").quits)
        #expect(try session.execute("# a comment") == SessionReply(text: ""))
    }
}
