/// A point estimate with its standard error, as a refutation check re-estimates it.
public struct RefutationEstimate: Sendable, Equatable {
    /// The summary effect (e.g. the simple ATT).
    public let estimate: Double
    /// Its standard error; `nil` when the estimator gives none (checks that need it then read as failed).
    public let standardError: Double?

    /// An estimate and its standard error.
    public init(estimate: Double, standardError: Double?) {
        self.estimate = estimate
        self.standardError = standardError
    }
}

/// The estimator a refutation battery re-runs on altered panels: any map from a `StaggeredPanel`
/// to one summary effect with its standard error.
///
/// The battery only needs that map, so Callaway–Sant'Anna (the default: fast, no regression), an
/// imputation or a Sun–Abraham estimator can be plugged in alike. The closure must be a pure
/// function of the panel (it is called concurrently from several threads by randomization
/// inference) and throws to signal a panel it cannot estimate on.
public struct RefutationEstimator: Sendable {
    /// The label printed in explanations, e.g. `Callaway–Sant'Anna simple ATT (control: never treated; …)`.
    public let label: String
    /// Estimates the summary effect on a panel.
    public let estimate: @Sendable (StaggeredPanel) throws -> RefutationEstimate

    /// An estimator from a closure.
    public init(label: String, estimate: @escaping @Sendable (StaggeredPanel) throws -> RefutationEstimate) {
        self.label = label
        self.estimate = estimate
    }

    /// Callaway & Sant'Anna (2021) simple ATT: post-treatment ATT(g,t) weighted by cohort size,
    /// with its analytic influence-function SE (R `did::aggte(type = "simple", bstrap = FALSE)`;
    /// see `CallawaySantAnnaResult.aggregate(_:)`), clustered as the panel is.
    public static func callawaySantAnna(
        _ specification: CallawaySantAnnaSpecification = .init()
    ) -> RefutationEstimator {
        RefutationEstimator(label: "Callaway–Sant'Anna simple ATT (\(specification.summary))") { panel in
            let simple = try CallawaySantAnna.estimate(panel, specification: specification).aggregate(.simple)
            return RefutationEstimate(estimate: simple.overall, standardError: simple.overallStandardError)
        }
    }
}
