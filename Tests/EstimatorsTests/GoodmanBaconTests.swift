import DataFrameModule
import Estimators
import Testing

/// The decomposition reproduces the TWFE coefficient of `LinearRegression` with absorbed unit and
/// period effects, and recovers known 2×2 values on simulated panels.
@Suite struct GoodmanBaconTests {
    /// The long frame (`y`, `d`, `unit`, `time`) of a panel, with `d = 1{t ≥ cohort}`.
    func frame(_ panel: StaggeredPanel) throws -> DataFrame {
        var y: [Double] = []
        var d: [Double] = []
        var unit: [Int] = []
        var time: [Double] = []
        for i in 0..<panel.unitCount {
            for (t, period) in panel.periods.enumerated() {
                y.append(panel.outcome(unit: i, period: t))
                d.append(panel.cohorts[i].map { period >= $0 ? 1.0 : 0.0 } ?? 0)
                unit.append(i)
                time.append(period)
            }
        }
        return try DataFrame(columns: [
            doubleColumn("y", y), doubleColumn("d", d), integerColumn("unit", unit), doubleColumn("time", time),
        ])
    }

    func twfe(_ panel: StaggeredPanel) throws -> Double {
        let fit = try LinearRegression.fit("y ~ d | unit + time", data: try frame(panel))
        return try #require(fit.coefficient("d"))
    }

    /// Theorem 1 on simulated panels: weights sum to one and `Σ s β̂` equals the absorbed-FE fit.
    @Test(arguments: [
        StaggeredPanelSimulation(units: 400, clusters: 20),
        StaggeredPanelSimulation(units: 300, periods: 10, cohorts: [2, 5, 9], cohortEffects: [3, -1, 2], neverTreatedShare: 0),
        StaggeredPanelSimulation(units: 250, periods: 6, cohorts: [3], cohortEffects: [1.5], neverTreatedShare: 0.4),
    ])
    func weightedSumReproducesTheTWFECoefficient(design: StaggeredPanelSimulation) throws {
        let (panel, _) = design.simulate(seed: 99)
        let result = try GoodmanBacon.decompose(panel)
        let beta = try twfe(panel)
        #expect(abs(result.weightedSum - beta) <= 1e-10 * max(1, abs(beta)))
        #expect(abs(result.twfeEstimate - beta) <= 1e-10 * max(1, abs(beta)))
        #expect(abs(result.comparisons.reduce(0) { $0 + $1.weight } - 1) <= 1e-12)
        #expect(result.comparisons.allSatisfy { $0.weight > 0 })
        let typed = result.typeSummaries.reduce(0) { $0 + $1.weight * $1.estimate }
        #expect(abs(typed - beta) <= 1e-10 * max(1, abs(beta)))
    }

    /// An always-treated group and a cohort after the panel (untreated throughout): still exact.
    @Test func alwaysTreatedAndLateCohortsAreHandled() throws {
        var rng = SeededGenerator(seed: 5)
        var unit: [String] = []
        var time: [Double] = []
        var cohort: [Double] = []
        var outcome: [Double] = []
        let cohortChoices: [Double] = [1, 0.5, 3, 5, 12]  // 1 and 0.5 always treated; 12 after the panel
        for i in 0..<60 {
            let g = cohortChoices[i % cohortChoices.count]
            let alpha = rng.normal()
            for t in 1...8 {
                let effect = Double(t) >= g ? 1 + 0.4 * (Double(t) - g) : 0
                unit.append("u\(i)")
                time.append(Double(t))
                cohort.append(g)
                outcome.append(alpha + 0.3 * Double(t) + effect + rng.normal())
            }
        }
        let panel = try StaggeredPanel(unit: unit, time: time, cohort: cohort, outcome: outcome)
        let result = try GoodmanBacon.decompose(panel)
        let beta = try twfe(panel)
        #expect(abs(result.weightedSum - beta) <= 1e-10 * max(1, abs(beta)))
        #expect(result.groupSizes == [.alwaysTreated: 24, .neverTreated: 12, .cohort(3): 12, .cohort(5): 12])
        let types = Set(result.comparisons.map(\.type))
        #expect(types == Set(GoodmanBaconDecomposition.ComparisonType.allCases))
        let always = result.comparisons.filter { $0.type == .laterVsAlwaysTreated }
        #expect(always.count == 2 && always.allSatisfy { $0.control == .alwaysTreated && $0.window == 1...8 })
        // Always vs never has no variation in D: no comparison.
        #expect(!result.comparisons.contains { $0.treated == .alwaysTreated })
    }

    /// Noise-free panel: every 2×2 equals its probability limit, computed from the true effects τ_g(t):
    /// `mean_post τ_T − mean_pre τ_T − (mean_post τ_C − mean_pre τ_C)`. With effects growing in
    /// exposure the forbidden comparisons are negative though every true effect is positive.
    @Test func twoByTwosMatchTheirKnownValues() throws {
        let design = StaggeredPanelSimulation(
            units: 300, periods: 8, cohorts: [3, 6], cohortEffects: [1, 1], effectGrowth: 1,
            neverTreatedShare: 0.3, clusters: 10, clusterSD: 0, noiseSD: 0)
        let (panel, _) = design.simulate(seed: 3)
        let result = try GoodmanBacon.decompose(panel)
        func tau(_ group: GoodmanBaconDecomposition.Group, _ t: Int) -> Double {
            guard case .cohort(let g) = group else { return 0 }
            return design.trueEffect(cohort: Int(g), period: t)
        }
        func change(_ group: GoodmanBaconDecomposition.Group, pre: ClosedRange<Int>, post: ClosedRange<Int>) -> Double {
            post.map { tau(group, $0) }.reduce(0, +) / Double(post.count)
                - pre.map { tau(group, $0) }.reduce(0, +) / Double(pre.count)
        }
        #expect(result.comparisons.count == 4)
        for c in result.comparisons {
            guard case .cohort(let g) = c.treated else {
                Issue.record("treated must be a cohort")
                continue
            }
            let pre = Int(c.window.lowerBound)...(Int(g) - 1)
            let post = Int(g)...Int(c.window.upperBound)
            let truth = change(c.treated, pre: pre, post: post) - change(c.control, pre: pre, post: post)
            #expect(abs(c.estimate - truth) <= 1e-10, "\(c.type) \(c.treated) vs \(c.control)")
        }
        // Cohort 6 against the already treated cohort 3: 2 − (5 − 2) = −1.
        let forbidden = try #require(result.comparisons.first { $0.type == .laterVsEarlierTreated })
        #expect(abs(forbidden.estimate + 1) <= 1e-10)
        #expect(result.forbiddenWeight > 0)
        let summary = result.summary()
        #expect(summary.contains("Later vs Earlier Treated") && summary.contains("cohort 3"))
        #expect(summary.contains("of the weight is on comparisons whose controls are already treated"))
        #expect(summary.contains("300 units × 8 periods"))
    }

    /// On `StaggeredPanelSimulation` with heterogeneous dynamic effects, the forbidden comparisons
    /// estimate a negative effect while every true effect is positive; clean comparisons do not.
    @Test func forbiddenComparisonsTurnNegativeUnderDynamicEffects() throws {
        let design = StaggeredPanelSimulation(
            units: 2000, periods: 10, cohorts: [3, 6, 8], cohortEffects: [0.5, 0.5, 0.5], effectGrowth: 0.8,
            neverTreatedShare: 0.25, clusters: 2000, clusterSD: 0)
        let (panel, _) = design.simulate(seed: 42)
        let result = try GoodmanBacon.decompose(panel)
        let forbidden = try #require(result.summary(for: .laterVsEarlierTreated))
        let clean = try #require(result.summary(for: .treatedVsNeverTreated))
        #expect(forbidden.estimate < -0.5)
        #expect(result.comparisons.filter { $0.type == .laterVsEarlierTreated }.allSatisfy { $0.estimate < 0 })
        #expect(clean.estimate > 1)
        #expect(result.twfeEstimate < clean.estimate)
    }

    @Test func aSingleTreatmentPathIsRejected() throws {
        let panel = try StaggeredPanel(
            unit: ["a", "a", "b", "b"], time: [1, 2, 1, 2], cohort: [2, 2, 2, 2], outcome: [1, 2, 3, 5])
        #expect(throws: GoodmanBaconError.noTreatmentVariation) { try GoodmanBacon.decompose(panel) }
        #expect(GoodmanBaconError.noTreatmentVariation.description.contains("never-treated"))
    }

    @Test func comparisonAndGroupLabels() {
        #expect(GoodmanBaconDecomposition.ComparisonType.laterVsEarlierTreated.description == "Later vs Earlier Treated")
        #expect(GoodmanBaconDecomposition.Group.cohort(4).description == "cohort 4")
        #expect(GoodmanBaconDecomposition.Group.cohort(4.5).description == "cohort 4.5")
    }
}
