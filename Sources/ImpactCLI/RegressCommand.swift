import ArgumentParser
import Workbench

/// `impact regress DATA.csv --formula "…" [--vcov …] [--weights COL] [--json]`: OLS/WLS with a
/// chosen covariance.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Fit a linear regression (OLS, or WLS with --weights) and print its summary.",
        discussion: """
            Formulas use R/patsy syntax: y ~ x1 + x2 + C(region) + x1:x2, a*b = a + b + a:b, -1 drops
            the intercept, C(x, ref = "North") sets the reference level.

            Examples:
              impact regress data.csv --formula "sales ~ trained_team * post" --vcov cluster:team_id
              impact regress data.csv --formula "y ~ x1 + C(group)" --vcov hc1 --json
            """)

    @Argument(help: "The data file (CSV).")
    var data: String

    @Option(name: .long, help: "Model formula, e.g. \"sales ~ trained_team * post\".")
    var formula: String

    @Option(name: .long, help: "Covariance: \(CovarianceSyntax.forms).")
    var vcov: String = "classical"

    @Option(name: .long, help: "Weight column for weighted least squares.")
    var weights: String?

    @Option(name: .long, help: "Confidence level of the intervals, between 0 and 1.")
    var level: Double = 0.95

    @Flag(name: .long, help: "Print the fit as JSON instead of a text summary.")
    var json = false

    func validate() throws {
        try validateInputFile(data, kind: "data file")
        do {
            try WorkbenchCommands.checkFormula(formula)
            try WorkbenchCommands.checkCovariance(vcov)
        } catch {
            throw ValidationError("\(error)")
        }
        guard level > 0, level < 1 else {
            throw ValidationError("--level must be strictly between 0 and 1, e.g. 0.95.")
        }
    }

    func run() throws {
        let text = try WorkbenchCommands.regress(
            dataPath: data, formula: formula, covariance: vcov, weights: weights, level: level, json: json)
        print(text, terminator: "")
    }
}
