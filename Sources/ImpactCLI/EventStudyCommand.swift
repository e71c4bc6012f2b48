import ArgumentParser
import Estimators
import Workbench

/// `impact eventstudy DATA --outcome y --unit id --time t --cohort g --leads L --lags F`: a
/// two-way fixed-effects event study with a joint pre-trend test.
struct EventStudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eventstudy",
        abstract: "Event study with leads and lags (two-way fixed effects) and a joint pre-trend test.",
        discussion: """
            Regresses the outcome on event-time indicators D_k = 1[t − cohort = k] for
            k in [−leads, lags] except the reference period, with unit and period fixed
            effects; standard errors are clustered (CR1) by --cluster or the unit. The
            leads are tested jointly (Wald F with G − 1 df): a small p-value says the
            treated units were already drifting away before treatment.

            With staggered adoption and effects that differ across cohorts, TWFE mixes
            cohorts with possibly negative weights; compare with `impact did --compare`.

            --sensitivity M̄… bounds the average post-treatment effect when post-period
            violations of parallel trends may be up to M̄ times the largest pre-period
            one (Rambachan & Roth 2023, relative magnitudes) and computes the breakdown
            M̄ at which the effect stops being significant.

            Examples:
              impact eventstudy panel.csv --outcome sales --unit employee_id \\
                --time month --cohort training_month --cluster team_id --leads 4 --lags 6
              impact eventstudy panel.csv --outcome y --unit id --time t --cohort g \\
                --leads 3 --lags 3 --endpoints drop --json
              impact eventstudy panel.csv --outcome y --unit id --time t --cohort g \\
                --leads 3 --lags 3 --sensitivity 0 0.5 1 2
            """)

    @Argument(help: "The panel data file (CSV, one row per unit and period).")
    var data: String

    @OptionGroup var panel: PanelOptions

    @Option(name: .long, help: "Number of leads L (event times −L … −1).")
    var leads: Int

    @Option(name: .long, help: "Number of lags F (event times 0 … F).")
    var lags: Int

    @Option(name: .long, parsing: .unconditional, help: "Reference event time whose coefficient is 0 (negative values allowed: --reference -2).")
    var reference: Int = -1

    @Option(name: .long, help: "Treated rows outside the window: bin (into the end points) or drop.")
    var endpoints: String = "bin"

    @Option(name: .long, help: "Confidence level of the intervals, between 0 and 1.")
    var level: Double = 0.95

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "M̄ values for the Rambachan–Roth sensitivity of the average post effect, e.g. 0 0.5 1 2 (reference −1 only).")
    var sensitivity: [Double] = []

    @Flag(name: .long, help: "Print JSON (impact-event-study/1).")
    var json = false

    func validate() throws {
        try validateInputFile(data, kind: "data file")
        guard leads >= 1 else { throw ValidationError("--leads must be at least 1 (the reference period is a lead).") }
        guard lags >= 0 else { throw ValidationError("--lags cannot be negative.") }
        guard (-leads...lags).contains(reference) else {
            throw ValidationError("--reference \(reference) must lie in the window [−\(leads), \(lags)].")
        }
        guard ["bin", "drop"].contains(endpoints) else {
            throw ValidationError("--endpoints is bin or drop, not '\(endpoints)'.")
        }
        try validateLevel(level)
        guard sensitivity.isEmpty || reference == -1 else {
            throw ValidationError("--sensitivity measures violations against event time −1: use --reference -1.")
        }
        guard sensitivity.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw ValidationError("--sensitivity takes non-negative M̄ values, e.g. 0 0.5 1 2.")
        }
    }

    func run() throws {
        print(
            try WorkbenchCommands.eventStudy(
                dataPath: data, columns: panel.columns, leads: leads, lags: lags, referencePeriod: reference,
                endpoints: endpoints == "bin" ? .bin : .drop, level: level,
                sensitivity: sensitivity.isEmpty ? nil : sensitivity, json: json),
            terminator: "")
    }
}
