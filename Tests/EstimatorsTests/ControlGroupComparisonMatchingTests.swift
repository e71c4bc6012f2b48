import DataFrameModule
import Foundation
import Inference
import Testing

@testable import Estimators

/// Matching on simulated data with known truth, the typed errors, and balance from arbitrary weights.
@Suite("Nearest-neighbour matching: known truth, errors, weighted balance")
struct ControlGroupComparisonMatchingTests {
    /// `P(D = 1) = Λ(−2 + x1 + 0.5 x2)` (about one in five treated, so 1:1 matching without replacement finds close controls), `y = 1 + (2 + x1) D + 2 x1 + x2 + ε`: x1 confounds (it raises
    /// both treatment and outcome), and the effect `τᵢ = 2 + x1ᵢ` varies, so the ATT (≈ 2 + E[x1 | D = 1])
    /// differs from the ATE (2). Returns the frame and `τᵢ` per row.
    func simulated(n: Int, seed: UInt64) throws -> (DataFrame, [Double]) {
        var rng = SeededGenerator(seed: seed)
        var x1 = [Double]()
        var x2 = [Double]()
        var d = [Int]()
        var y = [Double]()
        var tau = [Double]()
        for _ in 0..<n {
            let a = rng.normal()
            let b = rng.uniform() < 0.5 ? 1.0 : 0.0
            let p = 1 / (1 + exp(-(-2 + a + 0.5 * b)))
            let treated = rng.uniform() < p ? 1 : 0
            x1.append(a)
            x2.append(b)
            d.append(treated)
            tau.append(2 + a)
            y.append(1 + (2 + a) * Double(treated) + 2 * a + b + rng.normal())
        }
        let frame = try DataFrame(columns: [
            doubleColumn("y", y), integerColumn("d", d), doubleColumn("x1", x1), doubleColumn("x2", x2),
        ])
        return (frame, tau)
    }

    @Test(arguments: [
        NearestNeighbourMatchingSpecification(caliper: 0.2, distance: .linearPropensityScore),
        NearestNeighbourMatchingSpecification(ratio: 3, replacement: true, caliper: 0.2),
    ])
    func recoversTheATTOfTheMatchedTreated(specification: NearestNeighbourMatchingSpecification) throws {
        let (frame, tau) = try simulated(n: 4000, seed: 20_261_123)
        let comparison = try ControlGroupComparison(data: frame, outcome: "y", treatment: "d", covariates: ["x1", "x2"])
        let result = try comparison.nearestNeighbourMatching(specification)
        // The estimand after the caliper: the mean effect over the matched treated.
        let truth = result.matchedSets.reduce(0) { $0 + tau[$1.treatedRow] } / Double(result.matchedTreatedCount)
        #expect(truth - 2 > 0.5, "The ATT differs from the ATE (2): the test can tell the targets apart")
        // 4 SE: matching without bias correction keeps a small residual imbalance (observed |SMD| ≤ 0.05 on
        // x1, whose outcome slope is 2, i.e. a bias near 0.1; Abadie & Imbens 2011). Observed: 2.3 SE (1:1),
        // 0.5 SE (1:3 with replacement).
        #expect(abs(result.effect - truth) < 4 * result.standardError, "ATT \(result.effect) vs \(truth)")
        #expect(result.standardError > 0.02 && result.standardError < 0.2)
        // The naive difference is far off (confounding by x1), and the table sees it.
        let naive = comparison.differenceInMeans().difference
        #expect(abs(naive - truth) > 1)
        #expect(result.balance.flaggedBefore.contains("x1"))
        #expect(result.balance.after.allSatisfy { abs($0.standardizedMeanDifference) < 0.1 })
        #expect(result.matchedTreatedCount + result.unmatchedTreatedCount == comparison.treatedCount)
        #expect(result.weights.enumerated().allSatisfy { i, w in comparison.treated[i] ? (w == 0 || w == 1) : w >= 0 })
        let ci = result.confidenceInterval()
        #expect(ci.lower < result.effect && result.effect < ci.upper)
        #expect(result.covarianceLabel.contains(specification.replacement ? "HC1" : "matched_set"))
    }

    @Test func aCaliperThatAdmitsNobodyThrows() throws {
        let (frame, _) = try simulated(n: 300, seed: 7)
        let comparison = try ControlGroupComparison(data: frame, outcome: "y", treatment: "d", covariates: ["x1"])
        #expect(throws: NearestNeighbourMatchingError.self) {
            try comparison.nearestNeighbourMatching(.init(caliper: 1e-12))
        }
        let message = NearestNeighbourMatchingError.noMatches(treated: 5, caliperWidth: 0.01).description
        #expect(message.contains("Widen the caliper"))
    }

    @Test(arguments: [false, true])
    func aSingleMatchedSetThrows(replacement: Bool) throws {
        let (frame, _) = try simulated(n: 300, seed: 7)
        let comparison = try ControlGroupComparison(data: frame, outcome: "y", treatment: "d", covariates: ["x1"])
        // A caliper between the two smallest nearest-control gaps admits exactly one treated unit.
        let distance = comparison.matchingDistance(.propensityScore)
        let controls = comparison.treated.indices.filter { !comparison.treated[$0] }
        let gaps = comparison.treated.indices.filter { comparison.treated[$0] }
            .map { t in controls.map { abs(distance[t] - distance[$0]) }.min()! }.sorted()
        try #require(gaps[0] < gaps[1])
        let mean = distance.reduce(0, +) / Double(distance.count)
        let sd = (distance.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(distance.count - 1)).squareRoot()
        let specification = NearestNeighbourMatchingSpecification(
            replacement: replacement, caliper: (gaps[0] + gaps[1]) / 2 / sd)
        #expect(throws: NearestNeighbourMatchingError.tooFewMatchedSets(sets: 1)) {
            try comparison.nearestNeighbourMatching(specification)
        }
    }

    @Test func droppedTreatedAreCountedAndReported() throws {
        let (frame, _) = try simulated(n: 600, seed: 11)
        let comparison = try ControlGroupComparison(data: frame, outcome: "y", treatment: "d", covariates: ["x1", "x2"])
        let result = try comparison.nearestNeighbourMatching(.init(caliper: 0.01))
        #expect(result.unmatchedTreatedCount > 0)
        #expect(result.unmatchedTreatedRows.allSatisfy { comparison.treated[$0] && result.weights[$0] == 0 })
        #expect(result.warnings.first?.contains("\(result.unmatchedTreatedCount) of \(comparison.treatedCount)") == true)
        #expect(result.matchedControlCount == result.matchedTreatedCount)  // 1:1 without replacement
    }

    @Test func unitWeightsLeaveBalanceUnchanged() throws {
        let (frame, _) = try simulated(n: 300, seed: 3)
        let comparison = try ControlGroupComparison(data: frame, outcome: "y", treatment: "d", covariates: ["x1", "x2"])
        let table = comparison.balance(weights: [Double](repeating: 1, count: comparison.n), target: .averageTreatmentEffect)
        #expect(table.after == table.before)
        #expect(table.effectiveSampleSize.treated == Double(comparison.treatedCount))
        #expect(table.effectiveSampleSize.control == Double(comparison.controlCount))
        #expect(table.adjustment == .weights(label: "user-supplied weights"))
        // The IPW path now goes through the same weights entry point and says so.
        #expect(
            comparison.balance(.averageTreatmentEffectOnTreated).adjustment
                == .inverseProbabilityWeighting(.averageTreatmentEffectOnTreated))
    }
}

@Suite("Nearest-neighbour matching summary")
struct NearestNeighbourMatchingSummaryTests {
    @Test func summaryStatesChoicesCountsAndBalance() throws {
        let reference = try MatchingReference.load()
        let comparison = try ControlGroupComparison(
            data: reference.frame(), outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
        let result = try comparison.nearestNeighbourMatching(.init(caliper: 0.05))
        let text = result.summary()
        #expect(text.contains("1:1 nearest-neighbour matching on the propensity score without replacement, caliper 0.05 SD"))
        #expect(text.contains("22 of 42 treated (20 dropped: \(result.unmatchedOutsideCaliper) without a control"))
        #expect(text.contains("equal distances go to the lowest row"))
        #expect(text.contains("Caliper:      0.05 SD of the distance"))
        #expect(text.contains("Clustered"))
        #expect(text.contains(StatisticsText.number(result.effect)))
        for variable in ["x1", "x2", "x3"] { #expect(text.contains(variable)) }
        #expect(text.contains("Warning: 20 of 42 treated units found no control"))
    }
}
