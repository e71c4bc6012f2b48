import DataFrameModule
import Estimators
import Testing

/// The pre-trend check from Callaway–Sant'Anna pre-treatment effects and from an event study.
@Suite struct RefutationPreTrendTests {
    /// With one pre-treatment cell (q = 1) F is the cell's squared z times (G − 1)/G, and its p-value
    /// that of t(G − 1) (G = 300 units).
    @Test func singlePreTreatmentCellGivesTheSquaredZ() throws {
        let design = StaggeredPanelSimulation(units: 300, periods: 4, cohorts: [3], cohortEffects: [1])
        let result = try CallawaySantAnna.estimate(design.sample(seed: 2).panel())
        let check = try RefutationBattery.preTrend(callawaySantAnna: result)
        let cell = try #require(result.effects.first { $0.period == 2 })
        let z = cell.estimate / cell.standardError!
        #expect(abs(check.statistic - z * z * 299 / 300) < 1e-10 * z * z)
        #expect(check.statisticLabel == "Hotelling F(1, 299)")
        #expect(check.elements.count == 1 && check.elements[0].label == "ATT(3, 2)")
        #expect(abs(check.pValue! - check.elements[0].pValue!) < 1e-12)
    }

    /// Two pre-treatment cells with 30 teams: W from a direct 2×2 inverse of the cluster-sum covariance,
    /// F = (G − 2)/(2G)·W.
    @Test func waldStatisticMatchesADirectComputation() throws {
        let design = StaggeredPanelSimulation(units: 400, periods: 5, cohorts: [4], cohortEffects: [1], clusters: 30)
        let result = try CallawaySantAnna.estimate(design.sample(seed: 6).panel(clusteredByTeam: true))
        let check = try RefutationBattery.preTrend(callawaySantAnna: result)
        // Cells t = 2 and t = 3 of cohort 4 (varying base).
        let cells = result.effects.indices.filter { !result.effects[$0].isPostTreatment }
        #expect(cells.count == 2)
        var s = [[Double]](repeating: [0, 0], count: 30)
        for (j, cell) in cells.enumerated() {
            for i in 0..<result.unitCount { s[result.unitClusters![i]][j] += result.influence[cell][i] }
        }
        let n2 = Double(result.unitCount * result.unitCount)
        let a = s.reduce(0.0) { $0 + $1[0] * $1[0] } / n2
        let b = s.reduce(0.0) { $0 + $1[0] * $1[1] } / n2
        let d = s.reduce(0.0) { $0 + $1[1] * $1[1] } / n2
        let (x, y) = (result.effects[cells[0]].estimate, result.effects[cells[1]].estimate)
        let wald = (d * x * x - 2 * b * x * y + a * y * y) / (a * d - b * b)
        #expect(result.clusterCount == 30)
        #expect(abs(check.statistic - wald * 28 / 60) < 1e-9 * wald)
        #expect(check.statisticLabel == "Hotelling F(2, 28)")
    }

    /// Errors: no pre-treatment cell (cohort in period 2), more cells than clusters.
    @Test func untestableCasesThrow() throws {
        let early = StaggeredPanelSimulation(units: 100, periods: 3, cohorts: [2], cohortEffects: [1])
        #expect(throws: RefutationError.noPreTreatmentEffects) {
            try RefutationBattery.preTrend(callawaySantAnna: CallawaySantAnna.estimate(early.sample(seed: 1).panel()))
        }
        let few = StaggeredPanelSimulation(units: 200, periods: 8, cohorts: [6, 7], cohortEffects: [1, 1], clusters: 5)
        #expect(throws: RefutationError.singularPreTrendCovariance(effects: 9, clusters: 5)) {
            try RefutationBattery.preTrend(
                callawaySantAnna: CallawaySantAnna.estimate(few.sample(seed: 1).panel(clusteredByTeam: true)))
        }
    }

    /// The event-study variant reads the leads' joint F test; a planted trend fails it.
    @Test func eventStudyLeadsTest() throws {
        var design = StaggeredPanelSimulation(units: 400, periods: 8, clusters: 40)
        let spec = EventStudySpecification(
            outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team", leads: 3, lags: 2)
        let clean = try EventStudy.estimate(spec, data: design.sample(seed: 3).frame())
        let check = try RefutationBattery.preTrend(eventStudy: clean)
        #expect(check.statistic == clean.preTrendTest!.fStatistic)
        #expect(check.pValue == clean.preTrendTest!.fPValue)
        #expect(check.elements.map(\.label) == ["event time -3", "event time -2"])
        #expect(check.passed == (clean.preTrendTest!.fPValue >= 0.05))
        design.differentialTrend = 0.3
        let trended = try EventStudy.estimate(spec, data: design.sample(seed: 3).frame())
        #expect(!(try RefutationBattery.preTrend(eventStudy: trended)).passed)
    }
}
