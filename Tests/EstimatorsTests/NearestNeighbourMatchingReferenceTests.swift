import Testing

@testable import Estimators

/// Against `datasets/reference/matching_small.json` (an independent brute-force numpy matcher and
/// statsmodels WLS sandwich SEs on `datasets/reference/data/matching_small.csv`, which has planted exact
/// ties; SEs also checked there against statsmodels WLS and R sandwich 3.0.2 `vcovCL`/`vcovHC`): matched sets
/// and counts exactly, weights/ATT/means to 1e-12, SEs and balance to 1e-8 relative
/// (the propensity logit agrees with statsmodels to ~1e-10; every matching decision in the fixture
/// is separated from its alternative by at least 4.7e-6, so no decision can flip).
@Suite("Nearest-neighbour matching against a brute-force numpy reference")
struct NearestNeighbourMatchingReferenceTests {
    let reference: MatchingReference
    let comparison: ControlGroupComparison

    init() throws {
        reference = try MatchingReference.load()
        comparison = try ControlGroupComparison(
            data: reference.frame(), outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
    }

    @Test func propensityScoreMatchesStatsmodels() {
        #expect(comparison.n == reference.n)
        #expect(comparison.treatedCount == reference.treated)
        for (got, want) in zip(comparison.propensityFit.coefficients, reference.propensityCoefficients) {
            #expect(closeCG(got, want, 1e-8))
        }
    }

    @Test(arguments: ["nn1", "nn1_caliper", "nn2_logit_data", "nn1_replace_caliper", "nn3_replace_logit"])
    func matchingAgrees(name: String) throws {
        let expected = try #require(reference.cases[name])
        let result = try comparison.nearestNeighbourMatching(expected.specification.value)
        #expect(closeCG(result.distanceStandardDeviation, expected.distanceSD, 1e-8))
        #expect((result.caliperWidth == nil) == (expected.caliperWidth == nil))
        if let width = result.caliperWidth, let want = expected.caliperWidth { #expect(closeCG(width, want, 1e-8)) }
        #expect(result.matchedSets == expected.matchedSets.map(\.value), "\(name) matched sets")
        #expect(result.unmatchedTreatedRows == expected.unmatchedTreated)
        #expect(result.unmatchedOutsideCaliper == expected.unmatchedOutsideCaliper)
        #expect(result.matchedControlCount == expected.matchedControlCount)
        #expect(result.matchedTreatedCount + result.unmatchedTreatedCount == reference.treated)
        for (got, want) in zip(result.weights, expected.weights) { #expect(closeCG(got, want, 1e-12)) }
        #expect(closeCG(result.effect, expected.att, 1e-12))
        #expect(closeCG(result.treatedMean, expected.treatedMean, 1e-12))
        #expect(closeCG(result.controlMean, expected.controlMean, 1e-12))
        #expect(closeCG(result.outcomeFit.coefficients[1], expected.att, 1e-10))
        #expect(abs(result.standardError - expected.standardError) <= 1e-8 * expected.standardError, "\(name) SE")
        #expect(result.warnings.isEmpty == (result.unmatchedTreatedRows.isEmpty && result.partiallyMatchedCount == 0))

        #expect(result.balance.adjustment == .nearestNeighbourMatching(expected.specification.value))
        #expect(result.balance.target == .averageTreatmentEffectOnTreated)
        check(result.balance.before, reference.balanceBefore)
        check(result.balance.after, expected.balanceAfter)
        #expect(closeCG(result.balance.effectiveSampleSize.treated, expected.balanceAfter.effectiveSampleSize["treated"]!, 1e-10))
        #expect(closeCG(result.balance.effectiveSampleSize.control, expected.balanceAfter.effectiveSampleSize["control"]!, 1e-10))
    }

    @Test func theFixtureExercisesTiesDropsAndPartialMatches() throws {
        // Guards the fixture itself: every rule the tests claim to check actually occurs in it.
        #expect(reference.cases.values.contains { $0.exactTieDecisions > 0 && !$0.specification.replace })
        #expect(reference.cases.values.contains { $0.exactTieDecisions > 0 && $0.specification.replace })
        let caliper = try #require(reference.cases["nn1_caliper"])
        #expect(caliper.unmatchedOutsideCaliper > 0)
        #expect(caliper.unmatchedTreated.count > caliper.unmatchedOutsideCaliper)
        let twoToOne = try #require(reference.cases["nn2_logit_data"])
        #expect(twoToOne.matchedSets.contains { $0.value.controlRows.count == 1 })
    }

    func check(_ rows: [BalanceTable.Row], _ expected: ControlGroupReference.Balance) {
        #expect(rows.map(\.variable) == expected.rows.map(\.variable))
        for (got, want) in zip(rows, expected.rows) {
            #expect(closeCG(got.treatedMean, want.meanTreated, 1e-12))
            #expect(closeCG(got.controlMean, want.meanControl, 1e-12))
            #expect(closeCG(got.standardizedMeanDifference, want.smd, 1e-10), "\(got.variable) SMD")
            #expect(closeCG(got.varianceRatio, want.varianceRatio, 1e-10), "\(got.variable) VR")
        }
    }
}
