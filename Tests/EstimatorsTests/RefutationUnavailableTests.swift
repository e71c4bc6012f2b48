import Foundation
import Testing

@testable import Estimators

@Suite("Refutation battery: checks that cannot be computed")
struct RefutationUnavailableTests {
    @Test("a pre-trend test with more pre-treatment cells than clusters is listed as unavailable, the rest still run")
    func preTrendUnavailable() throws {
        // 6 teams and 8 pre-treatment ATT(g,t): the cluster covariance has rank ≤ 5, so the joint test is undefined.
        let design = StaggeredPanelSimulation(
            units: 240, periods: 10, cohorts: [5, 7], cohortEffects: [1, 2], neverTreatedShare: 0.4, clusters: 6,
            treatmentByCluster: false)
        let panel = design.sample(seed: 3).panel(clusteredByTeam: true)
        let report = try RefutationBattery(permutations: 999, seed: 1).run(panel)
        #expect(report.unavailable.map(\.kind) == [.preTrend])
        #expect(report.unavailable[0].reason.contains("singular"))
        #expect(report.check(.preTrend) == nil)
        #expect(report.check(.randomizationInference) != nil && report.check(.placeboTreatmentDate) != nil)
        #expect(report.summary.contains("n/a   pre-trend test"))
    }
}
