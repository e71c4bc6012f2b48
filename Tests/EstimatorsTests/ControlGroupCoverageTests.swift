import Testing

@testable import Estimators

/// The stacked-moment standard errors checked without statsmodels: over seeded replications of the
/// confounded design (`controlGroupFrame`, true ATE 2), the nominal 95 % intervals must cover the
/// truth about 95 % of the time.
@Suite("Control-group comparison: interval coverage")
struct ControlGroupCoverageTests {
    @Test func ninetyFivePercentIntervalsCoverTheTrueATE() throws {
        let replications = 300
        var covered = [ControlGroupMethod: Int]()
        for replication in 0..<replications {
            let data = try controlGroupFrame(n: 500, seed: 10_000 + UInt64(replication))
            let comparison = try ControlGroupComparison(
                data: data, outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
            for estimate in [
                try comparison.regressionAdjustment(), try comparison.inverseProbabilityWeighting(),
                try comparison.augmentedInverseProbabilityWeighting(),
            ] {
                let interval = estimate.confidenceInterval(level: 0.95)
                if interval.lower <= 2 && 2 <= interval.upper { covered[estimate.method, default: 0] += 1 }
            }
        }
        // Binomial SD of the coverage share at 0.95 with 300 draws ≈ 0.0126; the bounds are ≈ 3.5 SD wide.
        for method in [ControlGroupMethod.regressionAdjustment, .inverseProbabilityWeighting, .augmentedInverseProbabilityWeighting] {
            let share = Double(covered[method, default: 0]) / Double(replications)
            #expect(share > 0.905 && share < 0.99, "\(method) coverage \(share)")
        }
    }
}
