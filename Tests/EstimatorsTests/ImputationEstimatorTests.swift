import DataFrameModule
import Foundation
import Testing

@testable import Estimators

/// A long frame `id, period, cohort, site, x, y` from rows `(id, period, cohort, y)`; the site is
/// `id mod 4` and `x` a deterministic function of the row.
func imputationFrame(_ rows: [(id: Int, period: Int, cohort: Int, y: Double)]) throws -> DataFrame {
    func column(_ name: String, _ values: [Double]) -> Column {
        Column(name: name, values: .double(values, missing: [Bool](repeating: false, count: values.count)))
    }
    return try DataFrame(columns: [
        column("id", rows.map { Double($0.id) }), column("period", rows.map { Double($0.period) }),
        column("cohort", rows.map { Double($0.cohort) }), column("site", rows.map { Double($0.id % 4) }),
        column("x", rows.indices.map { sin(Double($0) * 1.7) + 0.1 * Double(rows[$0].period) }),
        column("y", rows.map(\.y)),
    ])
}

/// A small deterministic panel: `units` units × `periods` periods, cohorts cycling through
/// `cohorts` (0 = never treated), outcome = unit + period effects + effect + a fixed wiggle.
func imputationPanel(units: Int, periods: Int, cohorts: [Int]) throws -> DataFrame {
    var rows: [(id: Int, period: Int, cohort: Int, y: Double)] = []
    for i in 1...units {
        let g = cohorts[i % cohorts.count]
        for t in 1...periods {
            let effect = g > 0 && t >= g ? 1 + 0.5 * Double(t - g) : 0
            rows.append((i, t, g, Double(i % 7) + 0.3 * Double(t) + effect + cos(Double(i * periods + t))))
        }
    }
    return try imputationFrame(rows)
}

@Suite struct ImputationEstimatorTests {
    let spec = ImputationEstimator.Specification(outcome: "y", unit: "id", time: "period", cohort: "cohort", preTrendLeads: 0)

    /// The weights v reproduce every estimate as Σ v_it Y_it, equal w on treated observations, and
    /// with unit and period effects sum to zero within every unit and period (BJS 2024 §3).
    @Test(arguments: [[String](), ["x"]])
    func weightsReproduceTheEstimates(covariates: [String]) throws {
        let data = try imputationPanel(units: 40, periods: 6, cohorts: [0, 3, 4, 0, 5])
        var spec = self.spec
        spec.covariates = covariates
        let panel = try ImputationEstimator.Panel(spec, data: data)
        let stage = try ImputationEstimator.FirstStage(panel, covariateNames: covariates)
        let result = try ImputationEstimator.estimate(spec, data: data)
        typealias Target = (rows: [Int], value: Double)
        let overall: Target = ((0..<panel.rowCount).filter { panel.imputable[$0] }, result.overall.estimate)
        let targets: [Target] =
            [overall]
            + result.eventTimes.map { e in
                ((0..<panel.rowCount).filter { panel.imputable[$0] && panel.eventTime($0) == e.eventTime }, e.estimate)
            }
        for target in targets {
            var w = [Double](repeating: 0, count: panel.rowCount)
            for r in target.rows { w[r] = 1 / Double(target.rows.count) }
            let v = stage.weights(panel, treatedWeights: w)
            let estimate = zip(v, panel.outcome).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(estimate - target.value) <= 1e-10)
            for r in target.rows { #expect(v[r] == w[r]) }
            var byUnit = [Double](repeating: 0, count: panel.unitIDs.count)
            var byPeriod = [Double](repeating: 0, count: panel.periods.count)
            for r in 0..<panel.rowCount {
                byUnit[panel.unit[r]] += v[r]
                byPeriod[panel.period[r]] += v[r]
            }
            #expect(byUnit.allSatisfy { abs($0) < 1e-12 } && byPeriod.allSatisfy { abs($0) < 1e-12 })
        }
    }

    /// Without noise and with homogeneous dynamic effects the estimator returns them exactly, and
    /// every treated observation's effect is exact.
    @Test func exactWithoutNoise() throws {
        var rows: [(id: Int, period: Int, cohort: Int, y: Double)] = []
        for i in 1...30 {
            let g = [0, 3, 5][i % 3]
            for t in 1...7 {
                let effect = g > 0 && t >= g ? 2 + Double(t - g) : 0
                rows.append((i, t, g, Double(i) * 0.7 + Double(t * t) * 0.1 + effect))
            }
        }
        let result = try ImputationEstimator.estimate(spec, data: try imputationFrame(rows))
        for effect in result.eventTimes { #expect(abs(effect.estimate - (2 + Double(effect.eventTime!))) < 1e-10) }
        #expect(result.treatedEffects.allSatisfy { abs($0.effect - (2 + Double($0.eventTime))) < 1e-10 })
        #expect(result.overall.observations == result.treatedEffects.count)
    }

    /// Units treated from the first period have no untreated observation: counted, reported and
    /// left out (or an error under `.fail`), never dropped silently.
    @Test func unitsTreatedFromTheStartAreCountedNotDropped() throws {
        let data = try imputationPanel(units: 40, periods: 6, cohorts: [0, 3, 1, 0, 5])
        let result = try ImputationEstimator.estimate(spec, data: data)
        #expect(result.coverage.unitWithoutUntreated == 8 * 6)
        #expect(result.coverage.units.count == 8)
        #expect(result.coverage.periodWithoutUntreated == 0 && result.coverage.disconnected == 0)
        #expect(result.warnings.contains { $0.contains("could not be imputed for 48 treated observation(s) of 8 unit(s)") })
        let kept = try imputationPanel(units: 40, periods: 6, cohorts: [0, 3, 0, 0, 5])
        #expect(result.treatedObservations == (try ImputationEstimator.estimate(spec, data: kept)).treatedObservations)
        var strict = spec
        strict.unimputable = .fail
        #expect(throws: ImputationEstimatorError.cannotImpute(observations: 48, units: 8, example: "e.g. unit '2'")) {
            try ImputationEstimator.estimate(strict, data: data)
        }
    }

    /// Without never-treated units, periods from the last cohort's start have no untreated
    /// observation: those treated observations cannot be imputed and their event times are empty.
    @Test func periodsWithoutUntreatedUnitsAreReported() throws {
        let data = try imputationPanel(units: 30, periods: 6, cohorts: [3, 5])
        var longer = spec
        longer.horizon = 3
        let result = try ImputationEstimator.estimate(longer, data: data)
        // Periods 5 and 6: every unit is treated (15 + 15 units × 2 periods).
        #expect(result.coverage.periodWithoutUntreated == 60)
        #expect(result.eventTimes.map(\.eventTime) == [0, 1])
        #expect(result.emptyEventTimes == [2, 3])
        #expect(result.treatedObservations == 30)
        #expect(result.warnings.contains { $0.contains("event time(s) [2, 3]") })
    }

    @Test func dataProblemsAreTypedErrors() throws {
        let data = try imputationPanel(units: 20, periods: 5, cohorts: [0, 3])
        var constant = spec
        constant.covariates = ["cohort"]  // time-invariant: absorbed by the unit effects
        #expect(throws: ImputationEstimatorError.self) { try ImputationEstimator.estimate(constant, data: data) }
        var leaveOut = spec
        leaveOut.averaging = .leaveOutCohortEventTime
        leaveOut.cluster = "cohort"  // each cell lies in one cluster
        #expect(throws: ImputationEstimatorError.singleClusterCell(cohort: 3, eventTime: 0)) {
            try ImputationEstimator.estimate(leaveOut, data: data)
        }
        let never = try imputationPanel(units: 10, periods: 4, cohorts: [0])
        #expect(throws: ImputationEstimatorError.noTreatedObservations(cohort: "cohort")) {
            try ImputationEstimator.estimate(spec, data: never)
        }
        // Unit 1 is treated in both periods; unit 2 never is.
        let half = try imputationFrame([(1, 1, 1, 0.5), (1, 2, 1, 0.7), (2, 1, 0, 1), (2, 2, 0, 1.2)])
        #expect(throws: ImputationEstimatorError.nothingImputable(observations: 2)) {
            try ImputationEstimator.estimate(spec, data: half)
        }
    }

    /// The horizon limits the event times reported but not the overall ATT.
    @Test func horizonLimitsEventTimesOnly() throws {
        let data = try imputationPanel(units: 40, periods: 6, cohorts: [0, 3, 4, 0, 5])
        var short = spec
        short.horizon = 1
        let all = try ImputationEstimator.estimate(spec, data: data)
        let limited = try ImputationEstimator.estimate(short, data: data)
        #expect(limited.eventTimes.map(\.eventTime) == [0, 1])
        #expect(all.eventTimes.map(\.eventTime) == [0, 1, 2, 3])
        #expect(limited.overall == all.overall)
        #expect(limited.covariance.rows == 2)
        #expect(abs(all.covariance[1, 1] - limited.covariance[1, 1]) <= 1e-14 * all.covariance[1, 1])
    }

    /// Two groups of periods linked by no untreated observation: the treated observation of a unit
    /// from the first group in a period of the second is unimputable (counted as disconnected),
    /// the others are imputed exactly (a noise-free outcome).
    @Test func disconnectedUnitsAndPeriodsAreReported() throws {
        func y(_ i: Int, _ t: Int, effect: Double = 0) -> Double { Double(i) * 1.3 + Double(t * t) * 0.2 + effect }
        let rows: [(id: Int, period: Int, cohort: Int, y: Double)] = [
            (1, 1, 0, y(1, 1)), (1, 2, 0, y(1, 2)), (1, 3, 0, y(1, 3)),
            (2, 1, 0, y(2, 1)), (2, 2, 0, y(2, 2)), (2, 3, 0, y(2, 3)),
            (3, 1, 3, y(3, 1)), (3, 2, 3, y(3, 2)), (3, 3, 3, y(3, 3, effect: 2)), (3, 5, 3, y(3, 5, effect: 9)),
            (4, 4, 0, y(4, 4)), (4, 5, 0, y(4, 5)), (4, 6, 0, y(4, 6)),
            (5, 4, 0, y(5, 4)), (5, 5, 0, y(5, 5)), (5, 6, 0, y(5, 6)),
            (6, 4, 6, y(6, 4)), (6, 5, 6, y(6, 5)), (6, 6, 6, y(6, 6, effect: 4)),
        ]
        let result = try ImputationEstimator.estimate(spec, data: try imputationFrame(rows))
        #expect(result.coverage.disconnected == 1 && result.coverage.units == ["3"])
        #expect(result.treatedObservations == 2)
        #expect(abs(result.overall.estimate - 3) < 1e-10)
        #expect(result.eventTimes.map(\.eventTime) == [0])
    }

    /// Rows with a missing outcome or covariate are left out of both stages and counted.
    @Test func rowsWithMissingValuesAreCounted() throws {
        let data = try imputationPanel(units: 20, periods: 5, cohorts: [0, 3])
        var y = try #require(data["y"]?.numericValues())
        y[0] = .nan
        y[7] = .nan
        let holed = try DataFrame(
            columns: data.columns.filter { $0.name != "y" }
                + [Column(name: "y", values: .double(y, missing: y.map(\.isNaN)))])
        let result = try ImputationEstimator.estimate(spec, data: holed)
        #expect(result.rowsWithMissingValues == 2)
        #expect(result.untreatedObservations + result.treatedObservations == 98)
    }

    /// Leads without untreated observations, or absorbed by the unit effects, are left out of the
    /// pre-trend test, and the result says so.
    @Test func preTrendUsesIdentifiedLeadsOnly() throws {
        // Cohorts 3 and 5 in 6 periods: event times −1…−4 have untreated rows, −5 has none; every
        // untreated row of a treated unit is a lead, so the leads sum to unit dummies and one drops.
        let data = try imputationPanel(units: 30, periods: 6, cohorts: [0, 3, 5])
        var spec = self.spec
        spec.preTrendLeads = 5
        let result = try ImputationEstimator.estimate(spec, data: data)
        #expect(result.preTrendEventTimes.count == 3)
        #expect(Set(result.preTrendEventTimes).isSubset(of: [-1, -2, -3, -4]))
        #expect(try #require(result.preTrendTest).restrictions == 3)
        #expect(result.warnings.contains { $0.contains("pre-trend test covers 3 of the 5 leads") })
        spec.preTrendLeads = 1
        #expect(try ImputationEstimator.estimate(spec, data: data).preTrendEventTimes == [-1])
    }
}
