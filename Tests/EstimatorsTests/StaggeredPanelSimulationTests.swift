import Estimators
import Testing

/// Known-truth checks: the estimator recovers the simulated ATT(g,t) and aggregations.
@Suite struct StaggeredPanelSimulationTests {
    let design = StaggeredPanelSimulation(units: 3000, clusters: 3000, clusterSD: 0)

    @Test func simulationIsReproducibleAndBalanced() {
        let a = design.simulate(seed: 11)
        let b = design.simulate(seed: 11)
        let c = design.simulate(seed: 12)
        #expect(a.panel == b.panel)
        #expect(a.panel != c.panel)
        #expect(a.panel.unitCount == 3000 && a.panel.periods == (1...8).map(Double.init))
        #expect(a.panel.treatedCohorts == [4, 6, 7])
        let never = Double(a.panel.cohorts.filter { $0 == nil }.count) / 3000
        #expect(abs(never - 0.3) < 0.03)
    }

    @Test func trueEffectsFollowTheDesign() {
        #expect(design.trueEffect(cohort: 4, period: 3) == 0)
        #expect(design.trueEffect(cohort: 4, period: 4) == 1)
        #expect(design.trueEffect(cohort: 6, period: 8) == 3)
        #expect(design.trueEffect(cohort: 7, period: 8) == 3.5)
    }

    /// Every ATT(g,t) lies within 4 standard errors of its truth (0 before treatment), for both
    /// control groups and base periods (seeded, so the check is deterministic).
    @Test(arguments: [
        CallawaySantAnnaSpecification(),
        CallawaySantAnnaSpecification(controlGroup: .notYetTreated),
        CallawaySantAnnaSpecification(basePeriod: .universal),
    ])
    func recoversCallawaySantAnnaEffects(specification: CallawaySantAnnaSpecification) throws {
        let (panel, _) = design.simulate(seed: 2021)
        let result = try CallawaySantAnna.estimate(panel, specification: specification)
        #expect(result.warnings.isEmpty)
        for effect in result.effects {
            let truth = design.trueEffect(cohort: Int(effect.cohort), period: Int(effect.period))
            guard let se = effect.standardError else {
                #expect(effect.estimate == 0 && specification.basePeriod == .universal)
                continue
            }
            #expect(se < 0.2)
            #expect(abs(effect.estimate - truth) < 4 * se, "ATT(\(effect.cohort), \(effect.period))")
        }
    }

    /// Event-time effects recover β̄ + γe averaged with cohort-size weights; zero before treatment.
    @Test func recoversDynamicEffects() throws {
        let (panel, _) = design.simulate(seed: 7)
        let dynamic = try CallawaySantAnna.estimate(panel).aggregate(.dynamic)
        let sizes = [4.0, 6, 7].map { g in Double(panel.cohorts.filter { $0 == g }.count) }
        for element in dynamic.elements {
            let e = Int(element.label)
            let truth: Double
            if e < 0 {
                truth = 0
            } else {
                let members = [4, 6, 7].indices.filter { [4, 6, 7][$0] + e <= 8 }
                let total = members.reduce(0.0) { $0 + sizes[$1] }
                truth = members.reduce(0.0) {
                    $0 + sizes[$1] / total * design.trueEffect(cohort: [4, 6, 7][$1], period: [4, 6, 7][$1] + e)
                }
            }
            let se = try #require(element.standardError)
            #expect(abs(element.estimate - truth) < 4 * se, "e = \(e)")
        }
    }
}
