import Distributions
import Inference

/// The ATT from nearest-neighbour matching on the propensity score, with its matched sets, matching
/// weights, counts, standard error and covariate balance before and after matching.
///
/// `ATT = Σ wᵢDᵢyᵢ/Σ wᵢDᵢ − Σ wᵢ(1 − Dᵢ)yᵢ/Σ wᵢ(1 − Dᵢ)` over the matched units with MatchIt's matching
/// weights, i.e. the mean over matched treated units of `yᵢ − (1/kᵢ)Σ_{j ∈ Mᵢ} yⱼ`. It equals the slope
/// of the weighted regression `y ~ 1 + D` on the matched sample, whose covariance ``outcomeFit``
/// carries (see ``ControlGroupComparison/nearestNeighbourMatching(_:)`` for the choice).
/// Inference uses the normal distribution, as MatchIt's recommended `marginaleffects` workflow.
public struct NearestNeighbourMatchingResult: Sendable {
    /// The matching choices.
    public let specification: NearestNeighbourMatchingSpecification
    /// Distance value per used row (score or linear score).
    public let distance: [Double]
    /// Sample SD (`n − 1`) of ``distance`` over all used rows: the caliper's unit.
    public let distanceStandardDeviation: Double
    /// Caliper width on the distance scale (`caliper × SD`), `nil` without a caliper.
    public let caliperWidth: Double?
    /// Matched sets, in ascending treated row.
    public let matchedSets: [MatchedSet]
    /// Matching weight per used row (0 for unmatched units); see ``NearestNeighbourMatcher`` for the rule.
    public let weights: [Double]
    /// Used-row indices of treated units left out for want of a control.
    public let unmatchedTreatedRows: [Int]
    /// Of ``unmatchedTreatedRows``, how many had no control at all within the caliper (the others had
    /// one, but it was taken by earlier treated units, matching without replacement).
    public let unmatchedOutsideCaliper: Int
    /// Treated rows before matching.
    public let treatedCount: Int
    /// Control rows before matching.
    public let controlCount: Int
    /// Weighted mean outcome of the matched treated.
    public let treatedMean: Double
    /// Weighted mean outcome of the matched controls (the counterfactual mean for the matched treated).
    public let controlMean: Double
    /// `treatedMean − controlMean`, the ATT over the matched treated.
    public let effect: Double
    /// Weighted regression `y ~ 1 + D` on the matched units; its covariance gives the SE.
    public let outcomeFit: RegressionFit
    /// The Abadie–Imbens (2006) variance of ``effect`` with J = 1 within-arm matches, which accounts for
    /// the reuse of controls (see ``MatchingAbadieImbensVariance``; other J by
    /// ``ControlGroupComparison/abadieImbensVariance(_:neighbours:)``).
    public let abadieImbens: MatchingAbadieImbensVariance
    /// Covariate balance before matching and with the matching weights.
    public let balance: BalanceTable
    /// Warnings (treated units dropped, fewer than `k` controls).
    public let warnings: [String]

    /// Treated units with at least one control.
    public var matchedTreatedCount: Int { matchedSets.count }
    /// Treated units dropped from the estimate.
    public var unmatchedTreatedCount: Int { unmatchedTreatedRows.count }
    /// Distinct controls used at least once.
    public var matchedControlCount: Int { Set(matchedSets.flatMap(\.controlRows)).count }
    /// Treated units that received fewer than `ratio` controls (but at least one).
    public var partiallyMatchedCount: Int {
        matchedSets.filter { $0.controlRows.count < specification.ratio }.count
    }
    /// Standard error of the ATT (the `D` slope of ``outcomeFit``): by matched set without replacement
    /// (Abadie & Spiess 2022), HC1 with the matching weights held fixed with replacement. With
    /// replacement, ``abadieImbens`` is the variance that accounts for the reuse of controls.
    public var standardError: Double { outcomeFit.standardErrors[1] }
    /// Label of the covariance, for summaries.
    public var covarianceLabel: String { outcomeFit.covarianceLabel }
    /// `effect / SE`.
    public var zStatistic: Double { effect / standardError }
    /// Two-sided normal p-value.
    public var pValue: Double { Normal().twoSidedPValue(zStatistic) }
    /// Normal interval `effect ± z₁₋α/₂ SE`.
    public func confidenceInterval(level: Double = 0.95) -> (lower: Double, upper: Double) {
        precondition(level > 0 && level < 1, "Level must be in (0, 1)")
        let z = Normal().quantile(0.5 + level / 2)
        return (effect - z * standardError, effect + z * standardError)
    }
}
