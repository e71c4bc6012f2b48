import Inference

extension RegressionFit {
    /// A plain-text report: method, formula, observations used and dropped by reason, covariance
    /// label with the number of clusters and df, R², the condition number, the model F, the
    /// coefficient table and warnings.
    ///
    /// Formatting only; every number is read from the fit.
    public func summary(level: Double = 0.95) -> String {
        var lines: [String] = []
        let method = isWeighted ? "Weighted least squares (WLS)" : "Ordinary least squares (OLS)"
        lines.append(absorbedEffects == nil ? method : method + " with absorbed fixed effects")
        lines.append("Formula:      \(formula.text)")
        lines.append("Observations: \(observations)")
        if let effects = absorbedEffects {
            lines.append("Fixed effects: \(effects)")
            lines.append(
                "Within R²:    \(StatisticsText.number(effects.withinRSquared)), adjusted "
                    + "\(StatisticsText.number(effects.adjustedWithinRSquared)); projection tolerance "
                    + "\(StatisticsText.compact(effects.demeaning.tolerance)), \(effects.sweeps) sweep(s)")
            lines.append("Small sample: \(effects.convention)")
        }
        lines.append("Covariance:   \(covarianceLabel); t df = \(StatisticsText.count(inferenceDegreesOfFreedom))")
        let rankNote =
            droppedColumns.isEmpty
            ? "rank \(rank)" : "rank \(rank) of \(columnNames.count) columns (\(droppedColumns.count) dropped)"
        let tss = hasConstant ? "centered" : "uncentered, no constant"
        lines.append(
            "Fit:          R² = \(StatisticsText.number(rSquared)), adjusted R² = "
                + "\(StatisticsText.number(adjustedRSquared)) (\(tss) TSS); \(rankNote)")
        lines.append("Condition:    \(conditionNumberText) (2-norm, columns scaled to unit length)")
        if let test = modelTest {
            // With a robust covariance the model F is the Wald test that uses it (statsmodels `fvalue`).
            let kind = covarianceType == .classical ? "" : " (Wald test with this covariance)"
            lines.append(
                "Model F:      F(\(StatisticsText.count(test.numeratorDegreesOfFreedom)), "
                    + "\(StatisticsText.count(test.denominatorDegreesOfFreedom))) = \(StatisticsText.number(test.fStatistic)), "
                    + "p = \(StatisticsText.pValue(test.fPValue))\(kind)")
        }
        lines.append("")
        lines.append(coefficientTable(level: level).description)
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines.append(contentsOf: warnings.map { "  - \($0)" })
        }
        return lines.joined(separator: "\n")
    }
}
