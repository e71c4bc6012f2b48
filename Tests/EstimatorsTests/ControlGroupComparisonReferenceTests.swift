import DataFrameModule
import Testing

@testable import Estimators

/// Against `datasets/reference/cg_small.json` (statsmodels 0.15 `TreatmentEffect` on
/// `datasets/reference/data/cg_small.csv`): estimates to 1e-12, GMM standard errors to 1e-8
/// relative (statsmodels differentiates its moments numerically, we use analytic Jacobians; observed
/// agreement: estimates ≤ 2e-15, SEs ≤ 1.2e-9).
@Suite("Control-group comparison against statsmodels TreatmentEffect")
struct ControlGroupComparisonReferenceTests {
    let reference: ControlGroupReference
    let comparison: ControlGroupComparison

    init() throws {
        reference = try ControlGroupReference.load()
        comparison = try ControlGroupComparison(
            data: reference.frame(), outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
    }

    func check(_ estimate: ControlGroupEstimate, _ name: String) throws {
        let expected = try #require(reference.estimates[name])
        #expect(closeCG(estimate.effect, expected.effect[0], 1e-12), "\(name) effect")
        #expect(closeCG(estimate.controlMean, expected.effect[1], 1e-12), "\(name) POM0")
        #expect(closeCG(estimate.treatedMean, expected.effect[2], 1e-12), "\(name) POM1")
        let ses = [estimate.standardError, estimate.controlMeanStandardError, estimate.treatedMeanStandardError]
        for (got, want) in zip(ses, expected.standardError) {
            #expect(abs(got - want) <= 1e-8 * want, "\(name) SE \(got) vs \(want)")
        }
    }

    @Test func propensityScoreMatchesStatsmodelsLogit() {
        for (got, want) in zip(comparison.propensityFit.coefficients, reference.propensityCoefficients) {
            #expect(closeCG(got, want, 1e-8))
        }
        #expect(comparison.n == 500)
        #expect(comparison.treatedCount + comparison.controlCount == 500)
    }

    @Test func welchMatchesScipy() {
        let welch = comparison.differenceInMeans()
        #expect(closeCG(welch.difference, reference.welch.difference, 1e-12))
        #expect(closeCG(welch.standardError, reference.welch.standardError, 1e-12))
        #expect(closeCG(welch.statistic, reference.welch.statistic, 1e-12))
        #expect(closeCG(welch.degreesOfFreedom, reference.welch.df, 1e-10))
        #expect(abs(welch.pValue - reference.welch.pValue) <= 1e-6 * reference.welch.pValue)
    }

    @Test func regressionAdjustmentMatchesStatsmodels() throws {
        try check(comparison.regressionAdjustment(.averageTreatmentEffect), "ra_ate")
        try check(comparison.regressionAdjustment(.averageTreatmentEffectOnTreated), "ra_att")
    }

    @Test func inverseProbabilityWeightingMatchesStatsmodels() throws {
        try check(comparison.inverseProbabilityWeighting(.averageTreatmentEffect), "ipw_ate")
        try check(comparison.inverseProbabilityWeighting(.averageTreatmentEffectOnTreated), "ipw_att")
    }

    @Test func augmentedIPWMatchesStatsmodels() throws {
        let estimate = try comparison.augmentedInverseProbabilityWeighting()
        try check(estimate, "aipw_ate")
        #expect(estimate.warnings.isEmpty)
    }

    @Test func balanceMatchesNumpy() throws {
        for (table, before, after) in [
            (comparison.balance(.averageTreatmentEffect), "unweighted", "ipw_ate"),
            (comparison.balance(.averageTreatmentEffectOnTreated), "unweighted", "ipw_att"),
        ] {
            for (rows, key) in [(table.before, before), (table.after, after)] {
                let expected = try #require(reference.balance[key])
                #expect(rows.map(\.variable) == expected.rows.map(\.variable))
                for (got, want) in zip(rows, expected.rows) {
                    #expect(closeCG(got.treatedMean, want.meanTreated, 1e-12))
                    #expect(closeCG(got.controlMean, want.meanControl, 1e-12))
                    #expect(closeCG(got.standardizedMeanDifference, want.smd, 1e-10), "\(key) \(got.variable) SMD")
                    #expect(closeCG(got.varianceRatio, want.varianceRatio, 1e-10), "\(key) \(got.variable) VR")
                }
            }
            let ess = try #require(reference.balance[after]?.effectiveSampleSize)
            #expect(closeCG(table.effectiveSampleSize.treated, ess["treated"] ?? .nan, 1e-10))
            #expect(closeCG(table.effectiveSampleSize.control, ess["control"] ?? .nan, 1e-10))
        }
    }
}
