import ArgumentParser
import Workbench

/// The `impact` command tree.
///
/// The root is a module-level type rather than top-level code so that an interactive session can
/// reuse the same commands, help and validation with `ImpactCommand.parseAsRoot(tokens)` (the
/// pattern swift-argument-parser documents for REPLs). Commands are thin: they validate their
/// input, call `WorkbenchCommands`, and print. Errors print to stderr and exit with status 1;
/// usage errors exit with ArgumentParser's usage status (`EX_USAGE`, 64).
@main
struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Training impact and ROI: difference-in-differences, cluster bootstrap, fully loaded costs.",
        discussion: """
            Examples:
              impact run Examples/studies/sales-training.yml
              impact describe datasets/sales-training/sales_training.csv
              impact regress datasets/sales-training/sales_training.csv \\
                --formula "sales ~ trained_team * post" --vcov cluster:team_id
              impact regress datasets/sales-training/sales_training.csv \\
                --vcov cluster:team_id --formula "sales ~ trained_team * post" \\
                --formula "sales ~ trained_team * post + tenure_months"
              impact did panel.csv --outcome y --unit id --time period --cohort cohort
              impact eventstudy panel.csv --outcome y --unit id --time period \\
                --cohort cohort --leads 3 --lags 4
              impact compare people.csv --outcome y --treatment trained --covariates x1,x2
              impact refute panel.csv --outcome y --unit id --time period --cohort cohort
              impact repl datasets/sales-training/sales_training.csv
              impact run analysis.impact        (a script of repl commands)
            """,
        version: StudyResult.version,
        subcommands: [
            RunCommand.self, DescribeCommand.self, RegressCommand.self, EventStudyCommand.self, DiDCommand.self,
            CompareCommand.self, BalanceCommand.self, RefuteCommand.self, ReplCommand.self, KernelCommand.self,
        ])
}
