import DataFrameModule
import Foundation
import Inference
import Testing

@testable import Estimators

/// Seeded cross-section with confounded treatment and a known effect: x1 ~ N(0,1), x2 ~ Bernoulli(0.4),
/// x3 ~ U(0,2); P(d = 1) = Λ(−0.3 + 0.8x1 − 0.5x2 + 0.4x3) (or `selection` × that index);
/// y = 1 + 2d + 0.5·d·x1 + 1.5x1 + x2 − 0.7x3 + N(0,1). True ATE = 2; ATT = 2 + 0.5 E[x1 | d = 1].
func controlGroupFrame(n: Int, seed: UInt64, selection: Double = 1) throws -> DataFrame {
    var rng = SeededGenerator(seed: seed)
    var y = [Double]()
    var d = [Int]()
    var x1 = [Double]()
    var x2 = [Int]()
    var x3 = [Double]()
    for _ in 0..<n {
        let a = rng.normal()
        let b = rng.uniform() < 0.4 ? 1 : 0
        let c = 2 * rng.uniform()
        let index = selection * (-0.3 + 0.8 * a - 0.5 * Double(b) + 0.4 * c)
        let t = rng.uniform() < 1 / (1 + exp(-index)) ? 1 : 0
        x1.append(a)
        x2.append(b)
        x3.append(c)
        d.append(t)
        y.append(1 + 2 * Double(t) + 0.5 * Double(t) * a + 1.5 * a + Double(b) - 0.7 * c + rng.normal())
    }
    return try DataFrame(columns: [
        doubleColumn("y", y), integerColumn("d", d), doubleColumn("x1", x1), integerColumn("x2", x2),
        doubleColumn("x3", x3),
    ])
}

@Suite("Control-group comparison: known truth and bad input")
struct ControlGroupComparisonTests {
    @Test func adjustedEstimatorsRecoverTheKnownEffectWhileTheRawDifferenceIsBiased() throws {
        let data = try controlGroupFrame(n: 20_000, seed: 4242)
        let comparison = try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
        let raw = comparison.differenceInMeans()
        // Confounding by x1 (raises both treatment and outcome) biases the raw difference upwards by ≈ 1.
        #expect(raw.difference > 2.5)
        let estimates = [
            try comparison.regressionAdjustment(), try comparison.inverseProbabilityWeighting(),
            try comparison.augmentedInverseProbabilityWeighting(),
        ]
        for estimate in estimates {
            // Within 4 standard errors (each SE ≈ 0.02 here) of the true ATE of 2.
            #expect(abs(estimate.effect - 2) < 4 * estimate.standardError, "\(estimate.method)")
            #expect(estimate.standardError < 0.05)
            let interval = estimate.confidenceInterval(level: 0.999)
            #expect(interval.lower < 2 && 2 < interval.upper)
        }
        // The ATT's target is the treated rows' mean effect, 2 + 0.5 · mean(x1 | d = 1).
        let x1 = try #require(data["x1"]?.numericValues())
        let treatedX1 = comparison.rows(treated: true).map { x1[$0] }
        let att = 2 + 0.5 * treatedX1.reduce(0, +) / Double(treatedX1.count)
        for estimate in [
            try comparison.regressionAdjustment(.averageTreatmentEffectOnTreated),
            try comparison.inverseProbabilityWeighting(.averageTreatmentEffectOnTreated),
        ] {
            #expect(abs(estimate.effect - att) < 4 * estimate.standardError, "\(estimate.method) ATT")
            #expect(estimate.target == .averageTreatmentEffectOnTreated)
        }
        // Weighting removes the covariate imbalance that the raw comparison suffers from.
        let balance = comparison.balance()
        #expect(balance.flaggedBefore.contains("x1"))
        #expect(balance.flaggedAfter.isEmpty)
    }

    @Test func treatmentOtherThanZeroOneIsRejected() throws {
        let data = try DataFrame(columns: [
            doubleColumn("y", [1, 2, 3, 4]), integerColumn("d", [0, 1, 2, 1]), doubleColumn("x", [1, 2, 3, 4]),
        ])
        #expect(throws: ControlGroupError.treatmentNotBinary(column: "d", values: ["2"])) {
            try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x"])
        }
    }

    @Test func anArmWithoutUnitsIsRejected() throws {
        let data = try DataFrame(columns: [
            doubleColumn("y", [1, 2, 3, 4, 5, 6]), integerColumn("d", [1, 1, 1, 1, 1, 1]),
            doubleColumn("x", [1, 2, 3, 4, 5, 7]),
        ])
        #expect(throws: ControlGroupError.armTooSmall(column: "d", arm: 0, rows: 0, needed: 3)) {
            try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x"])
        }
    }

    @Test func separatedPropensityModelSurfacesAsAPropensityError() throws {
        // x > 5 exactly when treated: complete separation, the logit has no finite estimate.
        let x: [Double] = (0..<40).map { Double($0) / 4 }
        let data = try DataFrame(columns: [
            doubleColumn("y", x.map { $0 * 0.3 + sin($0) }), integerColumn("d", x.map { $0 > 5 ? 1 : 0 }),
            doubleColumn("x", x),
        ])
        do {
            _ = try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x"])
            Issue.record("Expected a propensity-model error")
        } catch ControlGroupError.propensityModel(.separation(let finding)) {
            #expect(finding.columns.contains("x"))
            #expect(ControlGroupError.propensityModel(.separation(finding)).description.contains("common support"))
        }
    }

    @Test func extremePropensityScoresWarn() throws {
        // A five-fold stronger selection index pushes some scores beyond [0.01, 0.99] without separating.
        let data = try controlGroupFrame(n: 2_000, seed: 7, selection: 5)
        let comparison = try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
        let scores = comparison.propensityScores
        #expect(scores.contains { $0 < 0.01 || $0 > 0.99 })
        #expect(try comparison.inverseProbabilityWeighting().warnings.count == 1)
        #expect(try comparison.augmentedInverseProbabilityWeighting().warnings.count == 1)
        #expect(try comparison.regressionAdjustment().warnings.isEmpty)
    }

    @Test func collinearCovariatesAreRejected() throws {
        let base = try controlGroupFrame(n: 200, seed: 11)
        let x1 = try #require(base["x1"]?.numericValues())
        let data = try DataFrame(columns: base.columns + [doubleColumn("twice", x1.map { 2 * $0 })])
        #expect(throws: ControlGroupError.collinearCovariates(columns: ["twice"])) {
            try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x1", "twice"])
        }
    }

    @Test func covariateConstantWithinOneArmBlocksOnlyTheOutcomeRegressions() throws {
        let base = try controlGroupFrame(n: 400, seed: 13)
        let d = try #require(base["d"]?.numericValues())
        var rng = SeededGenerator(seed: 99)
        // Always 0.5 among the treated (collinear with their intercept); among controls it straddles
        // 0.5 on both sides, so it does not separate the arms and the propensity logit exists.
        let z = d.map { $0 == 1 ? 0.5 : 3 * rng.uniform() - 1 }
        let data = try DataFrame(columns: base.columns + [doubleColumn("z", z)])
        let comparison = try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x1", "z"])
        #expect(throws: ControlGroupError.armCollinear(arm: 1, columns: ["z"])) { try comparison.regressionAdjustment() }
        #expect(throws: ControlGroupError.armCollinear(arm: 1, columns: ["z"])) {
            try comparison.augmentedInverseProbabilityWeighting()
        }
        #expect(try comparison.inverseProbabilityWeighting().effect.isFinite)
    }

    @Test func rowsWithMissingValuesAreDroppedOnceForEveryEstimator() throws {
        let base = try controlGroupFrame(n: 300, seed: 17)
        var y = try #require(base["y"]?.numericValues())
        y[3] = .nan
        var x3 = try #require(base["x3"]?.numericValues())
        x3[10] = .nan
        let data = try DataFrame(columns: [
            doubleColumnWithMissing("y", y), try #require(base["d"]), try #require(base["x1"]),
            doubleColumnWithMissing("x3", x3),
        ])
        let comparison = try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x1", "x3"])
        #expect(comparison.n == 298)
        #expect(comparison.observations.droppedCount == 2)
        #expect(comparison.propensityScores.count == 298)
        #expect(try comparison.regressionAdjustment().n == 298)
    }

    @Test func propensityScoresAtZeroOrOneAreRejected() throws {
        // Overlap only around x = 50 (two crossed rows), a wide x range: the logit exists, but the
        // fitted scores at the ends are far below 1e-12, so inverse weights would be infinite.
        let x: [Double] = (0..<100).map(Double.init)
        var d = x.map { $0 > 50 ? 1 : 0 }
        d[49] = 1
        d[52] = 0
        let data = try DataFrame(columns: [
            doubleColumn("y", x.map { 0.1 * $0 + cos($0) }), integerColumn("d", d), doubleColumn("x", x),
        ])
        do {
            _ = try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x"])
            Issue.record("Expected propensity scores at the boundary to be rejected")
        } catch ControlGroupError.propensityAtBoundary(let rows, let minimum, let maximum) {
            #expect(rows > 0)
            #expect(minimum < 1e-12 || maximum > 1 - 1e-12)
        }
    }

    @Test func summaryStatesMethodTargetAssumptionsAndNumbers() throws {
        let data = try controlGroupFrame(n: 500, seed: 3)
        let comparison = try ControlGroupComparison(data: data, outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
        let estimate = try comparison.inverseProbabilityWeighting(.averageTreatmentEffectOnTreated)
        let text = estimate.summary()
        #expect(text.contains("IPW (normalized weights), ATT"))
        #expect(text.contains("unconfoundedness"))
        #expect(text.contains("500"))
        #expect(text.contains(StatisticsText.number(estimate.effect)))
        #expect(text.contains(StatisticsText.number(estimate.treatedMeanStandardError)))
    }

    @Test func textTreatmentIsRejectedAndBooleanTreatmentIsAccepted() throws {
        let base = try controlGroupFrame(n: 300, seed: 23)
        let d = try #require(base["d"]?.numericValues())
        let text = try DataFrame(columns: base.columns + [categoricalColumn("group", d.map { $0 == 1 ? "yes" : "no" })])
        #expect(throws: ControlGroupError.treatmentNotBinary(column: "group", values: ["no", "yes"])) {
            try ControlGroupComparison(data: text, outcome: "y", treatment: "group", covariates: ["x1"])
        }
        let flags = Column(
            name: "flag", values: .bool(d.map { $0 == 1 }, missing: [Bool](repeating: false, count: d.count)))
        let boolean = try DataFrame(columns: base.columns + [flags])
        let byFlag = try ControlGroupComparison(data: boolean, outcome: "y", treatment: "flag", covariates: ["x1"])
        let byCode = try ControlGroupComparison(data: base, outcome: "y", treatment: "d", covariates: ["x1"])
        #expect(byFlag.treated == byCode.treated)
        #expect(try byFlag.augmentedInverseProbabilityWeighting().effect == byCode.augmentedInverseProbabilityWeighting().effect)
    }
}
