import Inference

extension InterruptedTimeSeriesResult {
    /// A plain-text report: design, assumptions, coefficients, level and slope change and the
    /// effects at the chosen horizons. Formatting only; every number is read from the result.
    public func summary() -> String {
        let spec = specification
        var lines: [String] = []
        lines.append("Interrupted time series (segmented regression)")
        lines.append(
            "Periods:      \(observationCount) (\(preCount) before, \(postCount) from the interruption at "
                + "\(GoodmanBaconDecomposition.periodText(spec.interruption)))")
        lines.append("Covariance:   \(covarianceLabel); normal-based inference")
        lines.append("Assumptions:")
        lines.append("  - without the interruption the pre-interruption trend would have continued (linear)")
        lines.append("  - no other change at the interruption; errors weakly dependent (lags beyond L negligible)")
        lines.append("")
        let rows = [preSlope, levelChange, slopeChange, postSlope] + horizonEffects
        lines.append(InterruptedTimeSeriesResult.table(rows, level: spec.level))
        return lines.joined(separator: "\n")
    }

    /// An aligned table of estimates with SE, z, p and interval.
    static func table(_ estimates: [Estimate], level: Double) -> String {
        let percent = StatisticsText.compact((level * 100 * 1e6).rounded() / 1e6)
        let rows = estimates.map { e -> [String] in
            [
                e.label, StatisticsText.number(e.estimate), StatisticsText.number(e.standardError),
                StatisticsText.number(e.statistic, significant: 4), StatisticsText.pValue(e.pValue),
                "[\(StatisticsText.number(e.lower)), \(StatisticsText.number(e.upper))]",
            ]
        }
        return StatisticsText.alignedTable(
            header: ["", "estimate", "std. error", "z", "p", "\(percent)% CI"], rows: rows)
    }
}

extension InterruptedTimeSeriesComparativeResult {
    /// A plain-text report of the comparative fit; formatting only.
    public func summary() -> String {
        let spec = specification
        var lines: [String] = []
        lines.append("Comparative interrupted time series (treated vs comparison series)")
        lines.append(
            "Periods:      \(times.count) per series (\(preCount) before, \(postCount) from the interruption at "
                + "\(GoodmanBaconDecomposition.periodText(spec.interruption)))")
        lines.append("Covariance:   \(covarianceLabel); normal-based inference")
        lines.append("Assumptions:")
        lines.append("  - without the interruption the treated series would have changed as the comparison series did")
        lines.append("  - the comparison series is unaffected by the interruption")
        lines.append("")
        let rows = [preTrendDifference, levelChange, slopeChange] + horizonEffects
        lines.append(InterruptedTimeSeriesResult.table(rows, level: spec.level))
        return lines.joined(separator: "\n")
    }
}
