/// The population whose average effect a control-group comparison estimates.
///
/// Matches statsmodels `TreatmentEffect` `effect_group="all"` (ATE) and `effect_group=1` (ATT).
public enum ControlGroupEffect: String, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Average treatment effect over everyone: `E[Y(1) − Y(0)]`.
    case averageTreatmentEffect = "ATE"
    /// Average treatment effect on the treated: `E[Y(1) − Y(0) | D = 1]`.
    case averageTreatmentEffectOnTreated = "ATT"

    public var description: String { rawValue }
}

/// The estimator behind a ``ControlGroupEstimate``.
public enum ControlGroupMethod: String, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Separate OLS outcome regressions per arm, averaged predictions (statsmodels `TreatmentEffect.ra`).
    case regressionAdjustment = "regression adjustment"
    /// Inverse-probability weighting with weights normalized per arm (statsmodels `TreatmentEffect.ipw`).
    case inverseProbabilityWeighting = "IPW (normalized weights)"
    /// Augmented IPW, doubly robust (statsmodels `TreatmentEffect.aipw`).
    case augmentedInverseProbabilityWeighting = "AIPW"

    public var description: String { rawValue }
}
