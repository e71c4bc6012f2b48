import Inference

/// Running the replicates of the fast fixed-effects cluster bootstrap.
extension ClusterBootstrapFixedEffects {
    /// `replicates` pairs-cluster-bootstrap replicates of the formula's regressors' coefficients
    /// (row r holds the first `regressorCount` entries of `β*_r`, in `columnNames` order; the
    /// dummies of crossed effects are nuisance parameters, absorbed in the refit they reproduce).
    ///
    /// Replicate r draws its clusters from `RandomStream(seed, r)` through
    /// `ResamplingPlan.cluster(count: G)`, the same draws as `ClusterBootstrap` and `Bootstrap.run`
    /// with that plan, so results are bit-identical on any thread count; work is spread over
    /// `threads` workers (default: all cores). Singular replicates are kept as NaN rows and counted
    /// in `failed`.
    public func run(replicates: Int, seed: UInt64, threads: Int? = nil) -> BootstrapReplicates {
        let count = regressorCount
        return run(replicates: replicates, seed: seed, threads: threads) { coefficients, _ in
            Array(coefficients[0..<count])
        }
    }

    /// `replicates` replicates of `statistic(β*, f)`, a function of a replicate's coefficients
    /// `β*` (in `columnNames` order; NaN for a dummy whose level the resample lacks, see
    /// `coefficients(clusterWeights:)`) and its cluster frequencies `f` (e.g. to rescale a population
    /// by the clusters drawn): the way to carry each replicate through a chain such as effect →
    /// benefits → ROI so that every interval comes from the same replicates.
    ///
    /// - Parameter statistic: returns a fixed-length vector; it throws (or returns NaN) to mark a
    ///   replicate as failed, which is counted, never dropped silently.
    public func run(
        replicates: Int, seed: UInt64, threads: Int? = nil,
        statistic: @Sendable (_ coefficients: [Double], _ clusterWeights: [Double]) throws -> [Double]
    ) -> BootstrapReplicates {
        let model = self
        let result = Bootstrap.run(
            plan: .cluster(count: clusterCount), replicates: replicates, seed: seed, threads: threads
        ) { weights in
            try statistic(model.coefficients(clusterWeights: weights), weights)
        }
        return BootstrapReplicates(
            replicates: result.replicates, statisticCount: result.statisticCount, values: result.values,
            failed: result.failed, seed: seed, scheme: label)
    }
}
