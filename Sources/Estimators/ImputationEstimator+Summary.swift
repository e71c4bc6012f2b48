import Inference

extension ImputationEstimator.Result {
    /// A plain-text report: design, assumptions, the overall and event-time table, the pre-trend
    /// test and warnings. Formatting only; every number is read from the result.
    public func summary() -> String {
        let spec = specification
        let percent = StatisticsText.compact((spec.level * 100 * 1e6).rounded() / 1e6)
        var lines: [String] = []
        lines.append("Imputation estimator (Borusyak, Jaravel & Spiess 2024)")
        lines.append("Outcome:      \(spec.outcome); unit: \(spec.unit); time: \(spec.time); cohort: \(spec.cohort)")
        lines.append(
            "Observations: \(StatisticsText.count(treatedObservations)) treated (imputed), "
                + "\(StatisticsText.count(untreatedObservations)) untreated"
                + (coverage.total > 0 ? ", \(StatisticsText.count(coverage.total)) treated not imputable" : "")
                + (rowsWithMissingValues > 0 ? ", \(StatisticsText.count(rowsWithMissingValues)) rows with missing values" : ""))
        lines.append("Clusters:     G = \(StatisticsText.count(clusterCount)) (\(spec.cluster))")
        lines.append("Assumptions:")
        lines.append(contentsOf: assumptions.map { "  - \($0)" })
        lines.append("")
        let header = ["estimand", "estimate", "std. error", "z", "p", "\(percent)% CI", "obs"]
        let rows = ([overall] + eventTimes).map { e -> [String] in
            [
                e.eventTime.map { "h = \($0)" } ?? "overall ATT", StatisticsText.number(e.estimate),
                StatisticsText.number(e.standardError), StatisticsText.number(e.statistic, significant: 4),
                StatisticsText.pValue(e.pValue), "[\(StatisticsText.number(e.lower)), \(StatisticsText.number(e.upper))]",
                StatisticsText.count(e.observations),
            ]
        }
        lines.append(StatisticsText.alignedTable(header: header, rows: rows))
        lines.append("")
        if let test = preTrendTest {
            lines.append(
                "Pre-trend test (untreated observations, leads at event times "
                    + "\(preTrendEventTimes.map(String.init).joined(separator: ", ")) = 0): "
                    + "χ²(\(test.restrictions)) = \(StatisticsText.number(test.chiSquare, significant: 5)), "
                    + "p = \(StatisticsText.pValue(test.chiSquarePValue)); "
                    + "F(\(StatisticsText.count(test.numeratorDegreesOfFreedom)), "
                    + "\(StatisticsText.count(test.denominatorDegreesOfFreedom))) = "
                    + "\(StatisticsText.number(test.fStatistic, significant: 5)), p = \(StatisticsText.pValue(test.fPValue))")
        } else {
            lines.append("Pre-trend test: none (no leads requested, or none identified)")
        }
        let all = warnings
        if !all.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines.append(contentsOf: all.map { "  - \($0)" })
        }
        return lines.joined(separator: "\n")
    }
}
