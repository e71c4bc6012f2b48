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
        return balance(weights: weights, target: target, adjustment: .inverseProbabilityWeighting(target))
    }

    /// Balance of every covariate column (intercept excluded) before adjustment and under arbitrary
    /// non-negative `weights`, one per used row (e.g. a ``NearestNeighbourMatchingResult``'s `weights`);
    /// see ``BalanceTable/init(columnNames:covariates:treated:weights:target:adjustment:)``.
    public func balance(
        weights: [Double], target: ControlGroupEffect,
        adjustment: BalanceAdjustment = .weights(label: "user-supplied weights")
    ) -> BalanceTable {
        precondition(weights.count == n, "One weight per used row (\(n)), got \(weights.count)")
        return BalanceTable(
            columnNames: columnNames, covariates: covariates, treated: treated, weights: weights, target: target,
            adjustment: adjustment)
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
