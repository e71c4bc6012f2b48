import DataFrameModule
import Foundation
import ModelSpec
import Testing

@testable import Estimators

/// A seeded staggered panel `y_it = α_i + λ_t + τ(t − cohort_i) + team shock + ε` with effects that
/// are the same in every cohort: τ(k) = 0 before treatment and `1 + 0.5·min(k, 4)` from k = 0 on
/// (flat after 4, so the binned endpoint has a single true value). Cohorts are drawn from
/// `cohorts` (0 = never treated); teams of 5 units are the clusters.
func simulatedEventPanel(
    units: Int = 400, periods: Int = 12, cohorts: [Int] = [4, 6, 9, 0], seed: UInt64 = 7, noise: Double = 0.5
) throws -> DataFrame {
    var rng = SeededGenerator(seed: seed)
    let lambda = (0..<periods).map { 0.2 * Double($0) + 0.3 * rng.normal() }
    var unit = [Int]()
    var time = [Int]()
    var cohort = [Int]()
    var team = [Int]()
    var y = [Double]()
    for i in 0..<units {
        let c = cohorts[i % cohorts.count]
        let alpha = rng.normal()
        for t in 1...periods {
            unit.append(i + 1)
            time.append(t)
            cohort.append(c)
            team.append(i / 5 + 1)
            y.append(alpha + lambda[t - 1] + trueEventEffect(c > 0 ? t - c : nil) + noise * rng.normal())
        }
    }
    return try DataFrame(columns: [
        integerColumn("unit", unit), integerColumn("time", time), integerColumn("cohort", cohort),
        integerColumn("team", team), doubleColumn("y", y),
    ])
}

/// The true effect at event time k of `simulatedEventPanel` (0 for never-treated units).
func trueEventEffect(_ k: Int?) -> Double {
    guard let k, k >= 0 else { return 0 }
    return 1 + 0.5 * Double(min(k, 4))
}

/// The panel with the cohort column replaced by `f(unit, cohort)`.
func recodingCohort(_ frame: DataFrame, _ f: (Int, Double) -> Double) throws -> DataFrame {
    let unit = frame["unit"]!.numericValues()!
    let cohort = frame["cohort"]!.numericValues()!
    let values = zip(unit, cohort).map { f(Int($0), $1) }
    return try frame.replacing(doubleColumnWithMissing("cohort", values))
}

@Suite("EventStudy")
struct EventStudyTests {
    static func spec(leads: Int = 3, lags: Int = 4, endpoints: EventWindowEndpoints = .bin) -> EventStudySpecification {
        EventStudySpecification(
            outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team", leads: leads, lags: lags,
            endpoints: endpoints)
    }

    @Test("homogeneous effects: the estimates recover the true event-time path within 4 SE and 0.15")
    func recoversTruth() throws {
        let result = try EventStudy.estimate(Self.spec(), data: simulatedEventPanel())
        #expect(result.eventTimes.map(\.eventTime) == Array(-3...4))
        for e in result.eventTimes where !e.isReference {
            let truth = trueEventEffect(e.eventTime)
            let se = try #require(e.standardError)
            #expect(abs(e.estimate - truth) <= min(4 * se, 0.15), "k = \(e.eventTime): \(e.estimate) vs \(truth)")
        }
        let test = try #require(result.preTrendTest)
        #expect(test.restrictions == 2)
        #expect(test.fPValue > 0.001, "no pre-trend in the simulated data")
        #expect(result.treatedUnits == 300 && result.neverTreatedUnits == 100)
        #expect(result.cohorts == [4, 6, 9])
        #expect(result.clusterCount == 80)
        #expect(result.n == 400 * 12)
    }

    @Test("homogeneous effects, endpoints dropped: the single-period estimates recover the path")
    func recoversTruthDropped() throws {
        let result = try EventStudy.estimate(Self.spec(endpoints: .drop), data: simulatedEventPanel(seed: 11))
        for e in result.eventTimes where !e.isReference {
            let se = try #require(e.standardError)
            let truth = trueEventEffect(e.eventTime)
            #expect(abs(e.estimate - truth) <= min(4 * se, 0.15), "k = \(e.eventTime): \(e.estimate) vs \(truth)")
        }
        // Outside [−3, 4]: cohort 4 has k = 5…8, cohort 6 k = −5, −4, 5, 6, cohort 9 k = −8…−4 (100 units each).
        #expect(result.rowsOutsideWindow == 100 * (4 + 4 + 5))
    }

    @Test("rows without a period are dropped as a missing fixed effect and counted")
    func missingPeriod() throws {
        let frame = try simulatedEventPanel()
        var time = frame["time"]!.numericValues()!
        for i in [0, 25, 500] { time[i] = .nan }
        let result = try EventStudy.estimate(Self.spec(), data: frame.replacing(doubleColumnWithMissing("time", time)))
        #expect(result.observations.dropped == [DroppedRows(reason: .missingFixedEffect(variable: "time"), count: 3)])
        #expect(result.n == 4800 - 3)
    }

    @Test("a pre-trend in the treated cohorts is detected by the lead test")
    func detectsPreTrend() throws {
        let frame = try simulatedEventPanel()
        let time = frame["time"]!.numericValues()!
        let cohort = frame["cohort"]!.numericValues()!
        // Treated units drift up by 0.3 per period before treatment.
        let y = zip(frame["y"]!.numericValues()!, zip(time, cohort)).map { y, tc in
            tc.1 > 0 && tc.0 < tc.1 ? y + 0.3 * (tc.0 - tc.1) : y
        }
        let result = try EventStudy.estimate(Self.spec(), data: frame.replacing(doubleColumn("y", y)))
        #expect(try #require(result.preTrendTest).fPValue < 1e-6)
    }

    @Test("the reference period is 0 without a standard error; covariance diagonal gives the SEs")
    func referenceAndCovariance() throws {
        let spec = Self.spec()
        let result = try EventStudy.estimate(spec, data: simulatedEventPanel())
        let reference = try #require(result.eventTime(-1))
        #expect(reference.isReference && reference.estimate == 0)
        #expect(reference.standardError == nil && reference.lower == nil && reference.pValue == nil)
        #expect(reference.observations > 0)
        #expect(result.covariance.rows == spec.estimatedEventTimes.count)
        for (p, k) in spec.estimatedEventTimes.enumerated() {
            let se = try #require(result.eventTime(k)?.standardError)
            #expect(abs(result.covariance[p, p].squareRoot() - se) <= 1e-14 * se)
        }
        // Binned endpoints collect every treated observation: each treated row counts in one bin.
        let treatedRows = result.eventTimes.reduce(0) { $0 + $1.observations }
        #expect(treatedRows == 300 * 12)
    }

    @Test("the pre-trend test is the Wald test of the leads on the regression")
    func preTrendIsWaldOfLeads() throws {
        let result = try EventStudy.estimate(Self.spec(), data: simulatedEventPanel())
        let direct = try result.regression.waldTest(zero: ["rel_m3", "rel_m2"])
        let test = try #require(result.preTrendTest)
        #expect(test.chiSquare == direct.chiSquare && test.fStatistic == direct.fStatistic)
        #expect(abs(test.fStatistic - test.chiSquare / 2) <= 1e-12 * test.chiSquare)
    }

    @Test("one lead, the reference: no pre-trend test")
    func noLeads() throws {
        let result = try EventStudy.estimate(Self.spec(leads: 1), data: simulatedEventPanel())
        #expect(result.preTrendTest == nil)
        #expect(result.summary().contains("Pre-trend test: none"))
    }

    @Test("never-treated coded as a sentinel gives the same fit as 0")
    func sentinelCoding() throws {
        let frame = try simulatedEventPanel()
        let base = try EventStudy.estimate(Self.spec(), data: frame)
        var spec = Self.spec()
        spec.neverTreated = .valueOrMissing(9999)
        let recoded = try EventStudy.estimate(spec, data: recodingCohort(frame) { $1 == 0 ? 9999 : $1 })
        #expect(recoded.eventTimes == base.eventTimes)
        spec.neverTreated = .missing
        let missing = try EventStudy.estimate(spec, data: recodingCohort(frame) { $1 == 0 ? .nan : $1 })
        #expect(missing.eventTimes == base.eventTimes)
    }

    @Test("summary states the reference period, binning, comparison group, clusters and the test")
    func summaryText() throws {
        let text = try EventStudy.estimate(Self.spec(), data: simulatedEventPanel()).summary()
        for needle in [
            "Reference period: event time -1", "binned into the endpoints", "never-treated (cohort 0 or missing)",
            "not-yet-treated", "G = 80", "CR1", "0 (reference)", "Pre-trend test (leads -3, -2 = 0): F(2, 79)",
            "N = 4,800 of 4,800 rows used",
        ] {
            #expect(text.contains(needle), "summary lacks '\(needle)'")
        }
    }

    @Test("a cohort outside the panel's periods is refused")
    func cohortOutsideRange() throws {
        let frame = try recodingCohort(simulatedEventPanel()) { unit, c in unit == 3 ? 15 : c }
        #expect(throws: EventStudyError.cohortOutsideTimeRange(unit: "3", cohort: 15, first: 1, last: 12)) {
            try EventStudy.estimate(Self.spec(), data: frame)
        }
        // With `.missing` coding a 0 is a cohort, and period 0 is outside 1…12.
        var spec = Self.spec()
        spec.neverTreated = .missing
        #expect(throws: EventStudyError.self) { try EventStudy.estimate(spec, data: simulatedEventPanel()) }
    }

    @Test("no never-treated and no not-yet-treated units is refused")
    func noComparisons() throws {
        let frame = try simulatedEventPanel(cohorts: [5])
        #expect(throws: EventStudyError.noComparisonUnits(cohort: 5)) {
            try EventStudy.estimate(Self.spec(), data: frame)
        }
        #expect(throws: EventStudyError.noTreatedUnits(cohort: "cohort")) {
            try EventStudy.estimate(Self.spec(), data: simulatedEventPanel(cohorts: [0]))
        }
    }

    @Test("a window with an empty event time is refused")
    func emptyEventTime() throws {
        // Cohorts 4…9 in periods 1…12: relative times run from −8 to 8, so −11 is empty.
        #expect(throws: EventStudyError.emptyEventTime(eventTime: -11, window: -11...4, isReference: false)) {
            try EventStudy.estimate(Self.spec(leads: 11), data: simulatedEventPanel())
        }
    }

    @Test("a fully dynamic window without never-treated units is refused as not identified")
    func notIdentified() throws {
        // Cohorts 5 and 8 only: relative times −7…7 all present, and Σ k·D_k = t − cohort is spanned
        // by the unit and period effects (Borusyak, Jaravel & Spiess 2024, Lemma 1).
        let frame = try simulatedEventPanel(cohorts: [5, 8])
        #expect {
            try EventStudy.estimate(Self.spec(leads: 7, lags: 7, endpoints: .drop), data: frame)
        } throws: { error in
            guard case EventStudyError.eventTimesNotIdentified(let ks) = error else { return false }
            return !ks.isEmpty
        }
    }

    @Test("a cohort that changes within a unit and a fractional period are refused")
    func badCoding() throws {
        let frame = try simulatedEventPanel()
        let cohort = frame["cohort"]!.numericValues()!
        var varied = cohort
        varied[1] = 5  // unit 1 (cohort 4) gets cohort 5 in its second row
        #expect(throws: EventStudyError.cohortVariesWithinUnit(unit: "1", first: 4, second: 5)) {
            try EventStudy.estimate(Self.spec(), data: frame.replacing(doubleColumn("cohort", varied)))
        }
        var fractional = cohort
        fractional[0] = 4.5
        #expect(throws: EventStudyError.nonIntegerPeriod(column: "cohort", value: 4.5)) {
            try EventStudy.estimate(Self.spec(), data: frame.replacing(doubleColumn("cohort", fractional)))
        }
    }

    @Test("error messages give advice")
    func messages() {
        #expect(EventStudyError.noComparisonUnits(cohort: 5).description.contains("Add a comparison group"))
        #expect(
            EventStudyError.emptyEventTime(eventTime: -1, window: -3...2, isReference: true).description
                .contains("choose another reference period"))
        #expect(
            EventStudyError.cohortOutsideTimeRange(unit: "a", cohort: 0, first: 1, last: 9).description
                .contains("never treated"))
    }
}
