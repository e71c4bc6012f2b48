import LinearAlgebra

extension ControlGroupComparison {
    /// Inverse-probability weighting with weights normalized to sum to one within each arm (Hájek).
    ///
    /// `wᵢ = Dᵢ/p̂ᵢ + (1 − Dᵢ)/(1 − p̂ᵢ)` for the ATE and `wᵢ = Dᵢ + (1 − Dᵢ) p̂ᵢ/(1 − p̂ᵢ)` for the ATT;
    /// `POM1 = Σ wᵢDᵢyᵢ / Σ wᵢDᵢ`, `POM0 = Σ wᵢ(1 − Dᵢ)yᵢ / Σ wᵢ(1 − Dᵢ)`. The SE stacks the weighted
    /// moments `wᵢ(yᵢ − τDᵢ − μ₀)(Dᵢ, 1)` with the logit scores `(Dᵢ − p̂ᵢ)xᵢ`, so it accounts for the
    /// estimated propensity score. Matches statsmodels `TreatmentEffect(...).ipw(effect_group="all" | 1)`
    /// (Stata `teffects ipw`), whose GMM step also clips p̂ to [0.01, 0.99]; we never clip, and
    /// warn when a score lies outside that range.
    ///
    /// - Throws: `LinearAlgebraError`.
    public func inverseProbabilityWeighting(_ target: ControlGroupEffect = .averageTreatmentEffect) throws
        -> ControlGroupEstimate
    {
        let p = propensityScores
        let k = covariates.columns
        var weights = [Double](repeating: 0, count: n)
        var slopes = [Double](repeating: 0, count: n)  // dwᵢ/dp̂ᵢ
        for i in 0..<n {
            let t = treated[i] ? 1.0 : 0.0
            switch target {
            case .averageTreatmentEffect:
                weights[i] = t / p[i] + (1 - t) / (1 - p[i])
                slopes[i] = -t / (p[i] * p[i]) + (1 - t) / ((1 - p[i]) * (1 - p[i]))
            case .averageTreatmentEffectOnTreated:
                weights[i] = t + (1 - t) * p[i] / (1 - p[i])
                slopes[i] = (1 - t) / ((1 - p[i]) * (1 - p[i]))
            }
        }
        var sums = (treatedWeight: 0.0, treatedOutcome: 0.0, controlWeight: 0.0, controlOutcome: 0.0)
        for i in 0..<n {
            if treated[i] {
                sums.treatedWeight += weights[i]
                sums.treatedOutcome += weights[i] * outcome[i]
            } else {
                sums.controlWeight += weights[i]
                sums.controlOutcome += weights[i] * outcome[i]
            }
        }
        let pom1 = sums.treatedOutcome / sums.treatedWeight
        let pom0 = sums.controlOutcome / sums.controlWeight
        let tau = pom1 - pom0

        var m = ControlGroupMoments(rows: n, parameters: 2 + k)
        let inverseN = 1 / Double(n)
        for i in 0..<n {
            let t = treated[i] ? 1.0 : 0.0
            let r = outcome[i] - tau * t - pom0
            m.moments[i, 0] = weights[i] * r * t
            m.moments[i, 1] = weights[i] * r
            m.jacobian[0, 0] -= weights[i] * t * inverseN
            m.jacobian[0, 1] -= weights[i] * t * inverseN
            m.jacobian[1, 0] -= weights[i] * t * inverseN
            m.jacobian[1, 1] -= weights[i] * inverseN
            let dp = p[i] * (1 - p[i])  // ∂p̂ᵢ/∂(xᵢᵀγ) for the logit
            for j in 0..<k {
                let x = covariates[i, j]
                m.moments[i, 2 + j] = (t - p[i]) * x
                m.jacobian[0, 2 + j] += slopes[i] * dp * x * r * t * inverseN
                m.jacobian[1, 2 + j] += slopes[i] * dp * x * r * inverseN
                for l in 0..<k { m.jacobian[2 + j, 2 + l] -= dp * x * covariates[i, l] * inverseN }
            }
        }
        let covariance = try m.covariance()
        return ControlGroupEstimate(
            method: .inverseProbabilityWeighting, target: target, effect: tau, controlMean: pom0, treatedMean: pom1,
            covariance: twoByTwo(covariance), n: n, treatedCount: treatedCount, controlCount: controlCount,
            warnings: propensityWarnings)
    }

    /// Augmented inverse-probability weighting (doubly robust) for the ATE.
    ///
    /// `POMa = (1/n) Σᵢ [xᵢᵀβ̂ₐ + 1{Dᵢ = a}(yᵢ − xᵢᵀβ̂ₐ)/P̂(Dᵢ = a | xᵢ)]` with per-arm OLS `β̂ₐ` and the
    /// logit propensity score (Robins, Rotnitzky & Zhao 1994; Glynn & Quinn 2010). Consistent if
    /// either the outcome model or the propensity model is correct. The SE stacks these moments with
    /// the per-arm OLS normal equations and the logit scores. Matches statsmodels
    /// `TreatmentEffect(...).aipw()` (statsmodels offers no ATT version; neither do we).
    ///
    /// - Throws: ``ControlGroupError/armCollinear(arm:columns:)``; `LinearAlgebraError`.
    public func augmentedInverseProbabilityWeighting() throws -> ControlGroupEstimate {
        let p = propensityScores
        let k = covariates.columns
        let beta0 = try armCoefficients(treated: false)
        let beta1 = try armCoefficients(treated: true)
        let fitted0 = covariates.times(beta0)
        let fitted1 = covariates.times(beta1)
        var mean0 = [Double](repeating: 0, count: n)
        var mean1 = [Double](repeating: 0, count: n)
        for i in 0..<n {
            mean0[i] = fitted0[i] + (treated[i] ? 0 : (outcome[i] - fitted0[i]) / (1 - p[i]))
            mean1[i] = fitted1[i] + (treated[i] ? (outcome[i] - fitted1[i]) / p[i] : 0)
        }
        let pom0 = mean0.reduce(0, +) / Double(n)
        let pom1 = mean1.reduce(0, +) / Double(n)
        let tau = pom1 - pom0

        // Parameters: τ, μ₀, β₀ (k), β₁ (k), γ (k).
        let (b0, b1, g) = (2, 2 + k, 2 + 2 * k)
        var m = ControlGroupMoments(rows: n, parameters: 2 + 3 * k)
        let inverseN = 1 / Double(n)
        m.jacobian[0, 0] = -1
        m.jacobian[1, 1] = -1
        for i in 0..<n {
            let t = treated[i] ? 1.0 : 0.0
            m.moments[i, 0] = mean1[i] - mean0[i] - tau
            m.moments[i, 1] = mean0[i] - pom0
            let residual = outcome[i] - (treated[i] ? fitted1[i] : fitted0[i])
            let arm = treated[i] ? b1 : b0
            // ∂mean0/∂β₀ = x(1 − (1−D)/(1−p)), ∂mean1/∂β₁ = x(1 − D/p); through p̂ = Λ(xᵀγ):
            // ∂mean0/∂γ = (1−D)(y − xᵀβ₀) p/(1−p) x, ∂mean1/∂γ = −D(y − xᵀβ₁)(1−p)/p x.
            let d0 = 1 - (1 - t) / (1 - p[i])
            let d1 = 1 - t / p[i]
            let g0 = (1 - t) * (outcome[i] - fitted0[i]) * p[i] / (1 - p[i])
            let g1 = -t * (outcome[i] - fitted1[i]) * (1 - p[i]) / p[i]
            let dp = p[i] * (1 - p[i])
            for j in 0..<k {
                let x = covariates[i, j]
                m.moments[i, arm + j] = x * residual
                m.moments[i, g + j] = (t - p[i]) * x
                m.jacobian[0, b0 + j] -= d0 * x * inverseN
                m.jacobian[0, b1 + j] += d1 * x * inverseN
                m.jacobian[0, g + j] += (g1 - g0) * x * inverseN
                m.jacobian[1, b0 + j] += d0 * x * inverseN
                m.jacobian[1, g + j] += g0 * x * inverseN
                for l in 0..<k {
                    let xx = x * covariates[i, l] * inverseN
                    m.jacobian[arm + j, arm + l] -= xx
                    m.jacobian[g + j, g + l] -= dp * xx
                }
            }
        }
        let covariance = try m.covariance()
        return ControlGroupEstimate(
            method: .augmentedInverseProbabilityWeighting, target: .averageTreatmentEffect, effect: tau,
            controlMean: pom0, treatedMean: pom1, covariance: twoByTwo(covariance), n: n,
            treatedCount: treatedCount, controlCount: controlCount, warnings: propensityWarnings)
    }
}
