import LinearAlgebra

extension ControlGroupComparison {
    /// Regression adjustment: OLS of the outcome on the covariates within each arm, then the mean of
    /// the two arms' predictions over the target population.
    ///
    /// `β̂ₐ = OLS(y ~ x | D = a)`; ATE: `POMa = (1/n) Σᵢ xᵢᵀβ̂ₐ`; ATT: the same mean over treated rows.
    /// The SE stacks the moment conditions `cᵢ(xᵢᵀβ₁ − xᵢᵀβ₀ − τ)`, `cᵢ(xᵢᵀβ₀ − μ₀)` (`cᵢ = 1`, or
    /// `Dᵢ / D̄` for the ATT) and the per-arm OLS normal equations (see ``ControlGroupMoments``).
    /// Matches statsmodels `TreatmentEffect(...).ra(effect_group="all" | 1)` (Stata `teffects ra`).
    ///
    /// - Throws: ``ControlGroupError/armCollinear(arm:columns:)``; `LinearAlgebraError`.
    public func regressionAdjustment(_ target: ControlGroupEffect = .averageTreatmentEffect) throws
        -> ControlGroupEstimate
    {
        let k = covariates.columns
        let beta0 = try armCoefficients(treated: false)
        let beta1 = try armCoefficients(treated: true)
        let fitted0 = covariates.times(beta0)
        let fitted1 = covariates.times(beta1)
        let share = Double(treatedCount) / Double(n)
        // statsmodels weights the ATT moments by probt / mean(probt) with probt = D (ra, effect_group=1).
        let c = treated.map { target == .averageTreatmentEffect ? 1 : ($0 ? 1 / share : 0) }
        var pom0 = 0.0
        var pom1 = 0.0
        for i in 0..<n {
            pom0 += c[i] * fitted0[i]
            pom1 += c[i] * fitted1[i]
        }
        pom0 /= Double(n)
        pom1 /= Double(n)
        let tau = pom1 - pom0

        var m = ControlGroupMoments(rows: n, parameters: 2 + 2 * k)
        let inverseN = 1 / Double(n)
        for i in 0..<n {
            m.moments[i, 0] = c[i] * (fitted1[i] - fitted0[i] - tau)
            m.moments[i, 1] = c[i] * (fitted0[i] - pom0)
            let arm = treated[i] ? 2 + k : 2
            let residual = outcome[i] - (treated[i] ? fitted1[i] : fitted0[i])
            m.jacobian[0, 0] -= c[i] * inverseN
            m.jacobian[1, 1] -= c[i] * inverseN
            for j in 0..<k {
                let x = covariates[i, j]
                m.moments[i, arm + j] = x * residual
                m.jacobian[0, 2 + j] -= c[i] * x * inverseN
                m.jacobian[0, 2 + k + j] += c[i] * x * inverseN
                m.jacobian[1, 2 + j] += c[i] * x * inverseN
                for l in 0..<k { m.jacobian[arm + j, arm + l] -= x * covariates[i, l] * inverseN }
            }
        }
        let covariance = try m.covariance()
        return ControlGroupEstimate(
            method: .regressionAdjustment, target: target, effect: tau, controlMean: pom0, treatedMean: pom1,
            covariance: twoByTwo(covariance), n: n, treatedCount: treatedCount, controlCount: controlCount,
            warnings: [])
    }

    /// OLS coefficients of the outcome on the covariates within one arm.
    func armCoefficients(treated arm: Bool) throws -> [Double] {
        let rows = rows(treated: arm)
        let solution = try leastSquares(covariates.selectingRows(rows), rows.map { outcome[$0] })
        guard solution.droppedColumns.isEmpty else {
            throw ControlGroupError.armCollinear(arm: arm ? 1 : 0, columns: solution.droppedColumns.map { columnNames[$0] })
        }
        return solution.coefficients
    }

    /// The leading 2 × 2 block (effect, POM0) of a stacked covariance.
    func twoByTwo(_ v: Matrix) -> Matrix {
        Matrix(rowMajor: [[v[0, 0], v[0, 1]], [v[1, 0], v[1, 1]]])
    }
}
