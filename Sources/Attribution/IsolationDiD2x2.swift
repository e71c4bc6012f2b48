import DataFrameModule
import Estimators
import Inference

/// The 2×2 difference-in-differences design (`DiD2x2`) as an isolation method.
///
/// Effect: the interaction coefficient of `y ~ treated + post + treated:post`, which in this
/// saturated model is exactly the difference of the four cell means
///
///     δ̂ = (ȳ_T,post − ȳ_T,pre) − (ȳ_C,post − ȳ_C,pre)
///
/// (Angrist & Pischke 2009, §5.2). Analytic interval: the estimator's (cluster-robust by default).
/// Bootstrap: pairs cluster bootstrap (Cameron, Gelbach & Miller 2008) over the estimator's cluster
/// variable; a replicate with cluster frequencies f_g recomputes the four cell means weighted by
/// f_g, which is the refit on the resampled rows without refitting. A replicate that loses a cell
/// fails and is counted.
public struct IsolationDiD2x2: IsolationMethod {
    /// The 2×2 specification.
    public let specification: DiD2x2Specification
    /// The long data (one row per unit and period).
    public let data: DataFrame

    /// The 2×2 design on `data`.
    public init(specification: DiD2x2Specification, data: DataFrame) {
        self.specification = specification
        self.data = data
    }

    public var label: String { "difference-in-differences 2×2 (\(specification.treatedGroup), \(specification.post))" }
    public var kpi: String { specification.outcome }
    public var providesReplicates: Bool { true }

    /// Fits the 2×2 design and, with `bootstrap`, resamples its clusters.
    /// - Throws: `EstimationError` from `DiD2x2.estimate`, `IsolationError.bootstrapFailed`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let result = try DiD2x2.estimate(specification, data: data)
        guard let bootstrap else {
            return IsolationEstimate(
                method: label, kpi: kpi, effect: result.effect, standardError: result.standardError,
                lower: result.confidenceInterval.lower, upper: result.confidenceInterval.upper,
                level: specification.level, inference: result.regression.covarianceLabel, notes: result.allWarnings)
        }
        // Design columns: intercept, treated, post, treated:post (DiD2x2's formula order).
        let treated = result.design.x.column(1)
        let post = result.design.x.column(2)
        let y = result.design.y
        let codes = result.clusters.codes.map(Int.init)
        let replicates = Bootstrap.run(
            plan: .cluster(count: result.clusters.count), replicates: bootstrap.replicates, seed: bootstrap.seed,
            threads: bootstrap.threads
        ) { weights in
            [try Self.cellMeansEffect(y: y, treated: treated, post: post, rowWeights: codes.map { weights[$0] })]
        }
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: result.effect, replicates: replicates, level: bootstrap.level,
            notes: result.allWarnings)
    }

    /// The weighted 2×2 contrast of cell means; throws when a cell has no weight.
    static func cellMeansEffect(y: [Double], treated: [Double], post: [Double], rowWeights: [Double]) throws -> Double {
        var sums = [Double](repeating: 0, count: 4)
        var weights = [Double](repeating: 0, count: 4)
        for i in y.indices where rowWeights[i] > 0 {
            let cell = (treated[i] == 1 ? 2 : 0) + (post[i] == 1 ? 1 : 0)
            sums[cell] += rowWeights[i] * y[i]
            weights[cell] += rowWeights[i]
        }
        guard !weights.contains(0) else { throw IsolationError.bootstrapFailed(method: "2×2 cell", failed: 1, of: 1) }
        let mean = (0..<4).map { sums[$0] / weights[$0] }
        return (mean[3] - mean[2]) - (mean[1] - mean[0])
    }
}
