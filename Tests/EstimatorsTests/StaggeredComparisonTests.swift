import DataFrameModule
import Foundation
import Testing

@testable import Estimators

@Suite("TWFE, Callaway–Sant'Anna, Sun–Abraham and imputation side by side")
struct StaggeredComparisonTests {
    static func data() throws -> DataFrame {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try DataFrame.readCSV(path: root.appendingPathComponent("datasets/reference/data/sunab_staggered.csv").path)
    }

    static let spec = StaggeredComparisonSpecification(
        outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team", window: -3...3)

    @Test("each row is the estimator run on its own")
    func rowsMatchEstimators() throws {
        let frame = try Self.data()
        let comparison = StaggeredComparison.run(Self.spec, data: frame)
        #expect(comparison.rows.map(\.estimator) == StaggeredEstimator.allCases)
        #expect(comparison.rows.allSatisfy { $0.failure == nil })

        let study = try EventStudy.estimate(
            EventStudySpecification(
                outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team", leads: 3, lags: 3),
            data: frame)
        let twfe = try #require(comparison.row(.twoWayFixedEffects))
        #expect(twfe.series.map(\.estimate) == study.eventTimes.map(\.estimate))
        #expect(twfe.series.map(\.eventTime) == Array(-3...3))

        let panel = try StaggeredPanel(data: frame, outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team")
        let cs = try CallawaySantAnna.estimate(panel)
        #expect(comparison.row(.callawaySantAnna)?.overall?.estimate == cs.aggregate(.simple).overall)
        #expect(comparison.row(.callawaySantAnna)?.series.map(\.eventTime) == Array(-3...3))

        let sa = try SunAbraham.estimate(
            SunAbrahamSpecification(outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team"), data: frame)
        let saRow = try #require(comparison.row(.sunAbraham))
        #expect(saRow.overall?.estimate == sa.att?.estimate)
        #expect(saRow.series.first { $0.eventTime == -1 }?.standardError == nil)
        #expect(saRow.series.allSatisfy { (-3...3).contains($0.eventTime) })

        let bjs = try ImputationEstimator.estimate(
            .init(outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team"), data: frame)
        let bjsRow = try #require(comparison.row(.imputation))
        #expect(bjsRow.overall?.estimate == bjs.overall.estimate)
        #expect(bjsRow.series.map(\.eventTime) == Array(0...3))
    }

    @Test("the static TWFE coefficient is the regression on the post-treatment indicator")
    func staticCoefficient() throws {
        let frame = try Self.data()
        let row = try #require(StaggeredComparison.run(Self.spec, data: frame, estimators: [.twoWayFixedEffects]).rows.first)
        let cohort = try frame.column(named: "cohort").numericValues()!
        let time = try frame.column(named: "time").numericValues()!
        let d = (0..<frame.rowCount).map { cohort[$0] > 0 && time[$0] >= cohort[$0] ? 1.0 : 0.0 }
        let fit = try LinearRegression.fit(
            "y ~ d | unit + time", data: frame.adding(Column(name: "d", values: .double(d, missing: d.map { _ in false }))),
            covariance: .clustered(by: ["team"], correction: .stata))
        #expect(abs((row.overall?.estimate ?? .nan) - fit.coefficient("d")!) < 1e-12)
    }

    @Test("an estimator that cannot run is reported with its error; the others still run")
    func failureIsReported() throws {
        // Drop the never-treated units: Callaway–Sant'Anna with never-treated controls cannot run.
        let frame = try Self.data()
        let cohort = try frame.column(named: "cohort").numericValues()!
        let treated = frame.filtered { cohort[$0] > 0 }
        let comparison = StaggeredComparison.run(Self.spec, data: treated)
        let cs = try #require(comparison.row(.callawaySantAnna))
        #expect(cs.overall == nil && cs.failure != nil)
        #expect(comparison.row(.twoWayFixedEffects)?.failure == nil)
    }
}
