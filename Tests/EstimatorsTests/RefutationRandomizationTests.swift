import Estimators
import Testing

/// Randomization inference: exact floor with a large effect, roughly uniform p-values without one,
/// identical results on one and two threads, and cluster-level permutation.
@Suite struct RefutationRandomizationTests {
    /// A large effect (1–3 against SE ≈ 0.1): no permutation reaches it, so p = 1/(R + 1) exactly.
    @Test func largeEffectGivesTheSmallestPValue() throws {
        let panel = StaggeredPanelSimulation().sample(seed: 1).panel()
        let check = try RefutationBattery(permutations: 999, seed: 3).randomizationInference(panel)
        #expect(check.pValue == 1.0 / 1000)
        #expect(check.passed)
        #expect(check.permutationStatistics.allSatisfy { abs($0) < abs(check.statistic) })
        // The permutation distribution is centred near 0 (no effect after reshuffling): its 95% range
        // lies within ±1, far from the estimate.
        #expect(check.interval!.lowerBound > -1 && check.interval!.upperBound < 1)
    }

    /// No effect: over 40 simulated panels (seeds 1–40, R = 99) the p-values are roughly uniform.
    /// Monte Carlo tolerances: the mean lies in 0.5 ± 0.15 (about ±3 SD of the mean of 40 uniforms,
    /// SD 0.046) and the Kolmogorov–Smirnov distance to U(0, 1) is below 0.26 (the 1% critical value
    /// 1.63/√40; the p-values' 1/100 grid adds at most 0.01).
    @Test func noEffectGivesRoughlyUniformPValues() throws {
        let null = StaggeredPanelSimulation(
            units: 120, periods: 6, cohorts: [3, 5], cohortEffects: [0, 0], effectGrowth: 0, clusters: 120,
            clusterSD: 0)
        var pValues: [Double] = []
        for seed in 1...40 as ClosedRange<UInt64> {
            let battery = RefutationBattery(permutations: 99, seed: 1000 + seed)
            pValues.append(try battery.randomizationInference(null.sample(seed: seed).panel()).pValue!)
        }
        let mean = pValues.reduce(0, +) / 40
        #expect(abs(mean - 0.5) < 0.15, "mean p = \(mean)")
        let sorted = pValues.sorted()
        let ks = sorted.indices.map { i in
            max(abs(Double(i + 1) / 40 - sorted[i]), abs(sorted[i] - Double(i) / 40))
        }.max()!
        #expect(ks < 0.26, "KS distance \(ks)")
        #expect(pValues.allSatisfy { $0 >= 0.01 && $0 <= 1 })
    }

    /// One stream per permutation: one and two threads give the same statistics bit for bit.
    @Test func threadCountDoesNotChangeTheResult() throws {
        let panel = StaggeredPanelSimulation(units: 200).sample(seed: 9).panel()
        let one = try RefutationBattery(permutations: 101, seed: 42, threads: 1).randomizationInference(panel)
        let two = try RefutationBattery(permutations: 101, seed: 42, threads: 2).randomizationInference(panel)
        #expect(one.permutationStatistics == two.permutationStatistics)
        #expect(one.pValue == two.pValue && one.interval == two.interval)
        #expect(!one.permutationStatistics.contains { $0.isNaN })
        let other = try RefutationBattery(permutations: 101, seed: 43, threads: 2).randomizationInference(panel)
        #expect(other.permutationStatistics != two.permutationStatistics)
    }

    /// Treatment assigned by team: permuting teams keeps every team within one cohort (and is thread
    /// invariant); a panel without teams, or with cohorts mixed within a team, is refused.
    @Test func clusterPermutationKeepsTeamsTogether() throws {
        let byTeam = StaggeredPanelSimulation(units: 400, clusters: 40, treatmentByCluster: true)
        let panel = byTeam.sample(seed: 5).panel(clusteredByTeam: true)
        let one = try RefutationBattery(permutations: 199, randomization: .clusters, seed: 8, threads: 1)
            .randomizationInference(panel)
        let two = try RefutationBattery(permutations: 199, randomization: .clusters, seed: 8, threads: 2)
            .randomizationInference(panel)
        #expect(one.permutationStatistics == two.permutationStatistics)
        #expect(one.explanation.contains("across clusters (seed 8)"))
        // With 40 teams the permutation distribution is coarser than by unit but the effect still stands out.
        #expect(one.pValue! < 0.05)

        #expect(throws: RefutationError.noClusterVariable) {
            try RefutationBattery(permutations: 9, randomization: .clusters).randomizationInference(
                byTeam.sample(seed: 5).panel())
        }
        let mixed = StaggeredPanelSimulation(units: 400, clusters: 40).sample(seed: 5).panel(clusteredByTeam: true)
        #expect(throws: RefutationError.self) {
            try RefutationBattery(permutations: 9, randomization: .clusters).randomizationInference(mixed)
        }
    }
}
