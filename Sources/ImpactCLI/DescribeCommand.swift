import ArgumentParser
import Workbench

/// `impact describe DATA.csv`: one line per column with type, missing values and a summary.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Summarise every column of a CSV file (type, count, missing, mean/sd/quantiles or levels).",
        discussion: """
            Example:
              impact describe datasets/sales-training/sales_training.csv
            """)

    @Argument(help: "The data file (CSV; comma, semicolon or tab separated).")
    var data: String

    func validate() throws {
        try validateInputFile(data, kind: "data file")
    }

    func run() throws {
        print(try WorkbenchCommands.describe(dataPath: data), terminator: "")
    }
}
