import Inference

extension EventStudyResult {
    /// A plain-text report: design, assumptions, the event-time table (reference period marked),
    /// the pre-trend test and warnings. Formatting only; every number is read from the result.
    public func summary() -> String {
        let spec = specification
        let percent = StatisticsText.compact((spec.level * 100 * 1e6).rounded() / 1e6)
        var lines: [String] = []
        lines.append("Event study (two-way fixed effects, leads and lags)")
        lines.append(
            "Outcome:      \(spec.outcome); unit: \(spec.unit); time: \(spec.time); cohort: \(spec.cohort)")
        lines.append(
            "Units:        \(StatisticsText.count(treatedUnits)) treated in cohorts "
                + "\(cohorts.map(String.init).joined(separator: ", ")); "
                + "\(StatisticsText.count(neverTreatedUnits)) never treated")
        if rowsOutsideWindow > 0 {
            lines.append("Window:       \(StatisticsText.count(rowsOutsideWindow)) treated rows outside the window left out")
        }
        lines.append("Observations: \(observations)")
        lines.append("Clusters:     G = \(StatisticsText.count(clusterCount)) (\(spec.cluster))")
        lines.append("Assumptions:")
        lines.append(contentsOf: assumptions.map { "  - \($0)" })
        lines.append("")
        let header = ["event time", "estimate", "std. error", "t", "p", "\(percent)% CI", "obs"]
        let rows = eventTimes.map { e -> [String] in
            guard let se = e.standardError, let t = e.statistic, let p = e.pValue, let lo = e.lower, let hi = e.upper
            else {
                return [String(e.eventTime), "0 (reference)", "", "", "", "", StatisticsText.count(e.observations)]
            }
            return [
                String(e.eventTime), StatisticsText.number(e.estimate), StatisticsText.number(se),
                StatisticsText.number(t, significant: 4), StatisticsText.pValue(p),
                "[\(StatisticsText.number(lo)), \(StatisticsText.number(hi))]", StatisticsText.count(e.observations),
            ]
        }
        lines.append(StatisticsText.alignedTable(header: header, rows: rows))
        lines.append("")
        if let test = preTrendTest {
            lines.append(
                "Pre-trend test (leads \(spec.testedLeads.map(String.init).joined(separator: ", ")) = 0): "
                    + "F(\(StatisticsText.count(test.numeratorDegreesOfFreedom)), "
                    + "\(StatisticsText.count(test.denominatorDegreesOfFreedom))) = "
                    + "\(StatisticsText.number(test.fStatistic, significant: 5)), p = \(StatisticsText.pValue(test.fPValue)); "
                    + "χ²(\(test.restrictions)) = \(StatisticsText.number(test.chiSquare, significant: 5)), "
                    + "p = \(StatisticsText.pValue(test.chiSquarePValue))")
        } else {
            lines.append("Pre-trend test: none (the window has no lead besides the reference period)")
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
