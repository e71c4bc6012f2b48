import Dispatch
import LinearAlgebra

/// The multiplier bootstrap of asymptotically linear estimators from their influence functions.
///
/// For K estimators θ̂_k with influence functions ψ_k over n units (θ̂ − θ ≈ (1/n) Σᵢ ψᵢ), replicate
/// b draws one multiplier V_bc per cluster c (per unit when unclustered) and records
///
///     Δ_bk = (1/n) Σ_c V_bc · S_ck,    S_ck = Σ_{i∈c} ψ_ik,
///
/// the bootstrap draw of θ̂*_k − θ̂_k; its variance over V is Σ_c S_ck²/n², the clustered analytic
/// variance. This is R `did`'s `mboot` (Callaway & Sant'Anna 2021, J. Econometrics 225(2), §4.1
/// and Remark 10: cluster *sums* of the influence function, as `did` ≥ 2.1 and Python `csdid`
/// 0.4.3 `utils/mboot.py` use) with the replicate stored on the estimate's scale: did's
/// `bres = √G·(1/G)Σ_c V_c S_c` is Δ·n/√G, and its `se = IQR(bres)/(z.75 − z.25)·√G/n` is exactly
/// the IQR rule applied to Δ, so standard errors and sup-t critical values are identical.
/// Multiplier bootstraps do not re-estimate anything, so they stay cheap with many cells
/// (Kline & Santos 2012; Belloni, Chernozhukov, Fernández-Val & Hansen 2017 for uniform bands).
///
/// Replicate r draws from `RandomStream(seed: seed, stream: r)`, so results are identical bit for
/// bit on any number of threads. Each replicate's sums run in a fixed order by one worker.
public enum MultiplierBootstrap {
    /// Runs `replicates` multiplier-bootstrap replicates over an n × K influence-function matrix.
    ///
    /// - Parameters:
    ///   - influence: n × K, column k the influence function ψ_k of estimate k over the n units
    ///     (scaled so that the analytic SE is sqrt(Σᵢ ψᵢ²)/n, as R `did` scales it).
    ///   - clusters: dense cluster code (0..<G) of each unit; `nil` draws one weight per unit.
    ///   - replicates: B (default 999).
    ///   - seed: the seed the replicate streams derive from.
    ///   - weights: the multiplier distribution (default Rademacher, as R `did` and `csdid`).
    ///   - threads: workers (default: all cores); results do not depend on it.
    public static func run(
        influence: Matrix, clusters: [Int]? = nil, replicates: Int = 999, seed: UInt64,
        weights: MultiplierWeights = .rademacher, threads: Int? = nil
    ) -> MultiplierBootstrapDraws {
        let n = influence.rows
        let width = influence.columns
        precondition(n >= 1 && width >= 1, "the influence matrix needs at least one unit and one column")
        precondition(replicates >= 1, "At least one replicate is needed")
        let (sums, clusterCount) = clusterSums(influence, clusters: clusters)
        let workers = max(1, min(threads ?? ProcessInfoCores.count, replicates))
        let store = ReplicateStore(replicates: replicates, width: width)
        let scale = 1 / Double(n)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var multipliers = [Double](repeating: 0, count: clusterCount)
            var row = [Double](repeating: 0, count: width)
            var r = worker
            while r < replicates {
                var stream = RandomStream(seed: seed, stream: UInt64(r))
                multipliers.withUnsafeMutableBufferPointer { weights.fill($0, from: &stream) }
                accumulate(sums, multipliers: multipliers, width: width, into: &row)
                for k in 0..<width { row[k] *= scale }
                store.write(row: r, row)
                r += workers
            }
        }
        let analytic = (0..<width).map { k in
            var total = 0.0
            for c in 0..<clusterCount { total += sums[c * width + k] * sums[c * width + k] }
            return total.squareRoot() / Double(n)
        }
        return MultiplierBootstrapDraws(
            replicates: replicates, statisticCount: width, values: store.values, unitCount: n,
            clusterCount: clusterCount, seed: seed, weights: weights, analyticStandardErrors: analytic)
    }

    /// The same bootstrap with the influence functions given as K columns of length n
    /// (the `[estimate][unit]` layout of `CallawaySantAnnaResult.influence`).
    public static func run(
        columns: [[Double]], clusters: [Int]? = nil, replicates: Int = 999, seed: UInt64,
        weights: MultiplierWeights = .rademacher, threads: Int? = nil
    ) -> MultiplierBootstrapDraws {
        precondition(!columns.isEmpty, "at least one influence function is needed")
        let n = columns[0].count
        precondition(columns.allSatisfy { $0.count == n }, "every influence function needs one value per unit")
        return run(
            influence: Matrix(columnArrays: columns), clusters: clusters, replicates: replicates, seed: seed,
            weights: weights, threads: threads)
    }

    /// The multipliers of replicate `r`, one per cluster (or unit): the draws `run` applies.
    public static func multipliers(
        forReplicate r: Int, count: Int, seed: UInt64, weights: MultiplierWeights = .rademacher
    ) -> [Double] {
        var stream = RandomStream(seed: seed, stream: UInt64(r))
        return weights.draws(count, from: &stream)
    }

    /// Cluster sums S (G × K, row-major) and G; with no clusters, S is ψ itself (G = n).
    static func clusterSums(_ influence: Matrix, clusters: [Int]?) -> (sums: [Double], count: Int) {
        let n = influence.rows
        let width = influence.columns
        let count: Int
        if let clusters {
            precondition(clusters.count == n, "one cluster code per unit")
            precondition(clusters.allSatisfy { $0 >= 0 }, "cluster codes must be non-negative")
            count = (clusters.max() ?? -1) + 1
        } else {
            count = n
        }
        var sums = [Double](repeating: 0, count: count * width)
        for k in 0..<width {
            for i in 0..<n {
                let c = clusters?[i] ?? i
                sums[c * width + k] += influence.elements[k * n + i]
            }
        }
        return (sums, count)
    }

    /// row_k = Σ_c V_c S_ck, summed over c in order (a fixed order keeps results bit-identical).
    static func accumulate(_ sums: [Double], multipliers: [Double], width: Int, into row: inout [Double]) {
        for k in 0..<width { row[k] = 0 }
        sums.withUnsafeBufferPointer { s in
            multipliers.withUnsafeBufferPointer { v in
                row.withUnsafeMutableBufferPointer { out in
                    for c in 0..<v.count {
                        let weight = v[c]
                        let base = c * width
                        for k in 0..<width { out[k] += weight * s[base + k] }
                    }
                }
            }
        }
    }
}
