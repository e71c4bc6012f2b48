import LinearAlgebra

extension BalanceTable {
    /// Balance of every covariate column (the `"Intercept"` column excluded) before adjustment and
    /// under arbitrary non-negative `weights`.
    ///
    /// Before: unit weights. After: `x̄ₐ = Σwx/Σw` within each arm, the unbiased weighted variance
    /// `Σw(x − x̄)² Σw/((Σw)² − Σw²)` (cobalt `col_w_sd`), `SMD = (x̄₁ − x̄₀)/√((s₁² + s₀²)/2)` with the
    /// *unweighted* pooled SD (cobalt's default `s.d.denom` from the unadjusted sample), `VR = s₁²/s₀²`.
    /// Rows with weight 0 (e.g. unmatched units) drop out of the "after" columns. Kish effective
    /// sizes `(Σw)²/Σw²` per arm.
    ///
    /// - Parameters:
    ///   - columnNames: one name per column of `covariates`.
    ///   - covariates: `n × k` design, one row per unit.
    ///   - treated: arm of each row.
    ///   - weights: one non-negative weight per row; each arm needs a positive total.
    ///   - target: the population the weights aim at (ATT for matching).
    ///   - adjustment: what produced the weights, for summaries.
    public init(
        columnNames: [String], covariates: Matrix, treated: [Bool], weights: [Double],
        target: ControlGroupEffect, adjustment: BalanceAdjustment
    ) {
        let n = treated.count
        precondition(covariates.rows == n && weights.count == n, "One covariate row and one weight per unit")
        precondition(columnNames.count == covariates.columns, "One name per covariate column")
        precondition(weights.allSatisfy { $0 >= 0 && $0.isFinite }, "Weights must be finite and non-negative")
        let t = treated.indices.filter { treated[$0] }
        let c = treated.indices.filter { !treated[$0] }
        precondition(
            t.contains { weights[$0] > 0 } && c.contains { weights[$0] > 0 }, "Each arm needs a positive weight")
        let ones = [Double](repeating: 1, count: n)
        var before: [Row] = []
        var after: [Row] = []
        for j in 0..<covariates.columns where columnNames[j] != "Intercept" {
            let x = covariates.column(j)
            let raw1 = ControlGroupComparison.weightedMoments(x, ones, t)
            let raw0 = ControlGroupComparison.weightedMoments(x, ones, c)
            // Pooled SD of the unweighted sample, used before and after (cobalt's default).
            let pooled = ((raw1.variance + raw0.variance) / 2).squareRoot()
            let w1 = ControlGroupComparison.weightedMoments(x, weights, t)
            let w0 = ControlGroupComparison.weightedMoments(x, weights, c)
            for (isWeighted, m1, m0) in [(false, raw1, raw0), (true, w1, w0)] {
                let row = Row(
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
        self.init(
            target: target, adjustment: adjustment, before: before, after: after,
            effectiveSampleSize: (kish(t), kish(c)))
    }
}
