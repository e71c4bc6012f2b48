import Inference

extension SunAbrahamResult {
    /// A plain-text report: design, assumptions, the event-time table (reference period marked),
    /// the ATT, the pre-trend test, the cohort effects and warnings. Formatting only; every number
    /// is read from the result.
    public func summary() -> String {
        let spec = specification
        let percent = StatisticsText.compact((spec.level * 100 * 1e6).rounded() / 1e6)
        var lines: [String] = []
        lines.append("Event study (Sun & Abraham 2021, interaction-weighted)")
        lines.append("Outcome:      \(spec.outcome); unit: \(spec.unit); time: \(spec.time); cohort: \(spec.cohort)")
        lines.append(
            "Units:        \(StatisticsText.count(treatedUnits)) treated in cohorts "
                + "\(cohorts.map(String.init).joined(separator: ", ")); control: \(control)")
        lines.append("Observations: \(observations)")
        lines.append("Clusters:     G = \(StatisticsText.count(clusterCount)) (\(spec.cluster))")
        lines.append("Assumptions:")
        lines.append(contentsOf: assumptions.map { "  - \($0)" })
        lines.append("")
        let header = ["event time", "estimate", "std. error", "t", "p", "\(percent)% CI", "obs"]
        var rows = eventTimes.map { e -> [String] in
            guard let se = e.standardError, let t = e.statistic, let p = e.pValue, let lo = e.lower, let hi = e.upper
            else {
                return [String(e.eventTime), "0 (reference)", "", "", "", "", StatisticsText.count(e.observations)]
            }
            return Self.row(String(e.eventTime), e.estimate, se, t, p, lo, hi, e.observations)
        }
        if let att {
            let n = cohortEffects.filter { $0.eventTime >= 0 }.reduce(0) { $0 + $1.observations }
            rows.append(
                Self.row("ATT", att.estimate, att.standardError, att.statistic, att.pValue, att.lower, att.upper, n))
        }
        lines.append(StatisticsText.alignedTable(header: header, rows: rows))
        lines.append("")
        if let test = preTrendTest {
            lines.append(
                "Pre-trend test (leads \(estimatedEventTimes.filter { $0 < 0 }.map(String.init).joined(separator: ", ")) = 0): "
                    + "F(\(StatisticsText.count(test.numeratorDegreesOfFreedom)), "
                    + "\(StatisticsText.count(test.denominatorDegreesOfFreedom))) = "
                    + "\(StatisticsText.number(test.fStatistic, significant: 5)), p = \(StatisticsText.pValue(test.fPValue)); "
                    + "χ²(\(test.restrictions)) = \(StatisticsText.number(test.chiSquare, significant: 5)), "
                    + "p = \(StatisticsText.pValue(test.chiSquarePValue))")
        } else {
            lines.append("Pre-trend test: none (no lead besides the reference period)")
        }
        lines.append("")
        lines.append("Cohort effects (weight = share of the event time's treated observations):")
        let cohortHeader = ["cohort", "event time", "estimate", "std. error", "weight", "obs"]
        let cohortRows = cohortEffects.map {
            [
                String($0.cohort), String($0.eventTime), StatisticsText.number($0.estimate),
                StatisticsText.number($0.standardError), StatisticsText.number($0.weight, significant: 4),
                StatisticsText.count($0.observations),
            ]
        }
        lines.append(StatisticsText.alignedTable(header: cohortHeader, rows: cohortRows))
        let all = warnings
        if !all.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines.append(contentsOf: all.map { "  - \($0)" })
        }
        return lines.joined(separator: "\n")
    }

    /// One row of the event-time table.
    private static func row(
        _ label: String, _ estimate: Double, _ se: Double, _ t: Double, _ p: Double, _ lower: Double, _ upper: Double,
        _ observations: Int
    ) -> [String] {
        [
            label, StatisticsText.number(estimate), StatisticsText.number(se), StatisticsText.number(t, significant: 4),
            StatisticsText.pValue(p), "[\(StatisticsText.number(lower)), \(StatisticsText.number(upper))]",
            StatisticsText.count(observations),
        ]
    }
}
