import Foundation
import Testing

@testable import ImpactCLI

let salesCSV = "datasets/sales-training/sales_training.csv"
let salesStudy = "Examples/studies/sales-training.yml"

@Suite("impact as a program", .serialized)
struct ImpactCLITests {
    @Test("--help lists the commands and an example")
    func help() throws {
        let output = try ImpactProcess.run(["--help"])
        #expect(output.status == 0)
        for command in ["run", "describe", "regress"] { #expect(output.stdout.contains(command)) }
        #expect(output.stdout.contains("impact run Examples/studies/sales-training.yml"))
        let regress = try ImpactProcess.run(["regress", "--help"])
        #expect(regress.status == 0)
        #expect(regress.stdout.contains("cr2:COL|cr3:COL"))
        #expect(regress.stdout.contains("--formula <formula> ..."))
        #expect(regress.stdout.contains("* p < 0.10"))
        #expect(regress.stdout.contains("--title \"Short\" --title \"Long\" --markdown"))
    }

    @Test("run writes report.md and report.json and prints the headline and the paths")
    func runStudy() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("sales").path
        let output = try ImpactProcess.run(["run", salesStudy, "--out", out])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ROI between ") == true)
        #expect(lines.first?.contains("999 replicates, seed 20260101") == true)
        #expect(lines.contains("Report: \(out)/report.md"))
        #expect(lines.contains("JSON:   \(out)/report.json"))
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains(lines[0]))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.json")))
        let top = try #require(json as? [String: Any])
        #expect(top["format"] as? String == "impact-study-report/1")
        let bootstrap = try #require(top["bootstrap"] as? [String: Any])
        #expect((bootstrap["seed"] as? NSNumber)?.uint64Value == 20_260_101)
    }

    @Test("run without --out writes into out/<study-file-stem>/ under the current directory")
    func runDefaultOutput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let study = repositoryRoot().appendingPathComponent(salesStudy).path
        let output = try ImpactProcess.run(["run", study, "--threads", "1"], in: directory)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("Report: out/sales-training/report.md"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/sales-training/report.json").path))
    }

    @Test("describe lists every column")
    func describe() throws {
        let output = try ImpactProcess.run(["describe", salesCSV])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("14400 rows × 12 columns"))
        for column in ["employee_id", "team_id", "sales", "training_month"] { #expect(output.stdout.contains(column)) }
    }

    @Test("regress prints a summary with the clustered covariance label")
    func regress() throws {
        let output = try ImpactProcess.run([
            "regress", salesCSV, "--formula", "sales ~ trained_team * post", "--vcov", "cluster:team_id",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("trained_team:post"))
        #expect(output.stdout.contains("G = 30"))
    }

    @Test("regress --json gives the statsmodels coefficient")
    func regressJSON() throws {
        let output = try ImpactProcess.run([
            "regress", salesCSV, "--formula", "sales ~ trained_team + post + trained_team:post", "--vcov", "cluster:team_id",
            "--json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let top = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(top["format"] as? String == "impact-regression-report/1")
        #expect(top["usedRows"] as? Int == 14_354)
        let rows = try #require(top["coefficients"] as? [[String: Any]])
        let did = try #require(rows.first { $0["name"] as? String == "trained_team:post" })
        // datasets/reference/ols_sales_did.json, did_estimate.estimate; rtol 1e-9.
        let estimate = try #require(did["estimate"] as? Double)
        #expect(abs(estimate - 1646.6177283827378) <= 1e-9 * 1646.6177283827378)
    }

    @Test("regress with several formulas prints the comparison table")
    func regressComparison() throws {
        let output = try ImpactProcess.run([
            "regress", salesCSV, "--vcov", "cluster:team_id", "--formula", "sales ~ trained_team * post", "--formula",
            "sales ~ trained_team * post + tenure_months", "--formula", "sales ~ trained_team * post + trained",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix("(1)                      (2)                      (3)"))
        #expect(lines[1].hasPrefix("Dependent variable") && lines[1].hasSuffix("sales"))
        let did = try #require(lines.first { $0.hasPrefix("trained_team:post ") })
        #expect(did.components(separatedBy: "***").count == 4)  // significant at 1 % in all three models
        #expect(lines.contains { $0.hasPrefix("tenure_months ") })
        #expect(lines.contains { $0.hasPrefix("trained ") && $0.hasSuffix("dropped") })
        #expect(lines.contains { $0.hasPrefix("N ") && $0.components(separatedBy: "14,354").count == 4 })
        #expect(lines.contains { $0.hasPrefix("Clusters (team_id)") && $0.hasSuffix("30") })
        #expect(lines.contains("Standard errors in parentheses; * p < 0.10, ** p < 0.05, *** p < 0.01."))
        #expect(output.stdout.contains("(3): trained dropped"))
    }

    @Test("regress with several formulas and --json prints impact-model-comparison/1")
    func regressComparisonJSON() throws {
        let output = try ImpactProcess.run([
            "regress", salesCSV, "--vcov", "cluster:team_id", "--formula", "sales ~ trained_team + post + trained_team:post",
            "--formula", "sales ~ trained_team * post + tenure_months", "--title", "DiD", "--title", "DiD + tenure", "--json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let top = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(top["format"] as? String == "impact-model-comparison/1")
        let models = try #require(top["models"] as? [[String: Any]])
        #expect(models.map { $0["title"] as? String } == ["DiD", "DiD + tenure"])
        #expect(models.allSatisfy { $0["covariance"] as? String == "Clustered (team_id), G = 30, CR1" })
        let rows = try #require(top["rows"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["Intercept", "trained_team", "post", "trained_team:post", "tenure_months"])
        let did = try #require(rows[3]["cells"] as? [[String: Any]])
        // datasets/reference/ols_sales_did.json, did_estimate.estimate; rtol 1e-9.
        let estimate = try #require(did[0]["estimate"] as? Double)
        #expect(abs(estimate - 1646.6177283827378) <= 1e-9 * 1646.6177283827378)
        #expect(did[0]["stars"] as? String == "***")
    }

    @Test("--markdown prints the comparison or, for one formula, the regression report")
    func regressMarkdown() throws {
        let comparison = try ImpactProcess.run([
            "regress", salesCSV, "--formula", "sales ~ post", "--formula", "sales ~ trained", "--markdown",
        ])
        #expect(comparison.status == 0, "stderr: \(comparison.stderr)")
        #expect(comparison.stdout.hasPrefix("|  | (1) | (2) |\n| --- | ---: | ---: |\n"))
        #expect(comparison.stdout.contains("\\*\\*\\*"))
        let single = try ImpactProcess.run(["regress", salesCSV, "--formula", "sales ~ post", "--markdown"])
        #expect(single.status == 0, "stderr: \(single.stderr)")
        #expect(single.stdout.hasPrefix("## Regression: `sales ~ post`"))
    }

    @Test("a failing formula in a comparison names its model")
    func regressComparisonFailure() throws {
        let output = try ImpactProcess.run([
            "regress", salesCSV, "--formula", "sales ~ post", "--formula", "sales ~ trained_teem",
        ])
        #expect(output.status == 1)
        #expect(output.stderr.contains("Model (2) 'sales ~ trained_teem'"))
        #expect(output.stderr.contains("trained_team"))
        #expect(output.stdout.isEmpty)
    }

    @Test(
        "a missing file is a usage error naming the path",
        arguments: [
            ["describe", "no/such.csv"], ["run", "no/such.csv"], ["regress", "no/such.csv", "--formula", "y ~ x"],
        ])
    func missingFile(arguments: [String]) throws {
        let output = try ImpactProcess.run(arguments)
        #expect(output.status == usageErrorStatus)
        #expect(output.stderr.contains("'no/such.csv'"))
        #expect(output.stdout.isEmpty)
    }

    @Test("a malformed CSV fails with status 1, the line, and no stack trace")
    func malformedCSV() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.csv").path
        try "a,b,c\n1,2,3\n4,5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let output = try ImpactProcess.run(["describe", path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("bad.csv:3:"))
        #expect(!output.stderr.contains("Backtrace"))
        #expect(!output.stderr.contains("Fatal error"))
    }

    @Test("an unknown column fails with status 1 and a suggestion")
    func unknownColumn() throws {
        let output = try ImpactProcess.run(["regress", salesCSV, "--formula", "sales ~ trained_teem * post"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("trained_teem"))
        #expect(output.stderr.contains("trained_team"))
    }

    @Test("an unknown column in a study points at the study key")
    func unknownStudyColumn() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: repositoryRoot().appendingPathComponent(salesStudy).path, encoding: .utf8)
            .replacingOccurrences(of: "cluster: team_id ", with: "cluster: teamid ")
            .replacingOccurrences(
                of: "data: ../../datasets/", with: "data: \(repositoryRoot().path)/datasets/")
        let path = directory.appendingPathComponent("study.yml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let output = try ImpactProcess.run(["run", path, "--out", directory.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("panel.cluster: no column 'teamid'"))
        #expect(output.stderr.contains("Did you mean 'team_id'?"))
    }

    @Test(
        "invalid option values are usage errors",
        arguments: [
            ["regress", salesCSV, "--formula", "sales ~ post", "--vcov", "hc4"],
            ["regress", salesCSV, "--formula", "sales ~ ", "--vcov", "hc1"],
            ["regress", salesCSV, "--formula", "sales ~ post", "--level", "95"],
            ["regress", salesCSV],
            ["regress", salesCSV, "--formula", "sales ~ post", "--formula", "sales ~ "],
            ["regress", salesCSV, "--formula", "sales ~ post", "--formula", "sales ~ trained", "--title", "A"],
            ["regress", salesCSV, "--formula", "sales ~ post", "--title", "A"],
            ["regress", salesCSV, "--formula", "sales ~ post", "--json", "--markdown"],
            ["run", salesStudy, "--threads", "0"],
            ["frobnicate"],
        ])
    func usageErrors(arguments: [String]) throws {
        let output = try ImpactProcess.run(arguments)
        #expect(output.status == usageErrorStatus, "stderr: \(output.stderr)")
        #expect(output.stderr.contains("Error:"))
    }

    @Test("the command tree parses in-process, as a REPL would reuse it")
    func parseAsRoot() throws {
        let root = repositoryRoot().path
        let command = try ImpactCommand.parseAsRoot([
            "regress", "\(root)/\(salesCSV)", "--formula", "sales ~ post", "--vcov", "hc1", "--json",
        ])
        let regress = try #require(command as? RegressCommand)
        #expect(regress.formula == ["sales ~ post"])
        #expect(regress.vcov == "hc1")
        #expect(regress.json)
        #expect(throws: (any Error).self) { try ImpactCommand.parseAsRoot(["regress", "\(root)/\(salesCSV)"]) }
    }
}
