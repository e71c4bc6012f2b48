import ArgumentParser
import Estimators
import Workbench

/// `impact balance DATA --treatment d --covariates x1,x2`: standardized mean differences and
/// variance ratios before and after propensity-score weighting, with imbalances flagged.
struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Covariate balance (SMD, variance ratio) before and after propensity-score weighting or matching.",
        discussion: """
            Flags |SMD| > 0.1 and variance ratios outside [0.5, 2] (Stuart 2010;
            Austin 2009). The SMD's denominator is the pooled SD of the raw sample.

            Examples:
              impact balance people.csv --treatment trained --covariates tenure,C(region)
              impact balance people.csv --treatment d --covariates x1,x2 --target att --json
              impact balance people.csv --treatment d --covariates x1,x2 --match --caliper 0.2
            """)

    @Argument(help: "The data file (CSV, one row per unit).")
    var data: String

    @Option(name: .long, help: "Treatment column coded 0/1.")
    var treatment: String

    @Option(name: .long, parsing: .upToNextOption, help: "Covariate terms, comma- or space-separated (formula syntax).")
    var covariates: [String]

    @Option(name: .long, help: "Outcome column: when given, rows missing it are left out as in `impact compare`.")
    var outcome: String?

    @Option(name: .long, help: "Weights target: ate or att.")
    var target: String = "ate"

    @OptionGroup var matching: MatchingOptions

    @Flag(name: .long, help: "Print JSON (impact-balance/1).")
    var json = false

    func validate() throws {
        try validateInputFile(data, kind: "data file")
        guard !splitTerms(covariates).isEmpty else { throw ValidationError("Give at least one covariate with --covariates.") }
        guard ["ate", "att"].contains(target.lowercased()) else {
            throw ValidationError("--target is ate or att, not '\(target)'.")
        }
    }

    func run() throws {
        print(
            try WorkbenchCommands.balance(
                dataPath: data, treatment: treatment, covariates: splitTerms(covariates), outcome: outcome,
                target: target.lowercased() == "att" ? .averageTreatmentEffectOnTreated : .averageTreatmentEffect,
                matching: matching.specification, json: json),
            terminator: "")
    }
}
