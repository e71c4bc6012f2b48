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
            --cluster or the unit. The panel must be balanced.

            Examples:
              impact did panel.csv --outcome y --unit id --time period --cohort cohort
              impact did panel.csv --outcome y --unit id --time period --cohort cohort \\
                --control notyet --anticipation 1 --aggregate dynamic --aggregate group --json
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

    @Option(name: .long, help: "Confidence level of the intervals, between 0 and 1.")
    var level: Double = 0.95

    @Flag(name: .long, help: "Print JSON (impact-staggered-did/1).")
    var json = false

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
        try validateLevel(level)
    }

    func run() throws {
        let specification = CallawaySantAnnaSpecification(
            controlGroup: control == "never" ? .neverTreated : .notYetTreated, anticipation: anticipation,
            basePeriod: basePeriod == "varying" ? .varying : .universal)
        let kinds = aggregate.isEmpty ? [.simple, .dynamic] : aggregate.compactMap(CallawaySantAnnaAggregate.Kind.init)
        print(
            try WorkbenchCommands.staggeredDiD(
                dataPath: data, columns: panel.columns, specification: specification, aggregations: kinds, level: level,
                json: json),
            terminator: "")
    }
}
