import ArgumentParser
import Workbench

/// `impact regress DATA.csv --formula "…" [--formula "…" …] [--vcov …] [--weights COL]
/// [--json | --markdown]`: OLS/WLS with a chosen covariance; one formula prints its summary,
/// several print a side-by-side comparison table.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Fit linear regressions (OLS, or WLS with --weights); one formula prints its summary, several a comparison table.",
        discussion: """
            Formulas use R/patsy syntax: y ~ x1 + x2 + C(region) + x1:x2, where
            a*b = a + b + a:b, -1 drops the intercept and C(x, ref = "North") sets the
            reference level.

            Repeat --formula to fit several models with the same covariance and
            weights and print them side by side (as R modelsummary, fixest etable,
            Stata esttab): one row per coefficient with its stars (* p < 0.10,
            ** p < 0.05, *** p < 0.01) and its standard error beneath, then N, R²,
            adjusted R², fixed effects, the covariance and the number of clusters.

            Examples:
              impact regress data.csv --formula "sales ~ trained_team * post" \\
                --vcov cluster:team_id
              impact regress data.csv --formula "y ~ x1 + C(group)" --vcov hc1 --json
              impact regress data.csv --vcov cluster:team_id \\
                --formula "sales ~ trained_team * post" \\
                --formula "sales ~ trained_team * post + tenure_months + C(role)"
              impact regress data.csv --formula "y ~ x1" --formula "y ~ x1 + x2" \\
                --title "Short" --title "Long" --markdown
            """)

    @Argument(help: "The data file (CSV).")
    var data: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Model formula, e.g. \"sales ~ trained_team * post\"; repeat for a comparison table.", valueName: "formula"))
    var formula: [String]

    @Option(
        name: .long,
        help: ArgumentHelp("Column title of a comparison table; repeat once per --formula (default (1), (2), …).", valueName: "title"))
    var title: [String] = []

    @Option(name: .long, help: "Covariance: \(CovarianceSyntax.forms).")
    var vcov: String = "classical"

    @Option(name: .long, help: "Weight column for weighted least squares.")
    var weights: String?

    @Option(name: .long, help: "Confidence level of the intervals, between 0 and 1.")
    var level: Double = 0.95

    @Flag(name: .long, help: "Print JSON (impact-regression-report/1, or impact-model-comparison/1 for several formulas).")
    var json = false

    @Flag(name: .long, help: "Print Markdown instead of text.")
    var markdown = false

    func validate() throws {
        try validateInputFile(data, kind: "data file")
        guard title.isEmpty || title.count == formula.count else {
            throw ValidationError(
                "Give one --title per --formula (\(title.count) titles for \(formula.count) formulas), or none.")
        }
        guard title.isEmpty || formula.count > 1 else {
            throw ValidationError("--title names the columns of a comparison; give it with two or more --formula options.")
        }
        guard !(json && markdown) else {
            throw ValidationError("Choose one of --json and --markdown.")
        }
        do {
            for text in formula { try WorkbenchCommands.checkFormula(text) }
            try WorkbenchCommands.checkCovariance(vcov)
        } catch {
            throw ValidationError("\(error)")
        }
        guard level > 0, level < 1 else {
            throw ValidationError("--level must be strictly between 0 and 1, e.g. 0.95.")
        }
    }

    func run() throws {
        let output: RegressionOutput = json ? .json : (markdown ? .markdown : .text)
        let text = try WorkbenchCommands.regress(
            dataPath: data, formulas: formula, titles: title.isEmpty ? nil : title, covariance: vcov, weights: weights,
            level: level, output: output)
        print(text, terminator: "")
    }
}
