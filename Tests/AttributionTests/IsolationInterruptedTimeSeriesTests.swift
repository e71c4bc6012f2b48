import Estimators
import Foundation
import Inference
import Testing

@testable import Attribution

@Suite("Isolation: trend projection with the moving-block residual bootstrap")
struct IsolationInterruptedTimeSeriesTests {
    /// T periods, y_t = 10 + 0.2 t + 3·1{t ≥ T0} + u_t with AR(1) errors u_t = ρ u_{t−1} + ε_t, ε ~ N(0, 1),
    /// started from the stationary distribution: a level change of 3 and no slope change.
    static func series(periods: Int = 120, interruption: Int = 61, rho: Double = 0.5, seed: UInt64 = 9)
        -> (time: [Double], outcome: [Double])
    {
        var stream = RandomStream(seed: seed, stream: 0)
        func normal() -> Double {
            (-2 * log(stream.nextUniform())).squareRoot() * cos(2 * Double.pi * stream.nextUniform())
        }
        var u = normal() / (1 - rho * rho).squareRoot()
        var y: [Double] = []
        for t in 1...periods {
            if t > 1 { u = rho * u + normal() }
            y.append(10 + 0.2 * Double(t) + (t >= interruption ? 3 : 0) + u)
        }
        return ((1...periods).map(Double.init), y)
    }

    @Test("the replicate SD is near the Newey–West SE on an AR(1) series; the interval covers the truth")
    func autocorrelatedSeries() throws {
        let (time, y) = Self.series()
        let method = IsolationInterruptedTimeSeries(
            time: time, outcome: y, specification: .init(interruption: 61), kpi: "sales")
        let analytic = try method.isolate(bootstrap: nil)
        let boot = try method.isolate(bootstrap: .init(replicates: 999, seed: 21))
        #expect(boot.effect == analytic.effect)
        #expect(abs(analytic.effect - 3) < 4 * analytic.standardError)
        #expect(boot.lower < 3 && 3 < boot.upper)
        let replicates = try #require(boot.replicates)
        #expect(replicates.failed == 0)
        #expect(replicates.scheme.contains("block length 5"))  // ⌈120^{1/3}⌉ = 5
        // Both estimate the long-run variance with few lags or short blocks, so they agree only
        // roughly: within a factor of 1.5 either way (stated tolerance).
        let ratio = boot.standardError / analytic.standardError
        #expect(ratio > 1 / 1.5 && ratio < 1.5, "bootstrap SE / Newey–West SE = \(ratio)")
    }

    @Test("a replicate is the refit of fitted values plus the plan's resampled residual blocks")
    func replicateIsARefit() throws {
        let (time, y) = Self.series(periods: 40, interruption: 21)
        let method = IsolationInterruptedTimeSeries(
            time: time, outcome: y, specification: .init(interruption: 21), kpi: "sales", blockLength: 4)
        let fit = try InterruptedTimeSeries.fit(time: time, outcome: y, specification: method.specification)
        let replicates = try method.blockResidualBootstrap(fit, replicates: 3, seed: 8)
        let draw = ResamplingPlan.movingBlock(length: 40, blockLength: 4).indices(forReplicate: 2, seed: 8)
        let ystar = (0..<40).map { fit.outcomes[$0] - fit.residuals[$0] + fit.residuals[draw[$0]] }
        let refit = try InterruptedTimeSeries.fit(time: time, outcome: ystar, specification: method.specification)
        let expected = refit.levelChange.estimate + refit.slopeChange.estimate * 9.5  // mean of 0…19
        #expect(abs(replicates.values[2] - expected) < 1e-10)
    }

    @Test("replicates depend only on (seed, r), not on the thread count or the number of replicates")
    func determinism() throws {
        let (time, y) = Self.series(periods: 60, interruption: 31)
        let method = IsolationInterruptedTimeSeries(
            time: time, outcome: y, specification: .init(interruption: 31), kpi: "sales")
        let one = try method.isolate(bootstrap: .init(replicates: 199, seed: 4, threads: 1))
        let two = try method.isolate(bootstrap: .init(replicates: 199, seed: 4, threads: 2))
        #expect(one == two)
        let short = try method.isolate(bootstrap: .init(replicates: 49, seed: 4))
        #expect(short.replicates?.values == Array(one.replicates!.values.prefix(49)))
    }

    @Test("default block length is ⌈T^{1/3}⌉ in integers")
    func defaultBlockLength() {
        #expect(IsolationInterruptedTimeSeries.defaultBlockLength(periods: 8) == 2)
        #expect(IsolationInterruptedTimeSeries.defaultBlockLength(periods: 9) == 3)
        #expect(IsolationInterruptedTimeSeries.defaultBlockLength(periods: 27) == 3)
        #expect(IsolationInterruptedTimeSeries.defaultBlockLength(periods: 120) == 5)
    }

    @Test("fewer than two blocks is a typed error with advice")
    func tooFewBlocks() throws {
        let (time, y) = Self.series(periods: 9, interruption: 5)
        let method = IsolationInterruptedTimeSeries(
            time: time, outcome: y, specification: .init(interruption: 5), kpi: "sales", blockLength: 5)
        #expect(throws: IsolationError.tooFewBlocks(periods: 9, blockLength: 5)) {
            try method.isolate(bootstrap: .init(seed: 1))
        }
        #expect(IsolationError.tooFewBlocks(periods: 9, blockLength: 5).description.contains("at most 4"))
        // The analytic path needs no blocks.
        #expect(throws: Never.self) { try method.isolate(bootstrap: nil) }
    }
}
