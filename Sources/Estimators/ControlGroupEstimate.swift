import Distributions
import LinearAlgebra

/// A treatment effect with its two potential-outcome means, from regression adjustment, IPW or AIPW.
///
/// `effect = POM1 − POM0`, where POMa is the estimated mean of `Y(a)` over the target population
/// (everyone for the ATE, the treated for the ATT). Standard errors come from the stacked moment
/// conditions of the propensity model, the outcome models and the effect (GMM sandwich, HC0), as
/// statsmodels `TreatmentEffectResults` (`effect`, `sd`: the rows ATE/POM0/POM1). Inference uses the
/// normal distribution, as statsmodels' `z`.
public struct ControlGroupEstimate: Sendable {
    /// The estimator.
    public let method: ControlGroupMethod
    /// The target population.
    public let target: ControlGroupEffect
    /// `POM1 − POM0`.
    public let effect: Double
    /// Potential-outcome mean without treatment, `Ê[Y(0)]` over the target population.
    public let controlMean: Double
    /// Potential-outcome mean with treatment, `Ê[Y(1)]` over the target population.
    public let treatedMean: Double
    /// Covariance of `(effect, controlMean)`, the two estimated parameters (statsmodels `params[:2]`).
    public let covariance: Matrix
    /// Number of used rows.
    public let n: Int
    /// Number of treated rows.
    public let treatedCount: Int
    /// Number of control rows.
    public let controlCount: Int
    /// Warnings (extreme propensity scores).
    public let warnings: [String]

    /// Standard error of the effect.
    public var standardError: Double { covariance[0, 0].squareRoot() }
    /// Standard error of POM0.
    public var controlMeanStandardError: Double { covariance[1, 1].squareRoot() }
    /// Standard error of POM1 = effect + POM0: `√(V₀₀ + V₁₁ + 2V₀₁)`.
    public var treatedMeanStandardError: Double {
        (covariance[0, 0] + covariance[1, 1] + 2 * covariance[0, 1]).squareRoot()
    }
    /// `effect / SE`.
    public var zStatistic: Double { effect / standardError }
    /// Two-sided normal p-value of the effect.
    public var pValue: Double { Normal().twoSidedPValue(zStatistic) }
    /// Normal confidence interval `effect ± z₁₋α/₂ SE` for the effect.
    public func confidenceInterval(level: Double = 0.95) -> (lower: Double, upper: Double) {
        precondition(level > 0 && level < 1, "Level must be in (0, 1)")
        let z = Normal().quantile(0.5 + level / 2)
        return (effect - z * standardError, effect + z * standardError)
    }
    /// Label of the covariance, for summaries.
    public var covarianceLabel: String { "Robust (HC0) sandwich of the stacked moment conditions" }
}
