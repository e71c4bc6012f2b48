import DataFrameModule
import Reporting

extension Session {
    /// The rows shown in an HTML table at most; longer tables show the first and last halves
    /// around a `…` row, as the text table does at its own limit.
    static let htmlRowLimit = 200

    /// `frame` as an HTML table for a notebook: one column per column of the frame, numbers
    /// right-aligned, missing values as `NA`, then `footer`.
    ///
    /// Doubles show six significant digits with grouped thousands (`NumberText.statistic`), the
    /// precision of R's `print` and Stata's `summarize`; the text table keeps its own shortest form.
    static func htmlTable(_ frame: DataFrame, footer: String? = nil) -> String {
        let shown: [Int?]  // nil marks the elision row
        if frame.rowCount <= htmlRowLimit {
            shown = Array(0..<frame.rowCount)
        } else {
            let top = htmlRowLimit / 2
            shown = Array(0..<top) + [nil] + Array((frame.rowCount - (htmlRowLimit - top))..<frame.rowCount)
        }
        var table = HTMLTable(
            headers: frame.columns.map(\.name), rightAligned: frame.columns.map { $0.type == .integer || $0.type == .double },
            footer: footer)
        table.rows = shown.map { row in
            guard let i = row else { return frame.columns.map { _ in "…" } }
            return frame.columns.map { htmlCell($0, at: i) }
        }
        return table.html
    }

    /// One cell's text: `NA` when missing, doubles to six significant digits, anything else as stored.
    static func htmlCell(_ column: Column, at i: Int) -> String {
        if column.isMissing(i) { return "NA" }
        if case .double(let values, _) = column.values { return NumberText.statistic(values[i], significant: 6) }
        return column.text(at: i)
    }

    /// `describe` as an HTML table: one row per column with its type, counts, the numeric
    /// statistics of `DataFrame.describe()` and, for other types, the top levels or the date range.
    func describeHTML() -> String? {
        guard let frame else { return nil }
        let statistics = ["mean", "sd", "min", "25%", "50%", "75%", "max"]
        var table = HTMLTable(
            headers: ["column", "type", "count", "missing"] + statistics + ["levels / range"],
            rightAligned: [false, false] + Array(repeating: true, count: 2 + statistics.count) + [false],
            footer: "\(frame.rowCount) rows × \(frame.columns.count) columns")
        for summary in frame.describe() {
            var numbers = Array(repeating: "", count: statistics.count)
            var remark = ""
            switch summary.details {
            case .numeric(let n):
                numbers = [n.mean, n.sd, n.min, n.q25, n.median, n.q75, n.max].map {
                    $0.map { NumberText.statistic($0, significant: 6) } ?? ""
                }
            case .levels(let levels):
                // The five most frequent levels: enough to recognise a column, short enough for one cell.
                let shown = levels.prefix(5).map { "\($0.level) (\($0.count))" }
                remark =
                    "\(levels.count) level\(levels.count == 1 ? "" : "s"): " + shown.joined(separator: ", ")
                    + (levels.count > 5 ? ", …" : "")
            case .dates(let first, let last):
                remark = ISODate.format(daysSinceEpoch: first) + " … " + ISODate.format(daysSinceEpoch: last)
            case .noValues:
                remark = "no values"
            }
            table.rows.append(
                [summary.name, summary.type.rawValue, String(summary.count), String(summary.missing)] + numbers + [remark])
        }
        return table.html
    }
}
