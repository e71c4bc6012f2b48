import LinearAlgebra

/// A fitted comparative interrupted time series (treated vs comparison series) with
/// Driscoll–Kraay standard errors; see `InterruptedTimeSeries.fitComparative`.
///
/// Coefficients `[β0 … β7]` as named in `coefficientNames`; β6 (level change) and β7 (slope
/// change) are the treated series' changes beyond the comparison series'. Inference is
/// normal-based (z), as statsmodels' HAC results.
public struct InterruptedTimeSeriesComparativeResult: Sendable {
    /// Coefficient names in design order.
    public static let coefficientNames = [
        "intercept", "time", "post", "time_since_interruption",
        "treated", "treated:time", "treated:post", "treated:time_since_interruption",
    ]

    /// The specification that produced the fit.
    public let specification: InterruptedTimeSeriesSpecification
    /// Periods in ascending order.
    public let times: [Double]
    /// The treated series in the order of `times`.
    public let outcomes: [Double]
    /// The comparison series in the order of `times`.
    public let comparisonOutcomes: [Double]
    /// Coefficients and Driscoll–Kraay covariance of the fit with time centred at T0.
    let centredCoefficients: [Double]
    let centredCovariance: Matrix
    /// The truncation lag used, in periods.
    public let maxLag: Int
    /// Residuals: the comparison series' periods, then the treated series'.
    public let residuals: [Double]
    /// Periods before the interruption.
    public let preCount: Int
    /// Periods from the interruption on.
    public let postCount: Int

    /// `β = A γ`: the raw-time intercepts are `β0 = γ0 − T0 γ1` and `β4 = γ4 − T0 γ5`.
    var reparametrization: Matrix {
        var a = Matrix.identity(8)
        a[0, 1] = -specification.interruption
        a[4, 5] = -specification.interruption
        return a
    }

    /// `[β0, …, β7]` of the model on raw time.
    public var coefficients: [Double] { reparametrization.times(centredCoefficients) }

    /// Driscoll–Kraay covariance of `coefficients` (8 × 8), `A W Aᵀ`.
    public var covariance: Matrix {
        let a = reparametrization
        return Matrix.product(a, Matrix.product(centredCovariance, a.transposed))
    }

    /// Standard errors in coefficient order.
    public var standardErrors: [Double] {
        let v = covariance
        return (0..<8).map { v[$0, $0].squareRoot() }
    }

    /// Covariance label.
    public var covarianceLabel: String {
        "Driscoll–Kraay HAC over periods (Bartlett, L = \(maxLag)"
            + (specification.maxLag == nil ? " by the Newey–West 1994 rule" : "")
            + (specification.smallSampleCorrection ? ", N/(N−K) correction)" : ", no small-sample correction)")
    }

    /// `wᵀβ` with its standard error, evaluated on the centred fit (`Aᵀw`) to avoid cancellation.
    public func linearCombination(_ weights: [Double], label: String) -> InterruptedTimeSeriesResult.Estimate {
        precondition(weights.count == 8, "One weight per coefficient")
        let w = reparametrization.times(weights, transpose: true)
        return .init(
            label: label, weights: w, coefficients: centredCoefficients, covariance: centredCovariance,
            level: specification.level)
    }

    /// The treated series' level change beyond the comparison series', β6.
    public var levelChange: InterruptedTimeSeriesResult.Estimate {
        linearCombination([0, 0, 0, 0, 0, 0, 1, 0], label: "level change vs comparison")
    }
    /// The treated series' slope change beyond the comparison series', β7.
    public var slopeChange: InterruptedTimeSeriesResult.Estimate {
        linearCombination([0, 0, 0, 0, 0, 0, 0, 1], label: "slope change vs comparison")
    }
    /// The pre-interruption difference in slopes (treated − comparison), β5: near zero when the
    /// series trended in parallel before the interruption.
    public var preTrendDifference: InterruptedTimeSeriesResult.Estimate {
        linearCombination([0, 0, 0, 0, 0, 1, 0, 0], label: "pre-trend difference")
    }

    /// The effect `β6 + β7 h` at horizon `h = t − T0`.
    public func effect(atHorizon h: Double) -> InterruptedTimeSeriesResult.Estimate {
        var w = [Double](repeating: 0, count: 8)
        w[6] = 1
        w[7] = h
        return linearCombination(w, label: "effect at h = \(GoodmanBaconDecomposition.periodText(h))")
    }

    /// The effects at the specification's horizons.
    public var horizonEffects: [InterruptedTimeSeriesResult.Estimate] {
        specification.horizons.map { effect(atHorizon: $0) }
    }

    /// The treated series' post periods: fitted, counterfactual (its pre-trend plus the comparison
    /// series' changes, `fitted − β6 − β7 (t − T0)`) and the effect, with standard errors.
    public var projections: [InterruptedTimeSeriesResult.Projection] {
        let t0 = specification.interruption
        return (preCount..<times.count).map { i in
            let t = times[i]
            let h = t - t0
            let counterfactual = linearCombination([1, t, 1, h, 1, t, 0, 0], label: "counterfactual")
            let effect = linearCombination([0, 0, 0, 0, 0, 0, 1, h], label: "effect")
            return .init(
                time: t, observed: outcomes[i], fitted: counterfactual.estimate + effect.estimate,
                counterfactual: counterfactual.estimate, counterfactualStandardError: counterfactual.standardError,
                effect: effect.estimate, effectStandardError: effect.standardError)
        }
    }
}
