import Distributions
import Foundation

/// Level 2 (learning): paired pre/post assessment scores, the mean change, Cohen's d_z and the
/// paired t test.
///
/// With dᵢ = postᵢ − preᵢ over the n complete pairs:
///
///     mean change  d̄ = Σ dᵢ / n
///     s_d          = √(Σ (dᵢ − d̄)² / (n − 1))
///     d_z          = d̄ / s_d                       (Cohen 1988, §2.3; Lakens 2013, eq. 5)
///     t            = d̄ / (s_d / √n),  df = n − 1,  p = 2·P(T_df > |t|)
///
/// matching R `t.test(post, pre, paired = TRUE)`. Pairs with a missing score (NaN) are left out
/// and counted in `incompletePairs`.
public struct LearningSummary: Sendable, Equatable, Codable {
    public let pairs: Int
    public let incompletePairs: Int
    public let meanPre: Double
    public let meanPost: Double
    public let meanChange: Double
    public let standardDeviationOfChange: Double
    public let cohenDz: Double
    public let tStatistic: Double
    public let degreesOfFreedom: Double
    public let pValue: Double

    /// The summary of paired scores, `pre[i]` and `post[i]` from the same participant.
    /// - Throws: `ImpactLevelError.unpairedScores`, `.tooFewObservations` (fewer than 2 pairs),
    ///   `.constantChange`.
    public init(pre: [Double], post: [Double]) throws {
        guard pre.count == post.count else { throw ImpactLevelError.unpairedScores(pre: pre.count, post: post.count) }
        let complete = zip(pre, post).filter { $0.0.isFinite && $0.1.isFinite }
        let n = complete.count
        guard n >= 2 else { throw ImpactLevelError.tooFewObservations(measure: "assessment (pairs)", count: n, minimum: 2) }
        let count = Double(n)
        let changes = complete.map { $0.1 - $0.0 }
        let mean = changes.reduce(0, +) / count
        let variance = changes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        guard variance > 0 else { throw ImpactLevelError.constantChange(change: mean) }
        let sd = variance.squareRoot()
        pairs = n
        incompletePairs = pre.count - n
        meanPre = complete.reduce(0) { $0 + $1.0 } / count
        meanPost = complete.reduce(0) { $0 + $1.1 } / count
        meanChange = mean
        standardDeviationOfChange = sd
        cohenDz = mean / sd
        tStatistic = mean / (sd / count.squareRoot())
        degreesOfFreedom = count - 1
        pValue = StudentT(degreesOfFreedom: count - 1).twoSidedPValue(tStatistic)
    }
}
