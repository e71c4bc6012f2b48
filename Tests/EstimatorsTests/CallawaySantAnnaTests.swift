import Estimators
import Testing

/// Hand-checkable cases and bad input for `CallawaySantAnna`.
@Suite struct CallawaySantAnnaTests {
    /// Long arrays of a panel with periods 1…T from per-unit (cohort, outcomes) rows.
    func panel(_ units: [(Double, [Double])]) throws -> StaggeredPanel {
        var id: [String] = []
        var t: [Double] = []
        var g: [Double] = []
        var y: [Double] = []
        for (i, unit) in units.enumerated() {
            for (p, value) in unit.1.enumerated() {
                id.append("u\(i)")
                t.append(Double(p + 1))
                g.append(unit.0)
                y.append(value)
            }
        }
        return try StaggeredPanel(unit: id, time: t, cohort: g, outcome: y)
    }

    /// Two treated and two never-treated units, two periods: the 2×2 by hand.
    @Test func twoByTwoByHand() throws {
        let data = try panel([(2, [1, 4]), (2, [2, 7]), (0, [1, 2]), (0, [3, 3])])
        let result = try CallawaySantAnna.estimate(data)
        let effect = try #require(result.effects.first)
        #expect(result.effects.count == 1)
        // Treated changes 3 and 5 (mean 4), control changes 1 and 0 (mean 0.5): ATT = 3.5.
        #expect(abs(effect.estimate - 3.5) < 1e-12)
        // ψ = 4·[(−1, 1)/2 for treated; −(0.5, −0.5)/2 for controls] → Σψ² = 4 + 4 + 1 + 1 = 10.
        #expect(abs(effect.standardError! - (10.0).squareRoot() / 4) < 1e-12)
        #expect(effect.treatedUnits == 2 && effect.comparisonUnits == 2)
        let simple = result.aggregate(.simple)
        #expect(abs(simple.overall - 3.5) < 1e-12)
    }

    /// The same 2×2 with clusters {u0, u2} and {u1, u3}: cluster sums of ψ are −3 and 3.
    @Test func clusteredTwoByTwoByHand() throws {
        let data = try StaggeredPanel(
            unit: ["u0", "u0", "u1", "u1", "u2", "u2", "u3", "u3"], time: [1, 2, 1, 2, 1, 2, 1, 2],
            cohort: [2, 2, 2, 2, 0, 0, 0, 0], outcome: [1, 4, 2, 7, 1, 2, 3, 3],
            cluster: ["x", "x", "y", "y", "x", "x", "y", "y"], clusterName: "team")
        let result = try CallawaySantAnna.estimate(data)
        #expect(abs(result.effects[0].standardError! - (18.0).squareRoot() / 4) < 1e-12)
        #expect(result.warnings.contains { $0.contains("Only 2 clusters") })
        #expect(result.summary.contains("clustered by team, G = 2"))
    }

    @Test func unbalancedPanelIsRefused() throws {
        #expect {
            try StaggeredPanel(unit: ["a", "a", "b"], time: [1, 2, 1], cohort: [2, 2, 0], outcome: [1, 2, 3])
        } throws: { error in
            guard let e = error as? StaggeredPanelError, case .unbalancedPanel = e else { return false }
            return e.description.contains("PanelInputOptions(balance: .keepCompleteUnits)")
        }
        #expect(throws: StaggeredPanelError.self) {
            try StaggeredPanel(unit: ["a", "a", "a"], time: [1, 2, 2], cohort: [2, 2, 2], outcome: [1, 2, 3])
        }
    }

    @Test func cohortMustBeConstantWithinUnit() {
        #expect(throws: StaggeredPanelError.cohortNotConstant(unit: "a")) {
            try StaggeredPanel(unit: ["a", "a"], time: [1, 2], cohort: [2, 3], outcome: [1, 2])
        }
    }

    /// As R `did`: always-treated units are dropped and late cohorts count as never treated, both
    /// reported; only when no cohort is left inside the window is it an error.
    @Test func cohortsOutsideTheWindowAreHandledAndReported() throws {
        let mixed = try panel([(1, [1, 2, 3]), (3, [1, 2, 5]), (5, [1, 2, 3]), (0, [1, 2, 4]), (0, [0, 1, 1])])
        let result = try CallawaySantAnna.estimate(mixed)
        // Same as the panel without the always-treated unit and with the late unit never treated.
        let cleaned = try panel([(3, [1, 2, 5]), (0, [1, 2, 3]), (0, [1, 2, 4]), (0, [0, 1, 1])])
        #expect(result.effects == (try CallawaySantAnna.estimate(cleaned)).effects)
        #expect(result.unitCount == 4 && result.unitCohorts == [3, nil, nil, nil])
        #expect(result.inputReport.alwaysTreatedUnitsDropped == ["u0"])
        #expect(result.inputReport.unitsTreatedAfterWindow == ["u2"])
        #expect(result.summary.contains("1 unit(s) already treated in the first period were dropped"))
        #expect(result.summary.contains("1 unit(s) first treated after the last period count as not treated"))
        // Nothing left inside the window: a clear error.
        let early = try panel([(1, [1, 2, 3]), (0, [1, 2, 3])])
        #expect(throws: StaggeredPanelError.cohortOutsideTimeRange(cohort: 1, first: 1, last: 3, anticipation: 0)) {
            try CallawaySantAnna.estimate(early)
        }
        // With one period of anticipation, cohort 2 has no unaffected base period: dropped, then nothing is left.
        let anticipated = try panel([(2, [1, 2, 3]), (0, [1, 2, 3])])
        #expect(throws: StaggeredPanelError.cohortOutsideTimeRange(cohort: 2, first: 1, last: 3, anticipation: 1)) {
            try CallawaySantAnna.estimate(anticipated, specification: .init(anticipation: 1))
        }
    }

    @Test func cohortWithoutComparisonUnitsIsRefused() throws {
        // No never-treated units: the never-treated control group is empty.
        let noNever = try panel([(2, [1, 2, 3]), (3, [1, 2, 4])])
        #expect(throws: StaggeredPanelError.noComparisonUnits(cohort: 2, period: 2, controlGroup: "never treated")) {
            try CallawaySantAnna.estimate(noNever)
        }
        // Not yet treated: cohort 2 is compared with cohort 3 in period 2, but nobody is untreated in period 3.
        #expect(throws: StaggeredPanelError.noComparisonUnits(cohort: 2, period: 3, controlGroup: "not yet treated")) {
            try CallawaySantAnna.estimate(noNever, specification: .init(controlGroup: .notYetTreated))
        }
        let advice = StaggeredPanelError.noComparisonUnits(cohort: 2, period: 2, controlGroup: "never treated").description
        #expect(advice.contains("Cohort 2.0") && advice.contains("period 2.0"))
        #expect(advice.contains(".notYetTreated") && advice.contains("shorter window"))
    }

    @Test func singleUnitCohortWarns() throws {
        let data = try panel([(2, [1, 3]), (0, [1, 2]), (0, [2, 2])])
        let result = try CallawaySantAnna.estimate(data)
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("single unit"))
        #expect(result.summary.contains("control: never treated; anticipation: 0; base period: varying"))
    }

    @Test func noTreatedCohortIsRefused() throws {
        let data = try panel([(0, [1, 3]), (0, [1, 2])])
        #expect(throws: StaggeredPanelError.noTreatedCohort) { try CallawaySantAnna.estimate(data) }
    }

    /// The universal base period reports the reference cell as 0 with no SE, and otherwise
    /// differs from the varying base only in pre-treatment cells.
    @Test func universalBaseSharesPostTreatmentCells() throws {
        let (data, _) = StaggeredPanelSimulation(units: 200).simulate(seed: 3)
        let varying = try CallawaySantAnna.estimate(data)
        let universal = try CallawaySantAnna.estimate(data, specification: .init(basePeriod: .universal))
        for effect in universal.effects where effect.isPostTreatment {
            let match = try #require(varying.effects.first { $0.cohort == effect.cohort && $0.period == effect.period })
            #expect(match == effect)
        }
        let references = universal.effects.filter { $0.period == $0.cohort - 1 }
        #expect(references.count == 3 && references.allSatisfy { $0.estimate == 0 && $0.standardError == nil })
    }
}
