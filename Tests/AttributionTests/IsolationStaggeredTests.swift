import DataFrameModule
import Estimators
import Testing

@testable import Attribution

@Suite("Isolation: heterogeneity-robust staggered designs")
struct IsolationStaggeredTests {
    @Test("Callaway–Sant'Anna recovers the true simple ATT; multiplier replicates are thread-invariant")
    func callawaySantAnna() throws {
        let sample = IsolationFixture.staggered.sample(seed: 11)
        let method = IsolationCallawaySantAnna(panel: sample.panel(clusteredByTeam: true), kpi: "y")
        let truth = sample.trueSimpleATT
        let analytic = try method.isolate(bootstrap: nil)
        #expect(abs(analytic.effect - truth) < 4 * analytic.standardError)
        let one = try method.isolate(bootstrap: .init(replicates: 499, seed: 9, threads: 1))
        let two = try method.isolate(bootstrap: .init(replicates: 499, seed: 9, threads: 2))
        #expect(one == two)
        #expect(one.effect == analytic.effect)
        #expect(one.lower < truth && one.upper > truth)
        #expect(abs(one.standardError / analytic.standardError - 1) < 0.25)
        #expect(one.inference.contains("multiplier"))
    }

    @Test("Sun–Abraham recovers the true ATT; the refit cluster bootstrap is seeded")
    func sunAbraham() throws {
        let sample = IsolationFixture.staggered.sample(seed: 12)
        let frame = try IsolationFixture.frame(sample)
        let spec = SunAbrahamSpecification(outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team")
        let method = IsolationSunAbraham(specification: spec, data: frame)
        let truth = sample.trueSimpleATT
        let analytic = try method.isolate(bootstrap: nil)
        #expect(abs(analytic.effect - truth) < 4 * analytic.standardError)
        let one = try method.isolate(bootstrap: .init(replicates: 39, seed: 4, threads: 1))
        let two = try method.isolate(bootstrap: .init(replicates: 39, seed: 4, threads: 2))
        #expect(one == two)
        #expect(one.replicates?.failed == 0)
        #expect(abs(one.standardError / analytic.standardError - 1) < 0.5)
    }

    @Test("imputation recovers the true ATT; the refit cluster bootstrap is seeded")
    func imputation() throws {
        let sample = IsolationFixture.staggered.sample(seed: 13)
        let frame = try IsolationFixture.frame(sample)
        let spec = ImputationEstimator.Specification(
            outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team")
        let method = IsolationImputation(specification: spec, data: frame)
        let truth = sample.trueSimpleATT
        let analytic = try method.isolate(bootstrap: nil)
        #expect(abs(analytic.effect - truth) < 4 * analytic.standardError)
        let one = try method.isolate(bootstrap: .init(replicates: 39, seed: 4, threads: 2))
        #expect(one.replicates?.failed == 0)
        #expect(one.effect == analytic.effect)
        #expect(abs(one.standardError / analytic.standardError - 1) < 0.6)
    }

    @Test("the resampled frame duplicates clusters with new unit and cluster ids")
    func resampledFrame() throws {
        let frame = try IsolationDiD2x2Tests.handFrame()
        let resample = try IsolationClusterResample(data: frame, unit: "unit", cluster: "team")
        #expect(resample.clusterCount == 2)
        // Team 1 (units 1 and 3) twice, team 2 never: 8 rows, four distinct units, two clusters.
        let drawn = try resample.frame(frequencies: [2, 0])
        #expect(drawn.rowCount == 8)
        let units = try drawn.column(named: "unit").numericValues()!
        let teams = try drawn.column(named: "team").numericValues()!
        #expect(Set(units).count == 4)
        #expect(Set(teams) == [0, 1])
        #expect(try drawn.column(named: "sales").numericValues()! == [10, 15, 8, 9, 10, 15, 8, 9])
    }
}
