import DataFrameModule
import Distributions
import Estimators
import Inference

/// Nearest-neighbour matching on the propensity score as an isolation method: the matching ATT with
/// the Abadie–Imbens variance and, on request, the weighted (multiplier) bootstrap of Otsu & Rai.
///
/// Effect: `τ̂ = (1/N₁) Σ_t (Y_t − Ŷ_t(0))` over the matched trained (`ControlGroupComparison.
/// nearestNeighbourMatching`, without bias adjustment). Analytic SE: the population-ATT
/// Abadie–Imbens variance (`MatchingAbadieImbensVariance`, AI 2006, Econometrica 74(1)) with a
/// normal 95 % interval.
///
/// Replicates: the naive pairs bootstrap is invalid for matching with a fixed number of matches
/// (Abadie & Imbens 2008, Econometrica 76(6)), so each unit's linearised contribution ψᵢ is perturbed
/// instead (Otsu & Rai 2017, "Bootstrap inference of matching estimators for average treatment
/// effects", JASA 112(520)):
///
///     τ̂*_r = τ̂ + (1/N₁) Σᵢ V_ri ψᵢ,   ψ_t = Y_t − Ŷ_t(0) − τ̂ (matched treated),
///     ψ_c = −√(k_c² − q_c)·ê_c (used controls),
///
/// with i.i.d. multipliers V_ri of mean 0 and variance 1 (`MultiplierWeights`, Rademacher by
/// default) drawn from `RandomStream(seed, r)` by `MultiplierBootstrap`, so replicate r depends only on
/// (seed, r). Nothing is re-matched, which is what keeps the bootstrap valid. Otsu & Rai perturb the
/// bias-corrected estimator's terms `μ̂₁(X_t) − μ̂₀(X_t) − τ̂ + ε̂_t` and `−(K_M(c)/M)·ε̂_c`; without a
/// regression μ̂₀, the treated term `Y_t − Ŷ_t(0)` already carries each matched control's noise
/// `q_c σ²_c` once, so a control contributes the remaining `k_c² − q_c` (K(K − 1)/M² with a fixed M)
/// of its within-arm residual variance. Then `Var*(τ̂*) = V_population` exactly, and the bootstrap SE
/// tends to the Abadie–Imbens SE as B grows.
public struct IsolationMatching: IsolationMethod {
    /// The data, one row per person.
    public let data: DataFrame
    /// Outcome column.
    public let outcome: String
    /// 0/1 treatment column.
    public let treatment: String
    /// Covariate terms of the propensity model.
    public let covariates: [String]
    /// The matching choices (default 1:1 with replacement, the case the Abadie–Imbens theory covers).
    public let specification: NearestNeighbourMatchingSpecification
    /// J, the within-arm matches for the conditional variances (default 1).
    public let varianceMatches: Int
    /// The bootstrap multipliers (default Rademacher).
    public let multipliers: MultiplierWeights

    /// Matching on the propensity score of `treatment` given `covariates`, for the ATT on `outcome`.
    public init(
        data: DataFrame, outcome: String, treatment: String, covariates: [String],
        specification: NearestNeighbourMatchingSpecification = .init(replacement: true), varianceMatches: Int = 1,
        multipliers: MultiplierWeights = .rademacher
    ) {
        precondition(!covariates.isEmpty, "matching on the propensity score needs at least one covariate")
        precondition(varianceMatches >= 1, "J must be at least 1")
        self.data = data
        self.outcome = outcome
        self.treatment = treatment
        self.covariates = covariates
        self.specification = specification
        self.varianceMatches = varianceMatches
        self.multipliers = multipliers
    }

    public var label: String {
        "control group, \(specification) (ATT; covariates \(covariates.joined(separator: ", ")))"
    }
    public var kpi: String { outcome }
    public var providesReplicates: Bool { true }

    /// Matches, computes the Abadie–Imbens variance and, with `bootstrap`, the Otsu–Rai replicates.
    /// - Throws: `ControlGroupError`, `NearestNeighbourMatchingError` (e.g. no control within the
    ///   caliper), model errors, `IsolationError`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let comparison = try ControlGroupComparison(
            data: data, outcome: outcome, treatment: treatment, covariates: covariates)
        let result = try comparison.nearestNeighbourMatching(specification)
        let variance =
            varianceMatches == 1
            ? result.abadieImbens : try comparison.abadieImbensVariance(result, neighbours: varianceMatches)
        var notes = result.warnings
        if !specification.replacement {
            notes.append(
                "Matching without replacement: the Abadie–Imbens variance is taken given the greedy matches; "
                    + "its theory covers matching with replacement.")
        }
        guard let bootstrap else {
            let interval = Self.normalInterval(result.effect, variance.populationStandardError, level: 0.95)
            return IsolationEstimate(
                method: label, kpi: kpi, effect: result.effect, standardError: variance.populationStandardError,
                lower: interval.lower, upper: interval.upper, level: 0.95, inference: variance.label(), notes: notes)
        }
        let replicates = Self.weightedBootstrap(
            variance, effect: result.effect, replicates: bootstrap.replicates, seed: bootstrap.seed, weights: multipliers,
            threads: bootstrap.threads)
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: result.effect, replicates: replicates, level: bootstrap.level,
            notes: notes)
    }

    /// The Otsu–Rai replicates `τ̂ + (1/N₁) Σᵢ V_ri ψᵢ` (τ̂ = `effect`, the matching result's ATT).
    static func weightedBootstrap(
        _ variance: MatchingAbadieImbensVariance, effect: Double, replicates: Int, seed: UInt64, weights: MultiplierWeights,
        threads: Int?
    ) -> BootstrapReplicates {
        // One multiplier per used row, in row order (rows outside the matched sample have ψ = 0 and
        // add nothing). MultiplierBootstrap scales by 1/n; rescale ψ so the step is 1/N₁.
        let n = variance.contributions.count
        let scale = Double(n) / Double(variance.matchedTreatedCount)
        let draws = MultiplierBootstrap.run(
            columns: [variance.contributions.map { $0 * scale }], replicates: replicates, seed: seed,
            weights: weights, threads: threads)
        let values = draws.values.map { effect + $0 }
        return BootstrapReplicates(
            replicates: replicates, statisticCount: 1, values: values, failed: 0, seed: seed,
            scheme: "Otsu–Rai weighted bootstrap (\(weights.label), n = \(n))")
    }

    /// `effect ± z₁₋α/₂·SE`.
    static func normalInterval(_ effect: Double, _ standardError: Double, level: Double) -> (lower: Double, upper: Double) {
        let z = Normal().quantile(0.5 + level / 2)
        return (effect - z * standardError, effect + z * standardError)
    }
}
