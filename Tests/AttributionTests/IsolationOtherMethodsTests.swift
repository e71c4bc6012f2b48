import DataFrameModule
import Estimators
import Foundation
import Inference
import Testing

@testable import Attribution

@Suite("Isolation: control group and trend projection")
struct IsolationOtherMethodsTests {
    /// n people; P(trained) = logistic(0.8·x); y = 1 + x + 2·d + ε: the effect on the trained is 2.
    static func crossSection(n: Int = 400, seed: UInt64 = 31) throws -> DataFrame {
        try IsolationFixture.crossSection(n: n, seed: seed, propensityIntercept: 0)
    }

    @Test("IPW and regression adjustment recover the ATT; the stratified refit bootstrap is seeded")
    func controlGroup() throws {
        let data = try Self.crossSection()
        for method in [ControlGroupMethod.inverseProbabilityWeighting, .regressionAdjustment] {
            let isolation = IsolationControlGroup(
                method: method, data: data, outcome: "y", treatment: "trained", covariates: ["x"])
            let analytic = try isolation.isolate(bootstrap: nil)
            #expect(abs(analytic.effect - 2) < 4 * analytic.standardError)
            #expect(isolation.label.contains("ATT"))
            let one = try isolation.isolate(bootstrap: .init(replicates: 59, seed: 3, threads: 1))
            let two = try isolation.isolate(bootstrap: .init(replicates: 59, seed: 3, threads: 2))
            #expect(one == two)
            #expect(one.replicates?.failed == 0)
            #expect(abs(one.standardError / analytic.standardError - 1) < 0.5)
        }
    }

    @Test("trend projection: mean post effect β2 + β3·mean(t − T0) by hand")
    func trendProjection() throws {
        // Pre: y = 1 + 0.5 t (t = 1…6); post: + 3 + 1·(t − 7) (t = 7…12): effect 3 + 1·2.5 = 5.5.
        let time = (1...12).map(Double.init)
        let y = time.map { 1 + 0.5 * $0 + ($0 >= 7 ? 3 + ($0 - 7) : 0) }
        let method = IsolationInterruptedTimeSeries(
            time: time, outcome: y, specification: .init(interruption: 7), kpi: "errors")
        let estimate = try method.isolate(bootstrap: nil)
        #expect(abs(estimate.effect - 5.5) < 1e-9)
        #expect(estimate.replicates == nil)
        // The adapter now has a block residual bootstrap; an exact line has zero residuals, so every
        // replicate refits the same line (see IsolationInterruptedTimeSeriesTests for the bootstrap).
        #expect(method.providesReplicates)
        let boot = try method.isolate(bootstrap: .init(replicates: 19, seed: 1))
        #expect(boot.replicates?.statistic(0).allSatisfy { abs($0 - 5.5) < 1e-9 } == true)
    }

    @Test("too short a series is the estimator's typed error")
    func shortSeries() {
        let method = IsolationInterruptedTimeSeries(
            time: [1, 2, 3, 4], outcome: [1, 2, 3, 4], specification: .init(interruption: 3), kpi: "errors")
        #expect(throws: InterruptedTimeSeriesError.self) { try method.isolate(bootstrap: nil) }
    }
}
