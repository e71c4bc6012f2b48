import Foundation
import Testing

@Suite("impact run FILE.impact and piped repl input", .serialized)
struct ReplScriptTests {
    @Test("a script runs in order and stops at the first error with file:line, keeping earlier output")
    func scriptStopsAtError() throws {
        let folder = try temporaryDirectory()
        let script = folder.appendingPathComponent("analysis.impact")
        let saved = folder.appendingPathComponent("north.csv")
        try """
        # Sales in the North
        use datasets/sales-training/sales_training.csv
        keep if region == "North"
        regress sales ~ trained_team * post, vcov(cluster:team_id)
        summarize tenure_monhts
        save \(saved.path)
        """.write(to: script, atomically: true, encoding: .utf8)
        let output = try ImpactProcess.run(["run", script.path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("(10560 rows dropped; 3840 remain)"))
        #expect(output.stdout.contains("trained_team:post"))
        #expect(
            output.stderr
                == "\(script.path):5: No column named 'tenure_monhts'. Did you mean 'tenure_months'? Check the spelling against the data file's header.\n"
        )
        #expect(!FileManager.default.fileExists(atPath: saved.path))
    }

    @Test("a script that succeeds exits 0; progress stays off when stderr is not a terminal")
    func scriptSucceeds() throws {
        let folder = try temporaryDirectory()
        let script = folder.appendingPathComponent("ok.impact")
        try """
        use datasets/sales-training/sales_training.csv
        generate log_sales = log(sales)
        eventstudy --outcome log_sales --unit employee_id --time month \\
          --cohort training_month --leads 2 --lags 2
        """.write(to: script, atomically: true, encoding: .utf8)
        let output = try ImpactProcess.run(["run", script.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Outcome:      log_sales"))
        #expect(output.stderr.isEmpty)
    }

    @Test("a script whose dataset does not exist fails at that line")
    func missingDataset() throws {
        let folder = try temporaryDirectory()
        let script = folder.appendingPathComponent("missing.impact")
        try "use no/such/data.csv\nhead\n".write(to: script, atomically: true, encoding: .utf8)
        let output = try ImpactProcess.run(["run", script.path])
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("\(script.path):1: Cannot read 'no/such/data.csv'"))
        #expect(output.stdout.isEmpty)
    }

    @Test("piped input runs without prompts; failures are reported and make the exit status 1")
    func pipedRepl() throws {
        let folder = try temporaryDirectory()
        let input = folder.appendingPathComponent("input.txt")
        try "head 1\nsumarize\nregress --formla \"sales ~ post\"\nquit\n".write(to: input, atomically: true, encoding: .utf8)
        let output = try ImpactProcess.run(["repl", "datasets/sales-training/sales_training.csv"], input: input)
        #expect(output.status == 1)
        #expect(!output.stdout.contains("impact>"))
        #expect(output.stdout.contains("(first 1 of 14400 rows)"))
        #expect(output.stderr.contains("Unknown command 'sumarize'. Did you mean 'summarize'?"))
        #expect(output.stderr.contains("Unknown option '--formla'. Did you mean '--formula'?"))
    }

    @Test("the CLI's estimation commands run on the session's data and report their own errors")
    func estimationCommands() throws {
        let folder = try temporaryDirectory()
        let input = folder.appendingPathComponent("input.txt")
        try """
        balance --treatment trained_team --covariates tenure_months
        compare --outcome sales --treatment trained_team --covariates tenure_months
        did --outcome sales --unit employee_id --time month --cohort training_month
        help eventstudy
        """.write(to: input, atomically: true, encoding: .utf8)
        let output = try ImpactProcess.run(["repl", "datasets/sales-training/sales_training.csv"], input: input)
        #expect(output.status == 1)
        #expect(output.stdout.contains("Covariate balance by trained_team"))
        #expect(output.stdout.contains("Control-group comparison: sales by trained_team"))
        #expect(output.stdout.contains("--leads <leads>"))
        #expect(output.stderr.contains("error: did: Column 'sales' is missing in 46 row(s)."))
    }

    @Test("impact repl with a data file that does not exist is a usage error")
    func missingDataFile() throws {
        let output = try ImpactProcess.run(["repl", "no/such.csv"])
        #expect(output.status == usageErrorStatus)
        #expect(output.stderr.contains("No data file at 'no/such.csv'"))
    }
}
