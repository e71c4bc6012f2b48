import Distributions
import LinearAlgebra

/// A fitted segmented regression with Newey–West standard errors and the projected counterfactual.
///
/// Model: `y_t = β0 + β1·t + β2·post_t + β3·(t − T0)·post_t + ε_t` (Wagner et al. 2002; Bernal,
/// Cummins & Gasparrini 2017). Inference is normal-based (z), as statsmodels' HAC results
/// (`use_t=False`), since the HAC covariance is justified asymptotically.
public struct InterruptedTimeSeriesResult: Sendable {
    /// A linear combination of the coefficients with its HAC standard error and normal inference.
    public struct Estimate: Sendable, Equatable {
        /// What the combination is, e.g. `"level change"` or `"effect at h = 6"`.
        public let label: String
        /// `wᵀβ`.
        public let estimate: Double
        /// `√(wᵀ V w)`.
        public let standardError: Double
        /// `estimate / standardError`.
        public let statistic: Double
        /// Two-sided p-value from the standard normal.
        public let pValue: Double
        /// Lower confidence limit `estimate − z_{(1+level)/2} · se`.
        public let lower: Double
        /// Upper confidence limit `estimate + z_{(1+level)/2} · se`.
        public let upper: Double

        /// `wᵀb` with `√(wᵀVw)` and normal-based p-value and interval.
        init(label: String, weights w: [Double], coefficients b: [Double], covariance v: Matrix, level: Double) {
            var value = 0.0
            var variance = 0.0
            for i in w.indices {
                value += w[i] * b[i]
                for j in w.indices { variance += w[i] * v[i, j] * w[j] }
            }
            let se = max(variance, 0).squareRoot()
            let z = value / se
            let critical = Normal().quantile(0.5 + level / 2)
            self.label = label
            self.estimate = value
            self.standardError = se
            self.statistic = z
            self.pValue = Normal().twoSidedPValue(z)
            self.lower = value - critical * se
            self.upper = value + critical * se
        }
    }

    /// One post-interruption period: observed, fitted and the counterfactual pre-trend projection.
    public struct Projection: Sendable, Equatable {
        /// The period t.
        public let time: Double
        /// The observed outcome y_t.
        public let observed: Double
        /// The fitted value `β0 + β1 t + β2 + β3 (t − T0)`.
        public let fitted: Double
        /// The pre-trend extrapolated, `β0 + β1 t` (comparative: see its `projections`).
        public let counterfactual: Double
        /// Standard error of the counterfactual, `√(wᵀVw)` with `w = [1, t, 0, 0]`.
        public let counterfactualStandardError: Double
        /// The modelled effect `fitted − counterfactual = β2 + β3 (t − T0)`.
        public let effect: Double
        /// Standard error of the effect, `√(wᵀVw)` with `w = [0, 0, 1, t − T0]`.
        public let effectStandardError: Double
    }

    /// Coefficient names in design order.
    public static let coefficientNames = ["intercept", "time", "post", "time_since_interruption"]

    /// The specification that produced the fit.
    public let specification: InterruptedTimeSeriesSpecification
    /// Periods in ascending order.
    public let times: [Double]
    /// Outcomes in the order of `times`.
    public let outcomes: [Double]
    /// Coefficients of the fit with time centred at T0, `[γ0, γ1, γ2, γ3]` (`γ0 = β0 + β1 T0`, the
    /// pre-trend at T0; the others equal β1…β3), and their Newey–West covariance `W`.
    let centredCoefficients: [Double]
    let centredCovariance: Matrix

    /// `[β0, β1, β2, β3]` of the model on raw time: `β = A γ`, `A` the identity with `A[0, 1] = −T0`.
    public var coefficients: [Double] {
        let g = centredCoefficients
        return [g[0] - specification.interruption * g[1], g[1], g[2], g[3]]
    }

    /// Newey–West covariance of `coefficients`, `A W Aᵀ` (4 × 4). The HAC covariance is equivariant
    /// under this reparametrization, so it is statsmodels' covariance of the raw-time fit.
    public var covariance: Matrix {
        var a = Matrix.identity(4)
        a[0, 1] = -specification.interruption
        return Matrix.product(a, Matrix.product(centredCovariance, a.transposed))
    }
    /// The truncation lag used (given, or from the automatic rule).
    public let maxLag: Int
    /// OLS residuals in time order.
    public let residuals: [Double]
    /// Periods before the interruption.
    public let preCount: Int
    /// Periods from the interruption on.
    public let postCount: Int

    /// Number of periods N.
    public var observationCount: Int { times.count }

    /// Standard errors `√V_jj` in coefficient order.
    public var standardErrors: [Double] {
        let v = covariance
        return (0..<4).map { v[$0, $0].squareRoot() }
    }

    /// Covariance label, e.g. `"Newey–West HAC (Bartlett, L = 3, no small-sample correction)"`.
    public var covarianceLabel: String {
        "Newey–West HAC (Bartlett, L = \(maxLag)"
            + (specification.maxLag == nil ? " by the Newey–West 1994 rule" : "")
            + (specification.smallSampleCorrection ? ", N/(N−K) correction)" : ", no small-sample correction)")
    }

    /// `wᵀβ` with standard error `√(wᵀVw)` and normal inference at the specification's level.
    ///
    /// Evaluated as `(Aᵀw)ᵀγ` with `(Aᵀw)ᵀ W (Aᵀw)` on the centred fit, which is the same number
    /// without the cancellation of `[1, t]` against a raw intercept far from the data.
    public func linearCombination(_ weights: [Double], label: String) -> Estimate {
        precondition(weights.count == 4, "One weight per coefficient")
        var w = weights
        w[1] -= specification.interruption * weights[0]  // Aᵀw: β0 + β1 t = γ0 + γ1 (t − T0)
        return Estimate(
            label: label, weights: w, coefficients: centredCoefficients, covariance: centredCovariance,
            level: specification.level)
    }

    /// The immediate level change at the interruption, β2.
    public var levelChange: Estimate { linearCombination([0, 0, 1, 0], label: "level change") }
    /// The change of slope after the interruption, β3.
    public var slopeChange: Estimate { linearCombination([0, 0, 0, 1], label: "slope change") }
    /// The pre-interruption slope β1.
    public var preSlope: Estimate { linearCombination([0, 1, 0, 0], label: "pre-interruption slope") }
    /// The post-interruption slope β1 + β3.
    public var postSlope: Estimate { linearCombination([0, 1, 0, 1], label: "post-interruption slope") }

    /// The effect `β2 + β3 h` at horizon `h = t − T0` (h = 0 is the level change).
    public func effect(atHorizon h: Double) -> Estimate {
        linearCombination([0, 0, 1, h], label: "effect at h = \(GoodmanBaconDecomposition.periodText(h))")
    }

    /// The effects at the specification's horizons.
    public var horizonEffects: [Estimate] { specification.horizons.map { effect(atHorizon: $0) } }

    /// One projection per post-interruption period, in time order.
    public var projections: [Projection] {
        let t0 = specification.interruption
        return (preCount..<times.count).map { i in
            let t = times[i]
            let counterfactual = linearCombination([1, t, 0, 0], label: "counterfactual")
            let effect = linearCombination([0, 0, 1, t - t0], label: "effect")
            return Projection(
                time: t, observed: outcomes[i], fitted: counterfactual.estimate + effect.estimate,
                counterfactual: counterfactual.estimate, counterfactualStandardError: counterfactual.standardError,
                effect: effect.estimate, effectStandardError: effect.standardError)
        }
    }
}
