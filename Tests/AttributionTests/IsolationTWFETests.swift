import DataFrameModule
import Estimators
import Testing

@testable import Attribution

@Suite("Isolation: two-way fixed effects")
struct IsolationTWFETests {
    @Test("recovers the effect of a single cohort; fast cluster bootstrap is seeded and thread-invariant")
    func singleCohort() throws {
        let sample = IsolationFixture.singleCohort.sample(seed: 3)
        let frame = try IsolationFixture.frame(sample)
        let method = IsolationTWFE(outcome: "y", treatment: "d", unit: "unit", time: "time", cluster: "team", data: frame)
        let analytic = try method.isolate(bootstrap: nil)
        #expect(abs(analytic.effect - 2) < 4 * analytic.standardError)
        #expect(analytic.inference.contains("team"))
        let one = try method.isolate(bootstrap: .init(replicates: 299, seed: 5, threads: 1))
        let two = try method.isolate(bootstrap: .init(replicates: 299, seed: 5, threads: 2))
        #expect(one == two)
        #expect(one.effect == analytic.effect)
        #expect(one.lower < 2 && one.upper > 2)
        // Bootstrap and CR1 standard errors estimate the same quantity; 299 replicates agree within a third.
        #expect(abs(one.standardError / analytic.standardError - 1) < 0.33)
    }

    @Test("a missing treatment column is an estimation error")
    func missingColumn() throws {
        let frame = try IsolationFixture.frame(IsolationFixture.singleCohort.sample(seed: 3))
        let method = IsolationTWFE(outcome: "y", treatment: "dd", unit: "unit", time: "time", cluster: "team", data: frame)
        #expect(throws: (any Error).self) { try method.isolate(bootstrap: nil) }
    }
}
