import LinearAlgebra

extension ImputationEstimator {
    /// The untreated-outcome model `Y_it(0) = α_i + λ_t + X_it'β` fitted by least squares on the
    /// untreated observations, and the BJS weights of linear estimands.
    ///
    /// The unit effects are eliminated exactly: with `z_r = (e_{t(r)}, x_r)` and `z̄_i` its mean over
    /// unit i's untreated rows, the normal equations reduce to `M γ = b` for γ = (λ, β), where
    /// `M = Σ_r (z_r − z̄_i)(z_r − z̄_i)'` (the within-unit cross-products, one period dummy per
    /// period) and `α_i = ȳ_i − z̄_i'γ` (Frisch–Waugh–Lovell; the same algebra as fixest's within
    /// transformation, solved directly because M has only `periods + covariates` rows). M is singular
    /// (one direction per connected component: λ + c, α − c), so a generalized inverse is used; the
    /// fitted values and weights of estimable quantities do not depend on which one.
    struct FirstStage: Sendable {
        /// Untreated rows of each unit (empty for units without one).
        let untreatedRows: [[Int]]
        /// Means over each unit's untreated rows of y and of every covariate.
        let unitMeanY: [Double]
        let unitMeanX: [[Double]]
        /// Generalized inverse of M (periods first, then covariates).
        let inverse: Matrix
        /// λ̂ (per period code; 0 for periods without untreated rows) and β̂.
        let periodEffects: [Double]
        let slopes: [Double]
        /// α̂ per unit (NaN for units without untreated rows).
        let unitEffects: [Double]

        /// Fits the model; throws `ImputationEstimatorError.collinearCovariates` when M has more null
        /// directions than the unit–period graph's connected components explain.
        init(_ panel: Panel, covariateNames: [String]) throws {
            let periodCount = panel.periods.count
            let p = panel.covariates.count
            let m = periodCount + p
            var rows = [[Int]](repeating: [], count: panel.unitIDs.count)
            for r in 0..<panel.rowCount where !panel.treated[r] { rows[panel.unit[r]].append(r) }
            var meanY = [Double](repeating: .nan, count: rows.count)
            var meanX = [[Double]](repeating: [Double](repeating: .nan, count: p), count: rows.count)
            for (i, list) in rows.enumerated() where !list.isEmpty {
                let n = Double(list.count)
                meanY[i] = list.reduce(0) { $0 + panel.outcome[$1] } / n
                for k in 0..<p { meanX[i][k] = list.reduce(0) { $0 + panel.covariates[k][$1] } / n }
            }

            // M and b = Σ_r (z_r − z̄_i)(y_r − ȳ_i); Σ_r (z_r − z̄_i) z̄_i' = 0, so the period block of M
            // is the counts minus Σ_i (1/n_i) c_i c_i', c_i unit i's untreated periods. Units sharing
            // a pattern (a cohort, in a balanced panel) are summed first: one outer product each.
            var gram = Matrix(rows: m, columns: m)
            var rhs = [Double](repeating: 0, count: m)
            var patterns: [[Int]: Double] = [:]
            for list in rows where !list.isEmpty {
                patterns[list.map { panel.period[$0] }.sorted(), default: 0] += 1 / Double(list.count)
            }
            // In a fixed order, so that the sums (and results) are the same on every run.
            for pattern in patterns.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let share = patterns[pattern]!
                for t in pattern {
                    for s in pattern { gram[t, s] -= share }
                }
            }
            for (i, list) in rows.enumerated() where !list.isEmpty {
                for r in list {
                    let t = panel.period[r]
                    let yTilde = panel.outcome[r] - meanY[i]
                    gram[t, t] += 1
                    rhs[t] += yTilde
                    for k in 0..<p {
                        let xk = panel.covariates[k][r] - meanX[i][k]
                        gram[t, periodCount + k] += xk
                        rhs[periodCount + k] += xk * yTilde
                        for l in 0...k { gram[periodCount + l, periodCount + k] += (panel.covariates[l][r] - meanX[i][l]) * xk }
                    }
                }
            }
            for j in 0..<m {
                for i in 0..<j { gram[j, i] = gram[i, j] }
            }
            inverse = try Self.generalizedInverse(
                gram, expectedNullity: panel.untreatedComponents, covariateNames: covariateNames, periodCount: periodCount)
            let gamma = Self.multiply(inverse, rhs)
            untreatedRows = rows
            unitMeanY = meanY
            unitMeanX = meanX
            periodEffects = Array(gamma[0..<periodCount])
            slopes = Array(gamma[periodCount...])
            unitEffects = rows.indices.map { i in
                guard !rows[i].isEmpty else { return .nan }
                let periodPart = rows[i].reduce(0) { $0 + gamma[panel.period[$1]] } / Double(rows[i].count)
                let covariatePart = (0..<p).reduce(0) { $0 + meanX[i][$1] * gamma[periodCount + $1] }
                return meanY[i] - periodPart - covariatePart
            }
        }

        /// Ŷ_it(0) = α̂_i + λ̂_t + x_it'β̂ (NaN when the unit has no untreated row).
        func fitted(_ panel: Panel, row r: Int) -> Double {
            var value = unitEffects[panel.unit[r]] + periodEffects[panel.period[r]]
            for k in slopes.indices { value += slopes[k] * panel.covariates[k][r] }
            return value
        }

        /// The BJS weights `v` of the estimand `Σ_r w_r τ_r` (w zero off the imputable treated rows):
        /// `v = w` on treated rows and `v = −Z_0 (Z_0'Z_0)⁻ Z_1'w` on untreated rows (BJS 2024 eq. 5;
        /// R `didimputation`'s `make_V_star`), so that the estimate is `Σ_r v_r Y_r`.
        ///
        /// With `c_i = Σ_{treated r ∈ i} w_r`, the untreated part is `−(c_i/n_i + (z_r − z̄_i)'δ)` with
        /// `M δ = Σ_r w_r z_r − Σ_i c_i z̄_i` (the unit block eliminated as in `init`).
        func weights(_ panel: Panel, treatedWeights w: [Double]) -> [Double] {
            let periodCount = panel.periods.count
            let p = slopes.count
            var unitTotal = [Double](repeating: 0, count: untreatedRows.count)
            var rhs = [Double](repeating: 0, count: periodCount + p)
            for r in 0..<panel.rowCount where w[r] != 0 {
                unitTotal[panel.unit[r]] += w[r]
                rhs[panel.period[r]] += w[r]
                for k in 0..<p { rhs[periodCount + k] += w[r] * panel.covariates[k][r] }
            }
            for (i, list) in untreatedRows.enumerated() where unitTotal[i] != 0 && !list.isEmpty {
                let share = unitTotal[i] / Double(list.count)
                for r in list { rhs[panel.period[r]] -= share }
                for k in 0..<p { rhs[periodCount + k] -= unitTotal[i] * unitMeanX[i][k] }
            }
            let delta = Self.multiply(inverse, rhs)
            var v = w
            for (i, list) in untreatedRows.enumerated() where !list.isEmpty {
                let meanDelta = list.reduce(0) { $0 + delta[panel.period[$1]] } / Double(list.count)
                let base = unitTotal[i] / Double(list.count) - meanDelta
                for r in list {
                    var value = base + delta[panel.period[r]]
                    for k in 0..<p { value += (panel.covariates[k][r] - unitMeanX[i][k]) * delta[periodCount + k] }
                    v[r] = -value
                }
            }
            return v
        }

        /// A generalized inverse of the PSD `gram`: `D (D M D)⁺ D` with `D = diag(M)^{−1/2}` on the
        /// columns with a positive diagonal (zero elsewhere). Scaling first keeps the eigenvalue
        /// cut-off meaningful when covariates and period counts differ in scale; `M G M = M` holds, so
        /// it solves every consistent system.
        static func generalizedInverse(
            _ gram: Matrix, expectedNullity: Int, covariateNames: [String], periodCount: Int
        ) throws -> Matrix {
            let m = gram.rows
            let active = (0..<m).filter { gram[$0, $0] > 0 }
            if active.count < m, let dead = (periodCount..<m).first(where: { !active.contains($0) }) {
                // A covariate without within-unit variation among untreated rows.
                throw ImputationEstimatorError.collinearCovariates(names: [covariateNames[dead - periodCount]])
            }
            let scale = active.map { 1 / gram[$0, $0].squareRoot() }
            var scaled = Matrix(rows: active.count, columns: active.count)
            for (b, j) in active.enumerated() {
                for (a, i) in active.enumerated() { scaled[a, b] = gram[i, j] * scale[a] * scale[b] }
            }
            let eigen = try SymmetricEigen(scaled)
            // Null directions of a scaled Gram matrix sit at rounding level; 1e-10 of the largest
            // eigenvalue separates them from weakly identified but genuine directions.
            let threshold = 1e-10 * (eigen.values.last ?? 0)
            let kept = eigen.values.indices.filter { eigen.values[$0] > threshold }
            if active.count - kept.count > expectedNullity {
                throw ImputationEstimatorError.collinearCovariates(names: covariateNames)
            }
            var inverse = Matrix(rows: m, columns: m)
            for (b, j) in active.enumerated() {
                for (a, i) in active.enumerated() where a <= b {
                    var sum = 0.0
                    for k in kept { sum += eigen.vectors[a, k] * eigen.vectors[b, k] / eigen.values[k] }
                    inverse[i, j] = sum * scale[a] * scale[b]
                    inverse[j, i] = inverse[i, j]
                }
            }
            return inverse
        }

        /// `A x` for a small dense matrix.
        static func multiply(_ a: Matrix, _ x: [Double]) -> [Double] {
            (0..<a.rows).map { i in (0..<a.columns).reduce(0) { $0 + a[i, $1] * x[$1] } }
        }
    }
}
