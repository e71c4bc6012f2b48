extension ControlGroupComparison {
    /// Balance of every covariate column (intercept excluded) before and after IPW weighting for
    /// `target`; see ``BalanceTable`` for formulas and conventions.
    ///
    /// Weights: ATE `D/p̂ + (1 − D)/(1 − p̂)`, ATT `D + (1 − D)p̂/(1 − p̂)` (the weights of
    /// ``inverseProbabilityWeighting(_:)``; cobalt `get_w_from_ps(estimand =)`).
    public func balance(_ target: ControlGroupEffect = .averageTreatmentEffect) -> BalanceTable {
        let p = propensityScores
        let weights = (0..<n).map { i -> Double in
            switch target {
            case .averageTreatmentEffect: return treated[i] ? 1 / p[i] : 1 / (1 - p[i])
            case .averageTreatmentEffectOnTreated: return treated[i] ? 1 : p[i] / (1 - p[i])
            }
        }
        let t = rows(treated: true)
        let c = rows(treated: false)
        let ones = [Double](repeating: 1, count: n)
        var before: [BalanceTable.Row] = []
        var after: [BalanceTable.Row] = []
        for j in 0..<covariates.columns where columnNames[j] != "Intercept" {
            let x = covariates.column(j)
            let raw1 = Self.weightedMoments(x, ones, t)
            let raw0 = Self.weightedMoments(x, ones, c)
            // Pooled SD of the unweighted sample, used before and after (cobalt's default).
            let pooled = ((raw1.variance + raw0.variance) / 2).squareRoot()
            let w1 = Self.weightedMoments(x, weights, t)
            let w0 = Self.weightedMoments(x, weights, c)
            for (isWeighted, m1, m0) in [(false, raw1, raw0), (true, w1, w0)] {
                let row = BalanceTable.Row(
                    variable: columnNames[j], treatedMean: m1.mean, controlMean: m0.mean,
                    standardizedMeanDifference: (m1.mean - m0.mean) / pooled,
                    varianceRatio: m0.variance > 0 ? m1.variance / m0.variance : .nan)
                if isWeighted { after.append(row) } else { before.append(row) }
            }
        }
        func kish(_ rows: [Int]) -> Double {
            let sum = rows.reduce(0) { $0 + weights[$1] }
            return sum * sum / rows.reduce(0) { $0 + weights[$1] * weights[$1] }
        }
        return BalanceTable(target: target, before: before, after: after, effectiveSampleSize: (kish(t), kish(c)))
    }

    /// Weighted mean `Σwx/Σw` and unbiased weighted variance `Σw(x − x̄)² Σw/((Σw)² − Σw²)` over `rows`
    /// (cobalt `col_w_sd`; with unit weights the usual `n − 1` variance).
    static func weightedMoments(_ x: [Double], _ w: [Double], _ rows: [Int]) -> (mean: Double, variance: Double) {
        var sw = 0.0
        var sw2 = 0.0
        var swx = 0.0
        for i in rows {
            sw += w[i]
            sw2 += w[i] * w[i]
            swx += w[i] * x[i]
        }
        let mean = swx / sw
        var ss = 0.0
        for i in rows { ss += w[i] * (x[i] - mean) * (x[i] - mean) }
        return (mean, ss * sw / (sw * sw - sw2))
    }
}
