import Dispatch
import Foundation
import Inference

/// Randomization inference on the cohort assignment.
extension RefutationBattery {
    /// Randomization (permutation) inference: the estimate's place among estimates with the
    /// cohorts reshuffled.
    ///
    /// Permutation r reassigns the observed cohort labels (never treated included) at random across
    /// units, or across clusters when `randomization == .clusters` (each cluster keeps its units,
    /// the cluster-level cohort labels are shuffled), so the number of units (clusters) per cohort
    /// is kept; T*_r is the estimator's estimate on the reshuffled panel and T the observed one.
    ///
    ///     p = (1 + #{r : |T*_r| ≥ |T|}) / (1 + R)
    ///
    /// counting the observed assignment as one draw (Fisher 1935; Imbens & Rubin 2015, ch. 5;
    /// MacKinnon & Webb 2020, "Randomization inference for difference-in-differences with few
    /// treated clusters", J. Econometrics 218(2); Stata `ritest`). It tests the sharp null of no
    /// effect for anyone; the check passes when p < α, i.e. when the estimate is larger than
    /// reshuffled assignments produce. Permutation r draws a Fisher–Yates shuffle from
    /// `RandomStream(seed: seed, stream: r)` and the permutations are spread over `threads`
    /// workers, so the T*_r and p are identical bit for bit on any thread count. Permutations the
    /// estimator cannot estimate are left out of R (and reported).
    /// - Throws: `RefutationError` (no cluster variable, cohort varying within a cluster, every
    ///   permutation failed); the estimator's errors on the observed panel.
    public func randomizationInference(_ panel: StaggeredPanel) throws -> RefutationCheck {
        try randomizationInference(panel, observed: estimator.estimate(panel).estimate)
    }

    /// Randomization inference given the observed estimate T.
    func randomizationInference(_ panel: StaggeredPanel, observed: Double) throws -> RefutationCheck {
        let assigner = try PermutationAssigner(panel, by: randomization)
        let draws = permutationStatistics(panel, assigner: assigner)
        let valid = draws.filter { !$0.isNaN }
        guard !valid.isEmpty else { throw RefutationError.allPermutationsFailed(permutations: permutations) }
        // Exact comparison: a permutation that reproduces the observed assignment reproduces T bit for bit.
        let extreme = valid.filter { abs($0) >= abs(observed) }.count
        let p = Double(1 + extreme) / Double(1 + valid.count)
        let passed = p < alpha
        let failed = draws.count - valid.count
        let sorted = valid.sorted()
        // The central level range of the permutation distribution (type-1 empirical quantiles).
        let lowIndex = max(0, Int((Double(sorted.count) * alpha / 2).rounded(.up)) - 1)
        let highIndex = min(sorted.count - 1, Int((Double(sorted.count) * (1 - alpha / 2)).rounded(.up)) - 1)
        var explanation =
            "Over \(valid.count) random reassignments of the cohorts across \(randomization.rawValue) (seed \(seed)), "
            + (passed
                ? "\(extreme) gave an estimate at least as large in absolute value: the effect is unlikely to be an "
                    + "artefact of who was trained."
                : "\(extreme) gave an estimate at least as large in absolute value: an effect this size arises "
                    + "from random assignment alone, so the sharp null of no effect is not rejected at \(levelText).")
        if failed > 0 { explanation += " \(failed) permutation(s) could not be estimated and were left out." }
        return RefutationCheck(
            kind: .randomizationInference, statistic: observed, statisticLabel: "observed estimate", pValue: p,
            interval: sorted[lowIndex]...sorted[highIndex], passed: passed, explanation: explanation,
            permutationStatistics: draws)
    }

    /// T*_r for r = 0..<R (NaN where the estimator threw), computed in parallel.
    func permutationStatistics(_ panel: StaggeredPanel, assigner: PermutationAssigner) -> [Double] {
        let count = permutations
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let store = PermutationStore(count: count)
        let estimator = self.estimator
        let seed = self.seed
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var r = worker
            while r < count {
                var stream = RandomStream(seed: seed, stream: UInt64(r))
                let permuted = StaggeredPanel(reassigning: panel, cohorts: assigner.shuffled(using: &stream))
                if let value = try? estimator.estimate(permuted), value.estimate.isFinite {
                    store.write(r, value.estimate)
                }
                r += workers
            }
        }
        return store.values
    }
}

/// Draws reshuffled cohort assignments, by unit or by cluster.
struct PermutationAssigner: Sendable {
    /// The labels shuffled: one per unit, or one per cluster.
    let labels: [Double?]
    /// Cluster of each unit when shuffling clusters; `nil` when shuffling units.
    let clusterOfUnit: [Int]?

    init(_ panel: StaggeredPanel, by unit: RefutationBattery.RandomizationUnit) throws {
        switch unit {
        case .units:
            labels = panel.cohorts
            clusterOfUnit = nil
        case .clusters:
            guard let clusters = panel.clusterOfUnit else { throw RefutationError.noClusterVariable }
            var cohortOfCluster = [Double??](repeating: nil, count: panel.clusterCount)
            for (i, c) in clusters.enumerated() {
                if let seen = cohortOfCluster[c] {
                    if seen != panel.cohorts[i] { throw RefutationError.cohortVariesWithinCluster(cluster: c) }
                } else {
                    cohortOfCluster[c] = .some(panel.cohorts[i])
                }
            }
            labels = cohortOfCluster.map { $0! }
            clusterOfUnit = clusters
        }
    }

    /// One uniformly random permutation of the labels (Fisher–Yates, Knuth 1997 §3.4.2 Algorithm P),
    /// mapped to units.
    func shuffled(using stream: inout RandomStream) -> [Double?] {
        var permuted = labels
        var i = permuted.count - 1
        while i > 0 {
            permuted.swapAt(i, stream.nextInt(below: i + 1))
            i -= 1
        }
        guard let clusterOfUnit else { return permuted }
        return clusterOfUnit.map { permuted[$0] }
    }
}

/// Per-permutation storage shared by the workers: each slot is written by exactly one worker and
/// slots never overlap, so the writes need no lock.
final class PermutationStore: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: .nan)
    }

    deinit { buffer.deallocate() }

    func write(_ index: Int, _ value: Double) { buffer[index] = value }

    var values: [Double] { Array(buffer) }
}
