import Dispatch

/// The cluster (block) bootstrap: each replicate draws G clusters with replacement from the G
/// observed clusters and re-estimates the statistic on the resample.
///
/// The resample is passed to the statistic as cluster weights `w_g` = the number of times cluster
/// g was drawn (Σ w_g = G). For estimators that are sums over observations (OLS, means), weighting
/// a cluster by `w_g` is the same as duplicating it `w_g` times, so the statistic can use
/// per-cluster sufficient statistics instead of rebuilding the data (Cameron, Gelbach & Miller
/// 2008, "Bootstrap-based improvements for inference with clustered errors", §3.1, pairs cluster
/// bootstrap; Davison & Hinkley 1997, §3.8).
///
/// Replicate r uses `RandomStream(seed: seed, stream: r)`, so results are identical for a seed
/// whatever the thread count. Work is spread over `threads` workers (default: all cores). The BLAS
/// thread count is left alone: changing it while other threads run BLAS is unsafe in OpenBLAS, and
/// the k × k solves of a sufficient-statistics replicate are far below OpenBLAS's threading
/// threshold anyway. A statistic that runs large BLAS products per replicate should be run after
/// `BLASThreads.set(1)`, called once, before any parallel work starts.
public enum ClusterBootstrap {
    /// Runs `replicates` cluster-bootstrap replicates of `statistic`.
    ///
    /// - Parameters:
    ///   - clusterCount: G, the number of clusters (≥ 2).
    ///   - statistic: maps cluster weights (length G) to a fixed-length vector of statistics; it
    ///     throws to mark a replicate as failed (e.g. a singular resample).
    ///   - label: the scheme label carried into reports.
    public static func run(
        clusterCount: Int, replicates: Int, seed: UInt64, threads: Int? = nil, label: String = "cluster bootstrap",
        statistic: @Sendable ([Double]) throws -> [Double]
    ) -> BootstrapReplicates {
        precondition(clusterCount >= 2, "A cluster bootstrap needs at least two clusters")
        precondition(replicates >= 1, "At least one replicate is needed")
        let workers = max(1, min(threads ?? ProcessInfoCores.count, replicates))
        // Learn the statistic's length from the original sample (every cluster weight 1).
        let width = (try? statistic([Double](repeating: 1, count: clusterCount)).count) ?? 1
        let store = ReplicateStore(replicates: replicates, width: width)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var r = worker
            while r < replicates {
                let w = weights(forReplicate: r, clusterCount: clusterCount, seed: seed)
                if let values = try? statistic(w), values.count == width, !values.contains(where: \.isNaN) {
                    store.write(row: r, values)
                }
                r += workers
            }
        }
        let values = store.values
        var failed = 0
        for r in 0..<replicates where values[r * width].isNaN { failed += 1 }
        return BootstrapReplicates(
            replicates: replicates, statisticCount: width, values: values, failed: failed, seed: seed, scheme: label)
    }

    /// The cluster weights of replicate `r`: how many times each cluster is drawn in G draws.
    public static func weights(forReplicate r: Int, clusterCount: Int, seed: UInt64) -> [Double] {
        ResamplingPlan.cluster(count: clusterCount).weights(forReplicate: r, seed: seed)
    }
}

/// Row storage shared by the workers. Each replicate row is written by exactly one worker and
/// rows never overlap, so the writes need no lock.
final class ReplicateStore: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Double>
    let width: Int
    let replicates: Int

    init(replicates: Int, width: Int) {
        self.width = width
        self.replicates = replicates
        buffer = .allocate(capacity: replicates * width)
        buffer.initialize(repeating: .nan)
    }

    deinit { buffer.deallocate() }

    func write(row r: Int, _ values: [Double]) {
        for j in 0..<width { buffer[r * width + j] = values[j] }
    }

    var values: [Double] { Array(buffer) }
}

/// The number of cores the process may use.
enum ProcessInfoCores {
    static var count: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
