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

    /// With cluster-period shocks and whole clusters adopting together, standard errors clustered by the simulated cluster exceed the
    /// unit-clustered ones on average (Moulton 1990), and the estimates stay within 4 of them of the truth.
    @Test func clusterShocksWidenClusteredStandardErrors() throws {
        let shocked = StaggeredPanelSimulation(units: 2000, clusters: 60, clusterSD: 0.7, treatmentByCluster: true)
        let (panel, clusterOfUnit) = shocked.simulate(seed: 99)
        var ids: [String] = []
        var time: [Double] = []
        var cohort: [Double] = []
        var outcome: [Double] = []
        var cluster: [String] = []
        for i in 0..<panel.unitCount {
            for (p, t) in panel.periods.enumerated() {
                ids.append(panel.unitIDs[i])
                time.append(t)
                cohort.append(panel.cohorts[i] ?? 0)
                outcome.append(panel.outcome(unit: i, period: p))
                cluster.append(String(clusterOfUnit[i]))
            }
        }
        let clustered = try StaggeredPanel(
            unit: ids, time: time, cohort: cohort, outcome: outcome, cluster: cluster, clusterName: "site")
        let byUnit = try CallawaySantAnna.estimate(panel)
        let bySite = try CallawaySantAnna.estimate(clustered)
        #expect(bySite.clusterCount == 60)
        let ratios = zip(byUnit.effects, bySite.effects).map { $1.standardError! / $0.standardError! }
        #expect(ratios.reduce(0, +) / Double(ratios.count) > 1.2)
        for effect in bySite.effects {
            let truth = shocked.trueEffect(cohort: Int(effect.cohort), period: Int(effect.period))
            #expect(abs(effect.estimate - truth) < 4 * effect.standardError!, "ATT(\(effect.cohort), \(effect.period))")
        }
    }
}
