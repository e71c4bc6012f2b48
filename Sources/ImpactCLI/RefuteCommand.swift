import ArgumentParser
import Estimators
import Workbench

/// `impact refute DATA --outcome y --unit id --time t --cohort g`: the refutation battery for a
/// staggered panel, each check with its statistic and a pass/fail reading.
struct RefuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refute",
        abstract: "Refutation battery: placebo dates, placebo outcome, randomization inference, leave-one-cohort-out, pre-trends.",
        discussion: """
            Re-runs Callaway & Sant'Anna's simple ATT under conditions where the
            training cannot have had an effect, and reads each check as pass or fail:
              - placebo treatment dates inside the pre-period (should find nothing);
              - a placebo outcome training cannot affect (--placebo-outcome);
              - randomization inference: cohorts permuted across units (or clusters,
                --randomize-clusters), p = (1 + #|T*| ≥ |T|)/(1 + R);
              - leave-one-cohort-out: does the conclusion rest on one cohort?
              - the joint pre-trend test of the pre-period ATT(g,t).
            Permutations are seeded and give the same result on any number of threads.

            Examples:
              impact refute panel.csv --outcome y --unit id --time period --cohort cohort
              impact refute panel.csv --outcome sales --unit employee_id --time month \\
                --cohort cohort --cluster team_id --placebo-outcome absences \\
                --permutations 1999 --randomize-clusters --json
            """)

    @Argument(help: "The panel data file (CSV, one row per unit and period).")
    var data: String

    @OptionGroup var panel: PanelOptions

    @Option(name: .long, help: "An outcome the training cannot affect, for the placebo-outcome check.")
    var placeboOutcome: String?

    @Option(name: .long, help: "Permutations for randomization inference (at least 999).")
    var permutations: Int = 999

    @Option(name: .long, help: "Seed of the permutations.")
    var seed: UInt64 = 20_261_123

    @Flag(name: .long, help: "Permute cohorts across clusters (treatment assigned by team) instead of units.")
    var randomizeClusters = false

    @Flag(name: .long, help: "Keep only units observed in every period (reported) instead of stopping on an unbalanced panel.")
    var keepCompleteUnits = false

    @Option(name: .long, help: "Confidence level of the tests, between 0 and 1 (α = 1 − level).")
    var level: Double = 0.95

    @Flag(name: .long, help: "Print JSON (impact-refutation/1).")
    var json = false

    func validate() throws {
        try validateInputFile(data, kind: "data file")
        guard permutations >= 999 else {
            throw ValidationError("--permutations must be at least 999 for a p-value resolution of 0.001.")
        }
        guard !randomizeClusters || panel.cluster != nil else {
            throw ValidationError("--randomize-clusters needs --cluster (the column treatment was assigned by).")
        }
        try validateLevel(level)
    }

    func run() throws {
        print(
            try WorkbenchCommands.refute(
                dataPath: data, columns: panel.columns, placeboOutcome: placeboOutcome, permutations: permutations,
                seed: seed, randomizeClusters: randomizeClusters, level: level,
                inputOptions: PanelInputOptions(balance: keepCompleteUnits ? .keepCompleteUnits : .requireBalanced),
                json: json),
            terminator: "")
    }
}
