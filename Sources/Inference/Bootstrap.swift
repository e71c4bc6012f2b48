import Foundation

/// A seeded, parallel bootstrap over any `ResamplingPlan`, and the intervals of its replicates.
///
/// The statistic receives a replicate's frequency weights over the plan's units (length
/// `plan.unitCount`; all ones for the original sample) and returns a fixed-length vector; it throws
/// to mark a replicate as failed, which is counted, never dropped silently. Replicates are dealt to
/// `threads` workers round-robin; each draws from its own stream, so the replicates are identical
/// bit for bit on any number of threads.
public enum Bootstrap {
    /// Runs `replicates` replicates of `statistic` under `plan`.
    public static func run(
        plan: ResamplingPlan, replicates: Int, seed: UInt64, threads: Int? = nil,
        statistic: @Sendable ([Double]) throws -> [Double]
    ) -> BootstrapReplicates {
        plan.validate()
        precondition(replicates >= 1, "At least one replicate is needed")
        let workers = max(1, min(threads ?? ProcessInfoCores.count, replicates))
        let width = (try? statistic([Double](repeating: 1, count: plan.unitCount)).count) ?? 1
        let store = ReplicateStore(replicates: replicates, width: width)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var r = worker
            while r < replicates {
                let w = plan.weights(forReplicate: r, seed: seed)
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
            replicates: replicates, statisticCount: width, values: values, failed: failed, seed: seed, scheme: plan.label)
    }

    /// Leave-one-unit-out (jackknife) values of `statistic` under `plan`: unit u gets weight 0 and
    /// every other unit weight 1 (leave-one-cluster-out for a cluster plan), for BCa's acceleration.
    public static func jackknife(plan: ResamplingPlan, statistic: ([Double]) throws -> Double) rethrows -> [Double] {
        var w = [Double](repeating: 1, count: plan.unitCount)
        var out: [Double] = []
        out.reserveCapacity(plan.unitCount)
        for u in 0..<plan.unitCount {
            w[u] = 0
            out.append(try statistic(w))
            w[u] = 1
        }
        return out
    }
}
