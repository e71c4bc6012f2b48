import Inference
import Testing

@testable import Attribution

@Suite("Isolation estimate from replicates")
struct IsolationEstimateTests {
    static func replicates(_ values: [Double], failed: Int) -> BootstrapReplicates {
        BootstrapReplicates(
            replicates: values.count, statisticCount: 1, values: values, failed: failed, seed: 4, scheme: "test")
    }

    @Test("failed replicates are counted in a note and left out of the SE and interval")
    func failedCounted() throws {
        let estimate = try IsolationEstimate.fromReplicates(
            method: "m", kpi: "k", effect: 2, replicates: Self.replicates([1, .nan, 3], failed: 1), level: 0.9)
        // SD of {1, 3} with divisor 1.
        #expect(abs(estimate.standardError - 2.0.squareRoot()) < 1e-12)
        #expect(estimate.notes == ["1 of 3 bootstrap replicates failed and are left out of the interval."])
        #expect(estimate.inference == "percentile of 2 test replicates, seed 4")
        #expect(estimate.lower >= 1 && estimate.upper <= 3)
    }

    @Test("fewer than two successful replicates is a typed error")
    func tooFew() {
        #expect(throws: IsolationError.bootstrapFailed(method: "m", failed: 2, of: 3)) {
            try IsolationEstimate.fromReplicates(
                method: "m", kpi: "k", effect: 2, replicates: Self.replicates([.nan, 1, .nan], failed: 2), level: 0.95)
        }
        #expect(IsolationError.bootstrapFailed(method: "m", failed: 2, of: 3).description.contains("2 of 3"))
    }
}
