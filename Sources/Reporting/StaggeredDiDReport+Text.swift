import Inference

extension StaggeredDiDReport {
    /// The plain-text report of `impact did`: design, assumptions, each aggregation's overall effect
    /// and elements, every ATT(g,t), and the warnings. Formatting only.
    public func text() -> String {
        var lines = [estimator]
        let columnText = ["outcome", "unit", "time", "cohort", "cluster"].compactMap { key in
            columns[key].map { "\(key): \($0)" }
        }
        lines.append(columnText.joined(separator: "; "))
        lines.append(
            "Units: \(StatisticsText.count(units)) (\(StatisticsText.count(neverTreatedUnits)) never treated); periods: "
                + "\(periods); cohorts: \(cohorts.map(StatisticsText.compact).joined(separator: ", ")); clusters: "
                + StatisticsText.count(clusters))
        lines.append("Assumptions:")
        lines += assumptions.map { "  - \($0)" }
        for aggregation in aggregations {
            lines.append("")
            lines.append("Aggregation: \(aggregation.kind) — \(aggregation.meaning)")
            lines.append(EffectEstimateRow.textTable([aggregation.overall] + aggregation.elements, level: level))
        }
        lines.append("")
        lines.append("Group-time effects ATT(cohort, period):")
        lines.append(EffectEstimateRow.textTable(groupTimeEffects, level: level, countHeader: "treated"))
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += warnings.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
