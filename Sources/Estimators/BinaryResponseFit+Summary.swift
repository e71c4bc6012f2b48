import Inference

extension BinaryResponseFit {
    /// A plain-text report: model and link, formula, observations used and dropped by reason, the
    /// covariance label with the number of clusters, the estimation method and convergence, the
    /// likelihood statistics, the likelihood-ratio test, the z table and every warning.
    ///
    /// Formatting only; every number is read from the fit.
    public func summary(level: Double = 0.95) -> String {
        let method = information == .observed ? "Newton–Raphson" : "Fisher scoring"
        let status =
            converged
            ? "converged in \(iterations) iterations"
            : "NOT converged after \(iterations) iterations"
        var lines: [String] = []
        lines.append("\(link) regression (binary outcome, maximum likelihood)\(isWeighted ? ", prior weights" : "")")
        lines.append("Formula:      \(formula.text)")
        lines.append("Observations: \(observations)")
        lines.append("Covariance:   \(covarianceLabel); z statistics (normal reference)")
        lines.append(
            "Estimation:   IRLS (\(method), \(information)), \(status); relative deviance change "
                + "\(StatisticsText.number(relativeDevianceChange, significant: 2))"
                + (stepHalvings > 0 ? "; \(stepHalvings) step halvings" : ""))
        lines.append(
            "Fit:          log-likelihood = \(StatisticsText.number(logLikelihood)), null = "
                + "\(StatisticsText.number(nullLogLikelihood)), McFadden pseudo-R² = "
                + "\(StatisticsText.number(pseudoRSquared, significant: 4)), AIC = \(StatisticsText.number(aic)), "
                + "BIC = \(StatisticsText.number(bic))")
        if likelihoodRatioDegreesOfFreedom > 0 {
            lines.append(
                "LR test:      χ²(\(likelihoodRatioDegreesOfFreedom)) = "
                    + "\(StatisticsText.number(likelihoodRatioStatistic, significant: 5)), p = "
                    + "\(StatisticsText.pValue(likelihoodRatioPValue)) (against the constant-only model)")
        }
        lines.append("")
        lines.append(zTable(coefficientTable(level: level)))
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines.append(contentsOf: warnings.map { "  - \($0)" })
        }
        return lines.joined(separator: "\n")
    }

    /// The coefficient table with a `z` column header (the shared `CoefficientTable` text says `t`).
    private func zTable(_ table: CoefficientTable) -> String {
        let tail = (1 - table.level) / 2
        let header = [
            "", "estimate", "std. error", "z", "p",
            "[" + StatisticsText.compact((tail * 1e6).rounded() / 1e6),
            StatisticsText.compact(((1 - tail) * 1e6).rounded() / 1e6) + "]",
        ]
        let kept = table.rows.filter { !$0.isDropped }
        let estimates = StatisticsText.column(kept.map(\.estimate), significant: 6)
        let errors = StatisticsText.column(kept.map(\.standardError), significant: 6)
        let statistics = StatisticsText.column(kept.map(\.statistic), significant: 4)
        let limits = StatisticsText.column(kept.map(\.lower) + kept.map(\.upper), significant: 6)
        var body: [[String]] = []
        var p = 0
        for row in table.rows {
            guard !row.isDropped else {
                body.append([row.name, "dropped (collinear)", "", "", "", "", ""])
                continue
            }
            body.append([
                row.name, estimates[p], errors[p], statistics[p], StatisticsText.pValue(row.pValue),
                limits[p], limits[kept.count + p],
            ])
            p += 1
        }
        return StatisticsText.alignedTable(header: header, rows: body)
    }
}
