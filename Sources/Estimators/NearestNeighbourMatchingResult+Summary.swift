import Distributions
import Inference

extension NearestNeighbourMatchingResult {
    /// A plain-text report: the matching choices and tie rule, the identifying assumptions, the counts
    /// (matched, dropped and why, controls used), the ATT with SE, z, p and a normal interval, the
    /// covariance label, the Abadie–Imbens SEs, the balance table before and after matching with its
    /// flags, and warnings.
    ///
    /// Formatting only; every number is read from the result.
    public func summary(level: Double = 0.95) -> String {
        precondition(level > 0 && level < 1, "Level must be in (0, 1)")
        let caliper: String
        if let width = caliperWidth, let units = specification.caliper {
            caliper =
                "\(units) SD of the distance = \(StatisticsText.number(width)) "
                + "(SD \(StatisticsText.number(distanceStandardDeviation)))"
        } else {
            caliper = "none"
        }
        let dropped = unmatchedTreatedCount - unmatchedOutsideCaliper
        var lines = [
            "Nearest-neighbour matching: \(specification)",
            "Target:       ATT over the matched treated",
            "Assumptions:  unconfoundedness given the covariates; overlap (a close control for every matched treated)",
            "Caliper:      \(caliper)",
            "Ties:         equal distances go to the lowest row; equal scores are matched in row order",
            "Matched:      \(StatisticsText.count(matchedTreatedCount)) of \(StatisticsText.count(treatedCount)) treated "
                + "(\(StatisticsText.count(unmatchedTreatedCount)) dropped: \(StatisticsText.count(unmatchedOutsideCaliper)) "
                + "without a control in the caliper, \(StatisticsText.count(dropped)) whose controls were used up); "
                + "\(StatisticsText.count(matchedControlCount)) of \(StatisticsText.count(controlCount)) controls used",
            "Covariance:   \(covarianceLabel); normal (z) inference",
            "",
        ]
        let scaled = level * 100
        let percent = scaled == scaled.rounded() ? String(Int(scaled)) : StatisticsText.number(scaled, significant: 4)
        let interval = confidenceInterval(level: level)
        lines.append(
            StatisticsText.alignedTable(
                header: ["", "estimate", "std. error", "z", "p", "[\(percent)%", "\(percent)%]"],
                rows: [
                    [
                        "ATT", StatisticsText.number(effect), StatisticsText.number(standardError),
                        StatisticsText.number(zStatistic), StatisticsText.pValue(pValue),
                        StatisticsText.number(interval.lower), StatisticsText.number(interval.upper),
                    ]
                ]))
        lines.append(
            "Matched means: treated \(StatisticsText.number(treatedMean)), controls \(StatisticsText.number(controlMean))")
        lines.append(
            "Abadie–Imbens SE (J = \(abadieImbens.neighbours), no bias adjustment): population ATT "
                + "\(StatisticsText.number(abadieImbens.populationStandardError)), sample ATT "
                + "\(StatisticsText.number(abadieImbens.sampleStandardError))"
                + (specification.replacement ? " (the SE above holds the matching weights fixed)" : ""))
        lines.append("")
        let rows = zip(balance.before, balance.after).map { before, after -> [String] in
            let flag = (after.isMeanImbalanced || after.isVarianceImbalanced) ? "*" : ""
            return [
                before.variable, StatisticsText.number(before.standardizedMeanDifference, significant: 3),
                StatisticsText.number(after.standardizedMeanDifference, significant: 3),
                StatisticsText.number(before.varianceRatio, significant: 3),
                StatisticsText.number(after.varianceRatio, significant: 3), flag,
            ]
        }
        lines.append(
            StatisticsText.alignedTable(
                header: ["balance", "SMD before", "SMD matched", "VR before", "VR matched", ""], rows: rows))
        lines.append(
            "* |SMD| > \(BalanceTable.smdThreshold) or VR outside [\(BalanceTable.varianceRatioBounds.lowerBound), "
                + "\(BalanceTable.varianceRatioBounds.upperBound)] after matching. Effective sizes: treated "
                + "\(StatisticsText.number(balance.effectiveSampleSize.treated, significant: 4)), controls "
                + "\(StatisticsText.number(balance.effectiveSampleSize.control, significant: 4)).")
        for warning in warnings { lines.append("Warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
