import Estimators
import Foundation
import Inference
import Testing

@testable import Attribution

@Suite("Isolation: comparative trend projection with the joint block residual bootstrap")
struct IsolationComparativeInterruptedTimeSeriesTests {
    /// Two series over T periods sharing a common AR(1) shock c_t (ρ = 0.5) plus their own AR(1)
    /// noise: comparison 8 + 0.1 t + c_t + u_t, treated 10 + 0.2 t + 3·1{t ≥ T0} + c_t + v_t. The
    /// treated series' level change beyond the comparison's is 3.
    static func series(periods: Int = 120, interruption: Int = 61, seed: UInt64 = 14)
        -> (time: [Double], treated: [Double], comparison: [Double])
    {
        var stream = RandomStream(seed: seed, stream: 0)
        func normal() -> Double {
            (-2 * log(stream.nextUniform())).squareRoot() * cos(2 * Double.pi * stream.nextUniform())
        }
        let rho = 0.5
        let start = 1 / (1 - rho * rho).squareRoot()
        var (c, u, v) = (normal() * start, normal() * start, normal() * start)
        var treated: [Double] = []
        var comparison: [Double] = []
        for t in 1...periods {
            if t > 1 {
                c = rho * c + normal()
                u = rho * u + normal()
                v = rho * v + normal()
            }
            comparison.append(8 + 0.1 * Double(t) + c + u)
            treated.append(10 + 0.2 * Double(t) + (t >= interruption ? 3 : 0) + c + v)
        }
        return ((1...periods).map(Double.init), treated, comparison)
    }

    @Test("the replicate SD is near the Driscoll–Kraay SE; the interval covers the truth; seeded")
    func autocorrelatedSeries() throws {
        let (time, treated, comparison) = Self.series()
        let method = IsolationComparativeInterruptedTimeSeries(
            time: time, outcome: treated, comparison: comparison, specification: .init(interruption: 61), kpi: "sales")
        let analytic = try method.isolate(bootstrap: nil)
        let boot = try method.isolate(bootstrap: .init(replicates: 999, seed: 2))
        #expect(boot.effect == analytic.effect)
        #expect(abs(analytic.effect - 3) < 4 * analytic.standardError)
        #expect(boot.lower < 3 && 3 < boot.upper)
        #expect(boot.replicates?.failed == 0)
        #expect(method.providesReplicates)
        // Stated tolerance, as for the single series: within a factor of 1.5 either way.
        let ratio = boot.standardError / analytic.standardError
        #expect(ratio > 1 / 1.5 && ratio < 1.5, "bootstrap SE / Driscoll–Kraay SE = \(ratio)")
        let short = try method.isolate(bootstrap: .init(replicates: 49, seed: 2, threads: 1))
        #expect(short.replicates?.values == Array(try #require(boot.replicates).values.prefix(49)))
    }

    @Test("a replicate refits both series with the same resampled periods")
    func replicateIsAJointRefit() throws {
        let (time, treated, comparison) = Self.series(periods: 30, interruption: 16)
        let method = IsolationComparativeInterruptedTimeSeries(
            time: time, outcome: treated, comparison: comparison, specification: .init(interruption: 16), kpi: "sales",
            blockLength: 3)
        let fit = try InterruptedTimeSeries.fitComparative(
            time: time, outcome: treated, comparison: comparison, specification: method.specification)
        let replicates = try method.blockResidualBootstrap(fit, replicates: 2, seed: 6)
        let draw = ResamplingPlan.movingBlock(length: 30, blockLength: 3).indices(forReplicate: 1, seed: 6)
        let e = fit.residuals
        let control = (0..<30).map { comparison[$0] - e[$0] + e[draw[$0]] }
        let trained = (0..<30).map { treated[$0] - e[30 + $0] + e[30 + draw[$0]] }
        let refit = try InterruptedTimeSeries.fitComparative(
            time: time, outcome: trained, comparison: control, specification: method.specification)
        let expected = refit.levelChange.estimate + refit.slopeChange.estimate * 7  // mean of 0…14
        #expect(abs(replicates.values[1] - expected) < 1e-10)
    }

    @Test("fewer than two blocks is a typed error")
    func tooFewBlocks() throws {
        let (time, treated, comparison) = Self.series(periods: 8, interruption: 5)
        let method = IsolationComparativeInterruptedTimeSeries(
            time: time, outcome: treated, comparison: comparison, specification: .init(interruption: 5), kpi: "sales",
            blockLength: 5)
        #expect(throws: IsolationError.tooFewBlocks(periods: 8, blockLength: 5)) {
            try method.isolate(bootstrap: .init(seed: 1))
        }
    }
}
