import DataFrameModule
import Estimators
import Testing

/// The full draw of the simulation: placebo outcome, differential trend, long frame, true aggregates.
@Suite struct StaggeredPanelSimulationSampleTests {
    let design = StaggeredPanelSimulation(units: 2000, clusters: 80, clusterSD: 0.3)

    @Test func sampleReproducesSimulateAndIsSeeded() {
        let sample = design.sample(seed: 5)
        let (panel, clusters) = design.simulate(seed: 5)
        #expect(sample.panel() == panel)
        #expect(sample.clusterOfUnit == clusters)
        #expect(sample == design.sample(seed: 5))
        #expect(sample.placeboOutcomes != design.sample(seed: 6).placeboOutcomes)
        // The placebo outcome is a separate draw, not the outcome without its effect.
        #expect(sample.placeboOutcomes != sample.outcomes)
        let clustered = sample.panel(clusteredByTeam: true)
        #expect(clustered.clusterName == "team" && clustered.clusterCount == 80)
        #expect(clustered.outcomes == panel.outcomes)
    }

    @Test func frameIsLongWithTheDocumentedColumns() throws {
        let small = StaggeredPanelSimulation(units: 40, periods: 5, cohorts: [3, 4], cohortEffects: [1, 2], clusters: 6)
        let sample = small.sample(seed: 3)
        let frame = sample.frame()
        #expect(frame.columnNames == ["unit", "team", "time", "cohort", "y", "placebo_y"])
        #expect(frame.rowCount == 200)
        let rebuilt = try StaggeredPanel(data: frame, outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team")
        #expect(rebuilt.outcomes == sample.outcomes)
        #expect(rebuilt.cohorts == sample.panel().cohorts)
        #expect(rebuilt.clusterOfUnit!.count == 40)
        let placebo = try StaggeredPanel(data: frame, outcome: "placebo_y", unit: "unit", time: "time", cohort: "cohort")
        #expect(placebo.outcomes == sample.placeboOutcomes)
    }

    /// The true aggregates follow from the design and the realized cohort sizes (hand-computed).
    @Test func trueAggregatesWeightByRealizedCohortSizes() {
        let sample = StaggeredPanelSimulation(units: 300).sample(seed: 8)
        let sizes = sample.cohortSizes.mapValues(Double.init)
        let (n4, n6, n7) = (sizes[4]!, sizes[6]!, sizes[7]!)
        // Cohort 4: 1, 1.5, 2, 2.5, 3 (t = 4…8); cohort 6: 2, 2.5, 3; cohort 7: 3, 3.5.
        let simple = (n4 * 10 + n6 * 7.5 + n7 * 6.5) / (5 * n4 + 3 * n6 + 2 * n7)
        #expect(abs(sample.trueSimpleATT - simple) < 1e-12)
        let e1 = (n4 * 1.5 + n6 * 2.5 + n7 * 3.5) / (n4 + n6 + n7)
        #expect(abs(sample.trueDynamicATT(eventTime: 1)! - e1) < 1e-12)
        #expect(sample.trueDynamicATT(eventTime: 4) == 3)  // only cohort 4 reaches e = 4
        #expect(sample.trueDynamicATT(eventTime: 5) == nil)
        #expect(sample.trueDynamicATT(eventTime: -2) == 0)
    }

    /// Callaway–Sant'Anna recovers the true simple and dynamic aggregates within 4 SE (seeds 1–3),
    /// and finds no effect on the placebo outcome (within 4 SE of 0).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func callawaySantAnnaRecoversTheTruth(seed: UInt64) throws {
        let sample = design.sample(seed: seed)
        let result = try CallawaySantAnna.estimate(sample.panel(clusteredByTeam: true))
        let simple = result.aggregate(.simple)
        #expect(abs(simple.overall - sample.trueSimpleATT) < 4 * simple.overallStandardError!)
        let dynamic = result.aggregate(.dynamic)
        #expect(abs(dynamic.overall - sample.trueDynamicOverallATT) < 4 * dynamic.overallStandardError!)
        for element in dynamic.elements {
            let truth = try #require(sample.trueDynamicATT(eventTime: Int(element.label)))
            #expect(abs(element.estimate - truth) < 4 * element.standardError!, "e = \(element.label)")
        }
        let placebo = try CallawaySantAnna.estimate(sample.panel(placebo: true, clusteredByTeam: true)).aggregate(.simple)
        #expect(abs(placebo.overall) < 4 * placebo.overallStandardError!)
    }

    /// A differential trend δ = 0.3 shows up in every pre-treatment ATT(g,t) with a varying base
    /// (each is δ, the one-period difference of δ·(t − g)) and leaves the true effects unchanged.
    @Test func differentialTrendBiasesPreTreatmentEffects() throws {
        var trended = design
        trended.differentialTrend = 0.3
        let sample = trended.sample(seed: 4)
        #expect(trended.trueEffect(cohort: 6, period: 7) == design.trueEffect(cohort: 6, period: 7))
        let result = try CallawaySantAnna.estimate(sample.panel())
        let pre = result.effects.filter { !$0.isPostTreatment }
        let mean = pre.map(\.estimate).reduce(0, +) / Double(pre.count)
        #expect(abs(mean - 0.3) < 0.05)
        for effect in pre { #expect(abs(effect.estimate - 0.3) < 4 * effect.standardError!) }
    }
}
