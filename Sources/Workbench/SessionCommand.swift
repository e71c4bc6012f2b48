/// One command of the session language: its name, usage line, summary and help text.
///
/// The built-in commands act on the session's dataset in process; the host (the `impact` CLI)
/// adds the estimation commands (`regress`, `did`, `eventstudy`, `compare`, `balance`) as
/// `SessionExternalCommand`s that parse their words with the CLI's own argument parser, so the
/// REPL, scripts and the command line share one command tree.
public struct SessionCommand: Sendable, Equatable {
    /// The command word.
    public let name: String
    /// The usage line, e.g. `head [N]`.
    public let usage: String
    /// One line saying what the command does.
    public let summary: String
    /// Longer help: details and an example.
    public let details: String

    /// A command description.
    public init(name: String, usage: String, summary: String, details: String) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.details = details
    }

    /// The help text `help NAME` prints.
    public var help: String {
        "Usage: \(usage)\n\n\(summary)\n" + (details.isEmpty ? "" : "\n\(details)\n")
    }

    /// The commands the session runs itself.
    public static let builtins: [SessionCommand] = [
        SessionCommand(
            name: "use", usage: "use FILE.csv", summary: "Load a CSV file as the current dataset.",
            details: "Replaces the current dataset. Example:\n  use datasets/sales-training/sales_training.csv"),
        SessionCommand(
            name: "describe", usage: "describe",
            summary: "Summarise every column: type, count, missing, mean/sd/quantiles or levels.", details: ""),
        SessionCommand(
            name: "head", usage: "head [N]", summary: "Show the first N rows (default 10) as an aligned table.",
            details: ""),
        SessionCommand(
            name: "keep", usage: "keep if COLUMN OP VALUE",
            summary: "Keep the rows that satisfy a comparison (OP: ==, !=, <, <=, >, >=).",
            details: """
                Rows whose value is missing are dropped. Text values may be quoted; '.'
                is the missing value (COLUMN == . or COLUMN != .). Examples:
                  keep if tenure_months > 12
                  keep if region == "North"
                  keep if sales != .
                """),
        SessionCommand(
            name: "filter", usage: "filter COLUMN OP VALUE", summary: "The same as keep if.", details: ""),
        SessionCommand(
            name: "drop", usage: "drop if COLUMN OP VALUE",
            summary: "Drop the rows that satisfy a comparison; rows whose value is missing stay.", details: ""),
        SessionCommand(
            name: "generate", usage: "generate NAME = EXPR",
            summary: "Add a numeric column computed row by row from other columns.",
            details: """
                EXPR uses numbers, numeric columns, + - * / (or × ÷), ^, parentheses and
                log, exp, sqrt, abs. Missing inputs and undefined results (log of 0) give
                missing values. Example:
                  generate log_sales = log(sales)
                """),
        SessionCommand(
            name: "replace", usage: "replace NAME = EXPR",
            summary: "Recompute an existing column from an expression (as generate).", details: ""),
        SessionCommand(
            name: "summarize", usage: "summarize [COLUMN ...] [by COLUMN]",
            summary: "N, mean, sd, min and max of numeric columns (all by default), optionally per group.",
            details: "Example:\n  summarize sales tenure_months by region"),
        SessionCommand(
            name: "tabulate", usage: "tabulate COLUMN",
            summary: "Frequency table of a column: count, percent and cumulative percent.", details: ""),
        SessionCommand(
            name: "save", usage: "save FILE.csv", summary: "Write the current dataset to a CSV file.", details: ""),
        SessionCommand(
            name: "plot", usage: "plot Y [X [by G]] [saving FILE.svg]",
            summary: "Write an SVG plot: a histogram of Y, or the mean of Y along X, one line per level of G.",
            details: """
                Rows missing a plotted column are left out and counted. Examples:
                  plot sales
                  plot sales month by trained_team saving trends.svg
                """),
        SessionCommand(
            name: "run", usage: "run STUDY.yml [--out DIR]",
            summary: "Run a study file and write report.md and report.json (default out/<stem>/).", details: ""),
        SessionCommand(
            name: "help", usage: "help [COMMAND]", summary: "List the commands, or show one command's help.",
            details: ""),
        SessionCommand(name: "quit", usage: "quit", summary: "End the session (also: exit).", details: ""),
    ]
}

/// A command supplied by the host of a session (the CLI's estimation commands).
///
/// `run` receives the words after the command name with the data file already in front (the
/// session's dataset unless the words start with a path) and returns text to print; it throws
/// `SessionError.commandFailed` with the parser's or estimator's message.
public struct SessionExternalCommand: Sendable {
    /// The description shown by `help`; `details` holds the full help of the command.
    public let command: SessionCommand
    /// Whether a leading word that is not an option is a formula (Stata's `regress y x, vce(...)`
    /// form) rather than a data file.
    public let takesLeadingFormula: Bool
    /// Runs the command on its words.
    public let run: @Sendable ([String]) throws -> String

    /// A host command.
    public init(
        command: SessionCommand, takesLeadingFormula: Bool = false, run: @escaping @Sendable ([String]) throws -> String
    ) {
        self.command = command
        self.takesLeadingFormula = takesLeadingFormula
        self.run = run
    }
}
