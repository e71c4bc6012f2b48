import ArgumentParser
import Workbench

/// The column options shared by `impact did` and `impact eventstudy`.
struct PanelOptions: ParsableArguments {
    @Option(name: .long, help: "Outcome column (numeric).")
    var outcome: String

    @Option(name: .long, help: "Unit identifier column (employee, team…).")
    var unit: String

    @Option(name: .long, help: "Period column (numeric, e.g. month number).")
    var time: String

    @Option(name: .long, help: "First treated period of each unit; 0 or empty = never treated.")
    var cohort: String

    @Option(name: .long, help: "Cluster column constant within units (e.g. team); default: the unit.")
    var cluster: String?

    var columns: PanelColumns {
        PanelColumns(outcome: outcome, unit: unit, time: time, cohort: cohort, cluster: cluster)
    }
}

/// Checks a confidence level given on the command line.
func validateLevel(_ level: Double) throws {
    guard level > 0, level < 1 else {
        throw ValidationError("--level must be strictly between 0 and 1, e.g. 0.95.")
    }
}
