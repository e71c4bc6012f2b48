import DataFrameModule
import Estimators
import Foundation
import ModelSpec
import Reporting

/// What a study run printed and wrote.
public struct StudyRunOutput: Sendable {
    /// The report (for callers that want more than the headline).
    public let report: StudyReport
    /// The files written.
    public let files: StudyReportFiles
}

/// The actions behind the `impact` commands, shared by the CLI and a future REPL: each takes plain
/// values (paths, formula text, option text) and returns what to print, so the commands stay thin.
public enum WorkbenchCommands {
    /// Loads and runs a study and writes `report.md`, `report.json` and `report.html` into `outputDirectory`
    /// (default `out/<study-file-stem>`).
    public static func runStudy(path: String, outputDirectory: String? = nil, threads: Int? = nil) throws
        -> StudyRunOutput
    {
        let study = try Study.load(path: path)
        let result = try StudyRunner.run(study, threads: threads)
        let report = result.report
        let directory = outputDirectory ?? StudyReport.defaultOutputDirectory(forStudyFile: path)
        // The command as it reproduces the figures: --threads is left out because results do not depend on it.
        let command = "impact run \(path)" + (outputDirectory.map { " --out \($0)" } ?? "")
        return StudyRunOutput(report: report, files: try report.write(to: directory, supplement: result.htmlSupplement(command: command)))
    }

    /// A summary of every column of a CSV file: type, count, missing, and numeric summaries or level counts.
    public static func describe(dataPath: String) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        let table = frame.describeTable()
        return "\(dataPath): \(frame.rowCount) rows × \(frame.columns.count) columns\n\n" + table
            + (table.hasSuffix("\n") ? "" : "\n")
    }

    /// Fits `formula` by OLS (WLS with `weights`) on a CSV file and returns the text summary, or the
    /// `RegressionReport` JSON when `json` is true: `regress(dataPath:formulas:…)` with one formula.
    ///
    /// - Parameter covariance: text in `CovarianceSyntax` form (`hc1`, `cluster:team_id`, …).
    public static func regress(
        dataPath: String, formula: String, covariance: String = "classical", weights: String? = nil,
        level: Double = 0.95, json: Bool = false
    ) throws -> String {
        try regress(
            dataPath: dataPath, formulas: [formula], covariance: covariance, weights: weights, level: level,
            output: json ? .json : .text)
    }

    /// Throws the formula's syntax error (with a caret under the position), if any.
    public static func checkFormula(_ text: String) throws {
        _ = try Formula.parse(text)
    }

    /// Throws `CovarianceSyntaxError` if `text` is not a covariance choice.
    public static func checkCovariance(_ text: String) throws {
        _ = try CovarianceSyntax.parse(text)
    }
}
