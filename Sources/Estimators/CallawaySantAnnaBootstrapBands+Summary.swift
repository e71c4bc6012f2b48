import Inference

extension CallawaySantAnnaBootstrapBands {
    /// A plain-text report: the identifying choices, the bootstrap (B, weights, seed, clusters),
    /// which intervals are pointwise and which simultaneous, the table and the warnings.
    /// Formatting only; every number is read from the value.
    public var summary: String {
        let percent = StatisticsText.compact((level * 100 * 1e6).rounded() / 1e6)
        let what: String
        let labelHeader: String
        switch target {
        case .groupTime(let postOnly):
            what = "group-time ATT(g,t)" + (postOnly ? ", post-treatment cells" : "")
            labelHeader = "period"
        case .aggregate(let kind):
            what = "\(kind.rawValue) aggregation"
            labelHeader = ["dynamic": "event time", "group": "cohort", "calendar": "period"][kind.rawValue] ?? "element"
        }
        let multipliers =
            clusterName.map { "one multiplier per cluster of \($0) (G = \(StatisticsText.count(clusterCount)))" }
            ?? "one multiplier per unit (n = \(StatisticsText.count(clusterCount)))"
        var lines = [
            "Callaway & Sant'Anna (2021) \(what), multiplier bootstrap",
            specification.summary,
            "bootstrap: B = \(StatisticsText.count(replicates)), \(draws.weights.label), seed \(seed); \(multipliers); "
                + "SE = IQR/(z.75 − z.25)",
        ]
        let bandText =
            bandCriticalValue.map {
                "simultaneous \(percent)% band over \(rows.filter { $0.simultaneous != nil }.count) rows "
                    + "(sup-t c = \(StatisticsText.number($0, significant: 4)))"
            } ?? "no simultaneous band"
        lines.append(
            "intervals: pointwise \(percent)% (z = \(StatisticsText.number(pointwiseCriticalValue, significant: 4))); "
                + bandText)
        let cohortColumn = rows.contains { $0.cohort != nil }
        var header = cohortColumn ? ["cohort"] : []
        header += [labelHeader, "estimate", "analytic SE", "bootstrap SE", "pointwise", "simultaneous"]
        func text(_ interval: ClosedRange<Double>?) -> String {
            interval.map { "[\(StatisticsText.number($0.lowerBound)), \(StatisticsText.number($0.upperBound))]" } ?? ""
        }
        func cells(_ row: Row, label: String, inBand: Bool) -> [String] {
            var out = cohortColumn ? [row.cohort.map(StatisticsText.compact) ?? ""] : []
            out += [
                label, StatisticsText.number(row.estimate),
                row.analyticStandardError.map { StatisticsText.number($0) } ?? "NA",
                row.standardError.map { StatisticsText.number($0) } ?? "NA",
                text(row.pointwise), inBand ? text(row.simultaneous) : "",
            ]
            return out
        }
        var table = rows.map { cells($0, label: $0.label.map(StatisticsText.compact) ?? "", inBand: true) }
        if let overall {
            // The overall effect is a single number outside the band: its interval is the pointwise one.
            table.append(cells(overall, label: "overall", inBand: false))
        }
        lines.append(StatisticsText.alignedTable(header: header, rows: table))
        if overall != nil {
            lines.append("the overall effect is outside the band: its interval is pointwise")
        }
        lines += warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }
}
