import Inference

extension EffectEstimateRow {
    /// Rows as an aligned text table: label, estimate, standard error, p, interval and (when any row
    /// has one) the count column headed `countHeader`. Reference rows read "0 (reference)".
    public static func textTable(_ rows: [EffectEstimateRow], level: Double, countHeader: String = "n") -> String {
        let percent = StatisticsText.compact((level * 100 * 1e6).rounded() / 1e6)
        let withCount = rows.contains { $0.count != nil }
        let withBand = rows.contains { $0.bandLower != nil }
        var header = ["", "estimate", "std. error", "p", "\(percent)% CI"]
        if withBand { header.append("\(percent)% uniform band") }
        if withCount { header.append(countHeader) }
        let body = rows.map { row -> [String] in
            var cells: [String]
            if row.reference {
                cells = [row.label, "0 (reference)", "", "", ""]
            } else {
                cells = [
                    row.label, StatisticsText.number(row.estimate), row.standardError.map { StatisticsText.number($0) } ?? "—",
                    row.pValue.map(StatisticsText.pValue) ?? "",
                    row.lower.flatMap { lo in row.upper.map { hi in "[\(StatisticsText.number(lo)), \(StatisticsText.number(hi))]" } }
                        ?? "",
                ]
            }
            if withBand {
                cells.append(
                    row.bandLower.flatMap { lo in row.bandUpper.map { "[\(StatisticsText.number(lo)), \(StatisticsText.number($0))]" } }
                        ?? "")
            }
            if withCount { cells.append(row.count.map(StatisticsText.count) ?? "") }
            return cells
        }
        return StatisticsText.alignedTable(header: header, rows: body)
    }
}
