import DataFrameModule
import Estimators
import Foundation
import Inference
import LinearAlgebra
import ModelSpec

/// A bootstrap of a linear regression's coefficients: resample rows (pairs) or whole clusters,
/// optionally within strata, refit each replicate, and form intervals of the chosen kinds.
///
/// Stata: `bootstrap, reps(B) seed(s) [cluster(c) strata(s)]: regress y x …`; R:
/// `boot(data, function(d, i) coef(lm(f, d[i, ])), R = B, strata =)`. The resample is drawn from
/// the estimation sample (rows with every model, weight, cluster and stratum column present), so
/// every replicate has as many rows (pairs) or clusters as the original. Replicate r draws from
/// `RandomStream(seed, r)` (`ResamplingPlan`), so the replicates are identical for a seed on any
/// number of threads. A replicate whose refit fails, or whose design differs from the original's
/// (a level of a categorical regressor absent from the resample, a column collinear in it), is
/// counted with its reason and left out of the intervals, never dropped silently. A cluster drawn
/// more than once counts as distinct clusters, with its own units and absorbed fixed effects where
/// those are nested in the cluster (Stata's `idcluster()`), in the refit and in the replicate's own
/// covariance, which the studentized interval uses. Sources: Efron & Tibshirani (1993) ch. 9;
/// Davison & Hinkley (1997) §6.2; Cameron, Gelbach & Miller (2008) for the cluster bootstrap.
public struct RegressionBootstrap: Sendable, Equatable {
    /// The regression formula (`y ~ x1 + x2`).
    public let formula: String
    /// The covariance of each fit (the studentized interval uses each replicate's own).
    public let covariance: CovarianceType
    /// Weight column for WLS, if any.
    public let weights: String?
    /// Number of replicates B.
    public let replicates: Int
    /// The seed of the resampling streams.
    public let seed: UInt64
    /// Resample whole clusters of this column (otherwise rows).
    public let cluster: String?
    /// Resample within the strata of this column (constant within clusters when clustered).
    public let strata: String?
    /// Confidence level of the intervals, in (0, 1).
    public let level: Double
    /// The interval kinds to form, in print order.
    public let methods: [BootstrapIntervalMethod]

    /// A bootstrap specification (programmer errors trap: B ≥ 2, level in (0, 1), a method).
    public init(
        formula: String, covariance: CovarianceType = .classical, weights: String? = nil, replicates: Int, seed: UInt64,
        cluster: String? = nil, strata: String? = nil, level: Double = 0.95, methods: [BootstrapIntervalMethod] = [.percentile]
    ) {
        precondition(replicates >= 2, "a bootstrap needs at least two replicates")
        precondition(level > 0 && level < 1, "level must be in (0, 1)")
        precondition(!methods.isEmpty, "choose at least one interval kind")
        self.formula = formula
        self.covariance = covariance
        self.weights = weights
        self.replicates = replicates
        self.seed = seed
        self.cluster = cluster
        self.strata = strata
        self.level = level
        self.methods = methods
    }

    /// Runs the bootstrap on `frame`.
    ///
    /// - Parameters:
    ///   - threads: bootstrap workers (default: all cores); the result does not depend on it.
    ///   - progress: called with (stage, done, total) as replicates finish, from worker threads.
    /// - Throws: the formula's and the original fit's errors, `SessionAnalysisError.tooFewClusters`,
    ///   `.clusterSpansStrata`, `DataError.unknownColumn`.
    public func run(
        on frame: DataFrame, threads: Int? = nil, progress: (@Sendable (String, Int, Int) -> Void)? = nil
    ) throws -> RegressionBootstrapResult {
        let sample = try RegressionBootstrapSample(specification: self, frame: frame)
        let plan = sample.plan
        // One BLAS thread per worker: the workers already occupy the cores, and OpenBLAS must not
        // rebuild its pool while they run (see `BLASThreads`).
        BLASThreads.set(1)
        let tally = ReplicateTally(total: replicates + 1, stage: "bootstrap", progress: progress)
        let draws = Bootstrap.run(plan: plan, replicates: replicates, seed: seed, threads: threads) { weights in
            do {
                let values = try sample.statistics(unitWeights: weights)
                tally.finished(failure: nil)
                return values
            } catch {
                tally.finished(failure: ReplicateTally.reason(error))
                throw error
            }
        }
        var jackknife: [[Double]]?
        var jackknifeLabel: String?
        if methods.contains(.bca) {
            if let exact = sample.deletionJackknife() {
                jackknife = exact
                jackknifeLabel = "\(exact.count) leave-one-row-out estimates (exact deletion formula)"
            } else {
                jackknife = sample.jackknife(threads: threads, progress: progress)
                let unit = cluster == nil ? "row" : "cluster"
                jackknifeLabel = "\(sample.unitRows.count) leave-one-\(unit)-out refits"
            }
        }
        return RegressionBootstrapResult(
            specification: self, sample: sample, replicates: draws, failureReasons: tally.reasons, jackknife: jackknife,
            jackknifeLabel: jackknifeLabel)
    }
}

/// Counts finished replicates for progress and the reasons of the failed ones; safe across threads.
final class ReplicateTally: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var counts: [String: Int] = [:]
    private let total: Int
    private let stage: String
    private let progress: (@Sendable (String, Int, Int) -> Void)?

    init(total: Int, stage: String, progress: (@Sendable (String, Int, Int) -> Void)?) {
        self.total = total
        self.stage = stage
        self.progress = progress
    }

    /// Records one finished replicate (and its failure reason); reports progress about 100 times.
    func finished(failure: String?) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if let failure { counts[failure, default: 0] += 1 }
        // Under the lock, so progress lines never interleave.
        if let progress, done == total || done % max(1, total / 100) == 0 { progress(stage, done, total) }
    }

    /// Failure reasons with their counts, most frequent first (ties by text, so the order is fixed).
    var reasons: [RegressionBootstrapResult.FailureReason] {
        lock.lock()
        defer { lock.unlock() }
        return counts.map { RegressionBootstrapResult.FailureReason(reason: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
    }

    /// The text of a replicate's error, on one line.
    static func reason(_ error: any Error) -> String {
        "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
