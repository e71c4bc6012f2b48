import DataFrameModule
import Foundation
import Testing

@testable import Workbench

/// Runs a variant of the bundled study and returns the error it throws.
func runnerError(_ old: String, _ new: String) throws -> any Error {
    let path = try variantOfBundledStudy(old, new)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
        _ = try StudyRunner.run(try Study.load(path: path))
    } catch {
        return error
    }
    Issue.record("expected an error")
    throw CancellationError()
}

@Suite("Study runner errors")
struct StudyRunnerErrorTests {
    @Test(
        "an unknown column points at the study key and suggests the closest column",
        arguments: [
            ("  cluster: team_id ", "  cluster: teamid ", "panel.cluster", "teamid", "team_id"),
            ("outcome: sales ", "outcome: sale ", "outcome", "sale", "sales"),
            ("  treated_group: trained_team ", "  treated_group: trained_teams ", "design.treated_group", "trained_teams", "trained_team"),
            ("  post: post ", "  post: posted ", "design.post", "posted", "post"),
        ])
    func unknownColumn(old: String, new: String, key: String, column: String, suggestion: String) throws {
        let error = try runnerError(old, new)
        guard case StudyError.unknownColumn(let location, let c, let s, let dataFile)? = error as? StudyError else {
            Issue.record("got \(error)")
            return
        }
        #expect(location.keyPath == key)
        #expect(location.line != nil)
        #expect(c == column)
        #expect(s == suggestion)
        #expect(dataFile == "../../datasets/sales-training/sales_training.csv")
        #expect("\(error)".contains("Did you mean '\(suggestion)'?"))
    }

    @Test("a text outcome is refused")
    func textOutcome() throws {
        let error = try runnerError("outcome: sales ", "outcome: region ")
        guard case StudyError.unsuitableColumn(let location, "region", "categorical", _)? = error as? StudyError else {
            Issue.record("got \(error)")
            return
        }
        #expect(location.keyPath == "outcome")
    }

    @Test("a numeric treatment start on a date column is refused")
    func startUnitMismatch() throws {
        let path = try variantOfBundledStudy("  time: month\n", "  time: date\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "  post: post                    # 1 from month 13 on", with: "  treatment_start: 13")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try StudyRunner.run(try Study.load(path: path))
        } throws: { error in
            guard case StudyError.unsuitableColumn(let location, "date", _, let advice)? = error as? StudyError else { return false }
            return location.keyPath == "design.treatment_start" && advice.contains("2025-01-01")
        }
    }

    @Test("a missing data file is a DataError naming the resolved path")
    func missingData() throws {
        let error = try runnerError("data: ../../datasets/sales-training/sales_training.csv", "data: nowhere.csv")
        #expect(error is DataError)
        #expect("\(error)".contains("nowhere.csv"))
    }
}
