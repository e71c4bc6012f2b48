import DataFrameModule
import Foundation
import Testing

@testable import Estimators

/// A `StaggeredPanelSimulation` panel as a frame with columns unit, time, cohort (0 = never),
/// cluster and y.
func sunAbrahamFrame(_ simulation: StaggeredPanelSimulation, seed: UInt64) throws -> DataFrame {
    let (panel, clusterOfUnit) = simulation.simulate(seed: seed)
    var unit = [Int]()
    var time = [Double]()
    var cohort = [Double]()
    var cluster = [Int]()
    var y = [Double]()
    for i in 0..<panel.unitCount {
        for (p, t) in panel.periods.enumerated() {
            unit.append(i + 1)
            time.append(t)
            cohort.append(panel.cohorts[i] ?? 0)
            cluster.append(clusterOfUnit[i])
            y.append(panel.outcome(unit: i, period: p))
        }
    }
    return try DataFrame(columns: [
        integerColumn("unit", unit), doubleColumn("time", time), doubleColumn("cohort", cohort),
        integerColumn("cluster", cluster), doubleColumn("y", y),
    ])
}

@Suite("SunAbraham")
struct SunAbrahamTests {
    static func spec(
        referencePeriod: Int = -1, window: ClosedRange<Int>? = nil, endpoints: EventWindowEndpoints = .bin
    ) -> SunAbrahamSpecification {
        SunAbrahamSpecification(
            outcome: "y", unit: "unit", time: "time", cohort: "cohort", referencePeriod: referencePeriod,
            window: window, endpoints: endpoints)
    }

    static let simulation = StaggeredPanelSimulation(units: 1200, clusters: 60)

    @Test("recovers the true cohort effects, event-time path and ATT where static TWFE is biased")
    func recoversKnownTruth() throws {
        let sim = Self.simulation
        let data = try sunAbrahamFrame(sim, seed: 2026)
        let result = try SunAbraham.estimate(Self.spec(), data: data)
        #expect(result.cohorts == [4, 6, 7])
        #expect(result.eventTimes.map(\.eventTime) == Array(-6...4))

        // δ_gk: the truth is τ_g(g + k), 0 before treatment (parallel trends, no anticipation).
        var worst = 0.0
        for effect in result.cohortEffects {
            let truth = sim.trueEffect(cohort: effect.cohort, period: effect.cohort + effect.eventTime)
            worst = max(worst, abs(effect.estimate - truth) / effect.standardError)
        }
        #expect(worst < 4, "largest |δ̂ − δ| / se = \(worst)")

        // ν_k: the cohort-share average of the true effects at k.
        for k in result.estimatedEventTimes {
            let cells = result.cohortEffects.filter { $0.eventTime == k }
            let total = Double(cells.reduce(0) { $0 + $1.observations })
            let truth = cells.reduce(0.0) {
                $0 + Double($1.observations) / total * sim.trueEffect(cohort: $1.cohort, period: $1.cohort + k)
            }
            let e = try #require(result.eventTime(k))
            #expect(abs(e.estimate - truth) < 4 * e.standardError!, "k = \(k): \(e.estimate) vs truth \(truth)")
            #expect(abs(cells.reduce(0) { $0 + $1.weight } - 1) < 1e-12)
        }

        // The ATT over post-treatment cells, against the static TWFE coefficient.
        let post = result.cohortEffects.filter { $0.eventTime >= 0 }
        let n = Double(post.reduce(0) { $0 + $1.observations })
        let truth = post.reduce(0.0) {
            $0 + Double($1.observations) / n * sim.trueEffect(cohort: $1.cohort, period: $1.cohort + $1.eventTime)
        }
        let att = try #require(result.att)
        #expect(abs(att.estimate - truth) < 3 * att.standardError && abs(att.estimate - truth) < 0.1)

        let time = try #require(data["time"]?.numericValues())
        let cohort = try #require(data["cohort"]?.numericValues())
        let treated = zip(time, cohort).map { $1 > 0 && $0 >= $1 ? 1.0 : 0.0 }
        let twfe = try LinearRegression.fit(
            "y ~ d | unit + time", data: data.adding(doubleColumn("d", treated)),
            covariance: .clustered(by: ["unit"]))
        let row = try #require(twfe.coefficientTable()["d"])
        // Growing effects and early cohorts used as controls bias the static TWFE coefficient down
        // (by about 0.23 here): far outside its own sampling error, unlike the IW ATT.
        #expect(
            truth - row.estimate > 0.15 && truth - row.estimate > 4 * row.standardError,
            "TWFE \(row.estimate) (se \(row.standardError)) vs truth \(truth)")
    }

    @Test("the pre-trend test accepts under no anticipation and rejects an effect two periods early")
    func preTrendTest() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 600, clusters: 60), seed: 21)
        let clean = try #require(try SunAbraham.estimate(Self.spec(), data: data).preTrendTest)
        #expect(clean.restrictions == 5 && clean.fPValue > 0.01)

        let time = try #require(data["time"]?.numericValues())
        let cohort = try #require(data["cohort"]?.numericValues())
        let y = try #require(data["y"]?.numericValues())
        let anticipated = y.indices.map { cohort[$0] > 0 && time[$0] - cohort[$0] == -2 ? y[$0] + 1 : y[$0] }
        let result = try SunAbraham.estimate(Self.spec(), data: data.replacing(doubleColumn("y", anticipated)))
        let test = try #require(result.preTrendTest)
        #expect(test.fPValue < 1e-6)
        // Relative to k = −1, the early shift shows at −2 only.
        #expect(abs(try #require(result.eventTime(-2)).estimate - 1) < 0.3)
    }

    @Test("one treated cohort: the same path as the TWFE event study")
    func singleCohortEqualsEventStudy() throws {
        let sim = StaggeredPanelSimulation(units: 300, cohorts: [5], cohortEffects: [1], clusters: 30)
        let data = try sunAbrahamFrame(sim, seed: 11)
        let result = try SunAbraham.estimate(Self.spec(), data: data)
        let twfe = try EventStudy.estimate(
            EventStudySpecification(
                outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "unit", leads: 4, lags: 3),
            data: data)
        #expect(result.eventTimes.map(\.eventTime) == twfe.eventTimes.map(\.eventTime))
        for (a, b) in zip(result.eventTimes, twfe.eventTimes) {
            #expect(abs(a.estimate - b.estimate) <= 1e-9 * max(1, abs(b.estimate)))
            #expect(abs((a.standardError ?? 0) - (b.standardError ?? 0)) <= 1e-9)
        }
        for r in 0..<result.covariance.rows {
            for c in 0..<result.covariance.columns {
                #expect(abs(result.covariance[r, c] - twfe.covariance[r, c]) <= 1e-12)
            }
        }
    }

    @Test("the event-time covariance is W V Wᵀ of the cohort covariance")
    func covarianceIsDeltaMethod() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 300, clusters: 30), seed: 5)
        let result = try SunAbraham.estimate(Self.spec(window: -3...2), data: data)
        let times = result.estimatedEventTimes
        for (r, a) in times.enumerated() {
            for (c, b) in times.enumerated() {
                var v = 0.0
                for (i, x) in result.cohortEffects.enumerated() where x.eventTime == a {
                    for (j, y) in result.cohortEffects.enumerated() where y.eventTime == b {
                        v += x.weight * y.weight * result.cohortCovariance[i, j]
                    }
                }
                #expect(abs(result.covariance[r, c] - v) <= 1e-12 * max(1, abs(v)))
            }
            let se = try #require(result.eventTime(a)?.standardError)
            #expect(abs(se * se - result.covariance[r, r]) <= 1e-12)
        }
    }

    @Test("without never-treated units the last-treated cohort is the control")
    func lastTreatedCohortControl() throws {
        let sim = StaggeredPanelSimulation(units: 300, neverTreatedShare: 0, clusters: 30)
        let data = try sunAbrahamFrame(sim, seed: 3)
        let cohort = try #require(data["cohort"]?.numericValues())
        let lastUnits = cohort.filter { $0 == 7 }.count / 8
        let result = try SunAbraham.estimate(Self.spec(), data: data)
        // Periods 7 and 8 of every unit have no untreated unit: dropped.
        #expect(result.control == .lastTreated(cohort: 7, units: lastUnits, rowsDropped: 300 * 2))
        #expect(result.n == 300 * 6)
        #expect(result.cohorts == [4, 6])
        #expect(result.estimatedEventTimes == [-5, -4, -3, -2, 0, 1, 2])
    }

    @Test("a single treated cohort without never-treated units has no control")
    func noControlCohort() throws {
        let sim = StaggeredPanelSimulation(units: 100, cohorts: [5], cohortEffects: [1], neverTreatedShare: 0, clusters: 10)
        let data = try sunAbrahamFrame(sim, seed: 1)
        #expect(throws: SunAbrahamError.noControlCohort(cohort: 5)) { try SunAbraham.estimate(Self.spec(), data: data) }
    }

    @Test("always-treated cohorts are left out and counted; cohorts after the panel are controls")
    func alwaysTreatedAndLateCohorts() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 300, clusters: 30), seed: 9)
        let recoded = try recodingCohort(data) { unit, cohort in
            unit % 10 == 0 ? 1 : (unit % 10 == 1 ? 99 : cohort)
        }
        let result = try SunAbraham.estimate(Self.spec(), data: recoded)
        #expect(result.alwaysTreatedCohorts == [1])
        #expect(result.alwaysTreatedRows == 30 * 8)
        let never = Set(
            try #require(recoded["cohort"]?.numericValues()).enumerated().compactMap { i, c in
                c == 0 || c == 99 ? i / 8 : nil
            }
        ).count
        #expect(result.control == .neverTreated(units: never))
        #expect(result.n == (300 - 30) * 8)
        #expect(result.cohorts == [4, 6, 7])
    }

    @Test("window event times without support are reported; trimmed rows are counted")
    func unsupportedEventTimes() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 300, clusters: 30), seed: 4)
        let result = try SunAbraham.estimate(Self.spec(window: -8...5, endpoints: .drop), data: data)
        #expect(result.unsupportedEventTimes == [-8, -7, 5])
        #expect(result.rowsOutsideWindow == 0)
        #expect(result.estimatedEventTimes == [-6, -5, -4, -3, -2, 0, 1, 2, 3, 4])

        let trimmed = try SunAbraham.estimate(Self.spec(window: -2...1, endpoints: .drop), data: data)
        let time = try #require(data["time"]?.numericValues())
        let cohort = try #require(data["cohort"]?.numericValues())
        let outside = zip(time, cohort).filter { $1 > 0 && !(-2...1).contains(Int($0 - $1)) }.count
        #expect(trimmed.rowsOutsideWindow == outside)
        #expect(trimmed.n == data.rowCount - outside)
        #expect(trimmed.estimatedEventTimes == [-2, 0, 1])
    }

    @Test("a cell whose outcomes are all missing is dropped and counted")
    func cellWithoutObservations() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 300, clusters: 30), seed: 6)
        let time = try #require(data["time"]?.numericValues())
        let cohort = try #require(data["cohort"]?.numericValues())
        let y = try #require(data["y"]?.numericValues())
        // Cohort 4 at period 8 (k = 4), the only cohort observed at k = 4.
        let blanked = y.indices.map { cohort[$0] == 4 && time[$0] == 8 ? Double.nan : y[$0] }
        let result = try SunAbraham.estimate(Self.spec(), data: data.replacing(doubleColumnWithMissing("y", blanked)))
        #expect(result.unsupportedCells == 1)
        #expect(result.unsupportedEventTimes == [4])
        #expect(result.warnings.isEmpty)
        #expect(result.n == data.rowCount - blanked.filter(\.isNaN).count)
        #expect(result.eventTime(4) == nil)
        #expect(result.estimatedEventTimes.last == 3)
    }

    @Test("a cell collinear with the period effects is an error naming it")
    func cellNotIdentified() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 300, clusters: 30), seed: 6)
        let time = try #require(data["time"]?.numericValues())
        let cohort = try #require(data["cohort"]?.numericValues())
        let y = try #require(data["y"]?.numericValues())
        // In period 8 only cohort 4 is observed: its k = 4 indicator equals the period-8 dummy there.
        let blanked = y.indices.map { cohort[$0] != 4 && time[$0] == 8 ? Double.nan : y[$0] }
        #expect(throws: SunAbrahamError.cellsNotIdentified(cells: [SunAbrahamCell(cohort: 4, eventTime: 4)])) {
            try SunAbraham.estimate(Self.spec(), data: data.replacing(doubleColumnWithMissing("y", blanked)))
        }
    }

    @Test("cohorts without the reference period are an error with advice")
    func referencePeriodMissing() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 200, clusters: 20), seed: 8)
        #expect(throws: SunAbrahamError.referencePeriodMissing(referencePeriod: -6, cohorts: [4, 6])) {
            try SunAbraham.estimate(Self.spec(referencePeriod: -6), data: data)
        }
        #expect(SunAbrahamError.referencePeriodMissing(referencePeriod: -6, cohorts: [4, 6]).description.contains("−2"))
    }

    @Test("a window holding only the reference period leaves no effect to estimate")
    func noEffectCells() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 100, clusters: 10), seed: 2)
        #expect(throws: SunAbrahamError.noEffectCells(referencePeriod: -1)) {
            try SunAbraham.estimate(Self.spec(window: -1...(-1), endpoints: .drop), data: data)
        }
    }

    @Test("no treated cohort inside the panel is an error")
    func noTreatedCohort() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 100, clusters: 10), seed: 2)
        let recoded = try recodingCohort(data) { _, cohort in cohort > 0 ? 1 : 0 }
        #expect(throws: SunAbrahamError.noTreatedCohort(cohort: "cohort", alwaysTreatedCohorts: [1])) {
            try SunAbraham.estimate(Self.spec(), data: recoded)
        }
    }
}
