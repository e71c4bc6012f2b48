import Inference

extension GoodmanBaconDecomposition {
    /// A plain-text report: the panel, the weights and weighted 2×2 estimates by comparison type,
    /// every 2×2, the TWFE identity and how much weight sits on already-treated controls.
    /// Formatting only; every number is read from the decomposition.
    public func summary() -> String {
        var lines: [String] = []
        lines.append("Goodman-Bacon decomposition of the two-way fixed-effects DiD coefficient")
        let groups = groupSizes.sorted { $0.key.sortKey < $1.key.sortKey }
            .map { "\($0.key) (\(StatisticsText.count($0.value)))" }.joined(separator: ", ")
        lines.append("Panel:        \(StatisticsText.count(unitCount)) units × \(periodCount) periods, balanced")
        lines.append("Groups:       \(groups)")
        lines.append(
            "TWFE:         \(StatisticsText.number(twfeEstimate)) = Σ weight × 2×2 estimate "
                + "(\(StatisticsText.number(weightedSum)))")
        lines.append("Assumptions:")
        lines.append("  - absorbing binary treatment, switched on at each unit's cohort; no covariates")
        lines.append(
            "  - the TWFE coefficient is a variance-weighted average of the 2×2s (Goodman-Bacon 2021, Theorem 1);"
                + " comparisons with already-treated controls are biased when effects change over time")
        lines.append("")
        let typeRows = typeSummaries.map { s -> [String] in
            [
                s.type.rawValue, StatisticsText.count(s.count), StatisticsText.number(s.weight, significant: 4),
                StatisticsText.number(s.estimate),
            ]
        }
        lines.append(StatisticsText.alignedTable(header: ["comparison", "2×2s", "weight", "estimate"], rows: typeRows))
        lines.append("")
        let rows = comparisons.map { c -> [String] in
            [
                c.type.rawValue, c.treated.description, c.control.description,
                "\(Self.periodText(c.window.lowerBound))–\(Self.periodText(c.window.upperBound))",
                StatisticsText.number(c.weight, significant: 4), StatisticsText.number(c.estimate),
            ]
        }
        lines.append(
            StatisticsText.alignedTable(
                header: ["comparison", "treated", "control", "window", "weight", "estimate"], rows: rows))
        if forbiddenWeight > 0 {
            lines.append("")
            lines.append(
                "\(StatisticsText.number(100 * forbiddenWeight, significant: 3))% of the weight is on comparisons whose "
                    + "controls are already treated; prefer Callaway–Sant'Anna or an event study if effects grow.")
        }
        return lines.joined(separator: "\n")
    }
}

extension GoodmanBaconDecomposition.Group {
    /// Order for display: always treated, cohorts by period, never treated.
    var sortKey: Double {
        switch self {
        case .alwaysTreated: return -.infinity
        case .cohort(let g): return g
        case .neverTreated: return .infinity
        }
    }
}
