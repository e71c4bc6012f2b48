import ArgumentParser
import Estimators
import Workbench

/// `impact did DATA --outcome y --unit id --time t --cohort g`: Callaway & Sant'Anna group-time
/// effects and their aggregations for staggered adoption.
struct DiDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "did",
        abstract: "Staggered difference-in-differences: Callaway & Sant'Anna group-time effects and aggregations.",
        discussion: """
            Estimates ATT(g, t), the average effect in period t on units first treated
            in period g, for every cohort and period, each against units not (yet)
            treated, then aggregates them: simple (one overall ATT), dynamic (by event
            time, for an event-study plot), group (by cohort) and calendar (by period).
            Standard errors come from the influence functions (analytic), clustered by
            --cluster or the unit; --bootstrap B adds multiplier-bootstrap standard
            errors and a simultaneous (uniform) band over each aggregation's elements.
            With --covariates, parallel trends are assumed conditional on them
            (base-period values) and --method chooses outcome regression (reg), inverse
            probability weighting (ipw) or doubly robust (dr, the default).

            The panel must be balanced, or pass --keep-complete-units to keep only the
            units seen in every period (the count is reported). Date time columns
            become ordered periods.

            --compare runs TWFE, Callaway–Sant'Anna, Sun–Abraham and the imputation
            estimator side by side, with event-time series for a plot and the
            Goodman-Bacon decomposition of the TWFE coefficient.

            Examples:
              impact did panel.csv --outcome y --unit id --time period --cohort cohort
              impact did panel.csv --outcome y --unit id --time period --cohort cohort \\
                --control notyet --anticipation 1 --aggregate dynamic --aggregate group --json
              impact did panel.csv --outcome y --unit id --time period --cohort cohort \\
                --covariates x1,x2 --method dr --bootstrap 999 --seed 7
              impact did panel.csv --outcome y --unit id --time period --cohort cohort \\
                --cluster team --compare --window -4:5
            """)

    @Argument(help: "The panel data file (CSV, one row per unit and period).")
    var data: String

    @OptionGroup var panel: PanelOptions

    @Option(name: .long, help: "Comparison units: never (never treated) or notyet (also not yet treated).")
    var control: String = "never"

    @Option(name: .long, help: "Periods before treatment in which units may already react.")
    var anticipation: Int = 0

    @Option(name: .long, help: "Base period: varying or universal.")
    var basePeriod: String = "varying"

    @Option(name: .long, help: "Aggregation to print: simple, dynamic, group or calendar; repeat for several (default simple and dynamic).")
    var aggregate: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Covariates (numeric columns), comma- or space-separated.")
    var covariates: [String] = []

    @Option(name: .long, help: "With covariates: reg (outcome regression), ipw or dr (doubly robust).")
    var method: String = "dr"

    @Option(name: .long, help: "Multiplier-bootstrap replicates for bootstrap SEs and uniform bands (0 = analytic only).")
    var bootstrap: Int = 0

    @Option(name: .long, help: "Seed of the multiplier bootstrap.")
    var seed: UInt64 = 20_261_123

    @Flag(name: .long, help: "Keep only units observed in every period (reported) instead of stopping on an unbalanced panel.")
    var keepCompleteUnits = false

    @Flag(name: .long, help: "Run TWFE, Callaway–Sant'Anna, Sun–Abraham and imputation side by side.")
    var compare = false

    @Option(name: .long, parsing: .unconditional, help: "Event-time window of the side-by-side series, FIRST:LAST (e.g. -4:4).")
    var window: String = "-4:4"

    @Option(name: .long, help: "Confidence level of the intervals, between 0 and 1.")
    var level: Double = 0.95

    @Flag(name: .long, help: "Print JSON (impact-staggered-did/1, or impact-staggered-comparison/1 with --compare).")
    var json = false

    /// The window as a range; `nil` when malformed.
    var eventWindow: ClosedRange<Int>? {
        let parts = window.split(separator: ":").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low <= -1, high >= 0 else { return nil }
        return low...high
    }

    var estimationMethod: CallawaySantAnnaSpecification.EstimationMethod? {
        ["reg": .regression, "ipw": .inverseProbability, "dr": .doublyRobust][method.lowercased()]
    }

    func validate() throws {
        try validateInputFile(data, kind: "data file")
        guard ["never", "notyet"].contains(control) else {
            throw ValidationError("--control is never or notyet, not '\(control)'.")
        }
        guard anticipation >= 0 else { throw ValidationError("--anticipation cannot be negative.") }
        guard ["varying", "universal"].contains(basePeriod) else {
            throw ValidationError("--base-period is varying or universal, not '\(basePeriod)'.")
        }
        for kind in aggregate where CallawaySantAnnaAggregate.Kind(rawValue: kind) == nil {
            throw ValidationError("--aggregate is simple, dynamic, group or calendar, not '\(kind)'.")
        }
        guard estimationMethod != nil else { throw ValidationError("--method is reg, ipw or dr, not '\(method)'.") }
        guard bootstrap == 0 || bootstrap >= 99 else {
            throw ValidationError("--bootstrap needs at least 99 replicates (999 or more for a 95% band), or 0 for none.")
        }
        guard eventWindow != nil else {
            throw ValidationError("--window is FIRST:LAST with FIRST ≤ −1 and LAST ≥ 0, e.g. -4:4, not '\(window)'.")
        }
        try validateLevel(level)
    }

    func run() throws {
        if compare {
            print(
                try WorkbenchCommands.staggeredComparison(
                    dataPath: data, columns: panel.columns, window: eventWindow!, level: level, json: json),
                terminator: "")
            return
        }
        let specification = CallawaySantAnnaSpecification(
            controlGroup: control == "never" ? .neverTreated : .notYetTreated, anticipation: anticipation,
            basePeriod: basePeriod == "varying" ? .varying : .universal, covariates: splitTerms(covariates),
            estimationMethod: estimationMethod!)
        let kinds = aggregate.isEmpty ? [.simple, .dynamic] : aggregate.compactMap(CallawaySantAnnaAggregate.Kind.init)
        print(
            try WorkbenchCommands.staggeredDiD(
                dataPath: data, columns: panel.columns, specification: specification, aggregations: kinds, level: level,
                inputOptions: PanelInputOptions(balance: keepCompleteUnits ? .keepCompleteUnits : .requireBalanced),
                bootstrap: bootstrap > 0
                    ? CallawaySantAnnaBootstrapOptions(seed: seed, replicates: bootstrap, level: level) : nil,
                json: json),
            terminator: "")
    }
}
