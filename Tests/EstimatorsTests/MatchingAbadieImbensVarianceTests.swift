import DataFrameModule
import Foundation
import Inference
import Testing

@testable import Estimators

/// `datasets/reference/matching_ai.json`, written by `scripts/reference/matching_ai_reference.py`
/// (an independent brute-force numpy computation of the Abadie–Imbens variance on
/// `datasets/reference/data/matching_small.csv` and its tie-free copy `matching_ai_untied.csv`, the
/// latter also checked there against R Matching 4.10-8 `Match(…, Var.calc = 1, sample = FALSE | TRUE)`).
struct MatchingAIReference: Decodable {
    struct Case: Decodable {
        let data: String
        let specification: MatchingReference.Specification
        let neighbours: Int
        let matchedSets: [MatchingReference.MatchedSetValue]
        let att: Double
        let matchUse: [Double]
        let conditionalVariance: [Double]
        let sampleVariance: Double
        let populationVariance: Double
        let contributions: [Double]
        let partiallyMatched: Int
        let maxMatchUse: Double

        enum CodingKeys: String, CodingKey {
            case data, specification, neighbours, att, contributions
            case matchedSets = "matched_sets"
            case matchUse = "match_use"
            case conditionalVariance = "conditional_variance"
            case sampleVariance = "sample_variance"
            case populationVariance = "population_variance"
            case partiallyMatched = "partially_matched"
            case maxMatchUse = "max_match_use"
        }
    }
    /// R Matching's `Match(…, sample = FALSE | TRUE)` on the tie-free copy.
    struct RMatching: Decodable {
        let toolVersion: String
        let att: Double
        let populationSE: Double
        let sampleSE: Double
        let agrees: Bool

        enum CodingKeys: String, CodingKey {
            case att, agrees
            case toolVersion = "tool_version"
            case populationSE = "population_se"
            case sampleSE = "sample_se"
        }
    }
    let cases: [String: Case]
    let rMatching: RMatching

    enum CodingKeys: String, CodingKey {
        case cases
        case rMatching = "r_matching_crosscheck"
    }

    static func load() throws -> MatchingAIReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/matching_ai.json")
        return try JSONDecoder().decode(MatchingAIReference.self, from: Data(contentsOf: url))
    }
}

/// The Abadie–Imbens variance against the numpy reference (1e-8 relative: the propensity logit agrees
/// with statsmodels to ~1e-10 and every matching decision in the fixture, within-arm ones included, is
/// separated from its alternative by at least 4.7e-6), and its algebra on simulated data.
/// `|a − b| ≤ tolerance·|b|`.
private func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * abs(b)
}

@Suite("Abadie–Imbens variance of the matching ATT")
struct MatchingAbadieImbensVarianceTests {
    static func comparison(_ data: String) throws -> ControlGroupComparison {
        let frame = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(data).path)
        return try ControlGroupComparison(data: frame, outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
    }

    @Test(arguments: ["nn1_score_J1", "nn3_logit_J1", "nn3_score_caliper_J2", "untied_nn1_score_J1"])
    func agreesWithNumpy(name: String) throws {
        let reference = try MatchingAIReference.load()
        let expected = try #require(reference.cases[name])
        let comparison = try Self.comparison(expected.data)
        let result = try comparison.nearestNeighbourMatching(expected.specification.value)
        #expect(result.matchedSets == expected.matchedSets.map(\.value))
        let variance = try comparison.abadieImbensVariance(result, neighbours: expected.neighbours)
        #expect(variance.neighbours == expected.neighbours)
        #expect(variance.matchedTreatedCount == expected.matchedSets.count)
        #expect(closeCG(variance.effect, expected.att, 1e-12))
        #expect(closeCG(variance.effect, result.effect, 1e-12))
        #expect(relativelyClose(variance.sampleVariance, expected.sampleVariance, 1e-8), "\(name) V_sample")
        #expect(relativelyClose(variance.populationVariance, expected.populationVariance, 1e-8), "\(name) V_population")
        let sigmaScale = expected.conditionalVariance.max() ?? 1
        for (got, want) in zip(variance.conditionalVariance, expected.conditionalVariance) {
            #expect(abs(got - want) <= 1e-8 * sigmaScale)
        }
        for (got, want) in zip(variance.matchUse, expected.matchUse) { #expect(abs(got - want) <= 1e-12) }
        let psiScale = expected.contributions.map(abs).max() ?? 1
        for (got, want) in zip(variance.contributions, expected.contributions) {
            #expect(abs(got - want) <= 1e-8 * psiScale)
        }
    }

    @Test func agreesWithRMatchingOnTheTieFreeCopy() throws {
        let reference = try MatchingAIReference.load()
        let expected = try #require(reference.cases["untied_nn1_score_J1"])
        #expect(reference.rMatching.agrees)
        let comparison = try Self.comparison(expected.data)
        let variance = try comparison.nearestNeighbourMatching(expected.specification.value).abadieImbens
        #expect(closeCG(variance.effect, reference.rMatching.att, 1e-10))
        #expect(relativelyClose(variance.populationStandardError, reference.rMatching.populationSE, 1e-8))
        #expect(relativelyClose(variance.sampleStandardError, reference.rMatching.sampleSE, 1e-8))
    }

    @Test func theFixtureExercisesReuseAndPartialMatches() throws {
        let reference = try MatchingAIReference.load()
        #expect(reference.cases.values.contains { $0.maxMatchUse > 1 })
        #expect(reference.cases.values.contains { $0.partiallyMatched > 0 })
        #expect(reference.cases.values.contains { $0.neighbours > 1 })
    }

    /// `x ~ N(0, 1)`, `P(D = 1) = Λ(−1 + x)`, `y = 1 + 2D + x + ε`: a constant effect 2.
    static func simulated(n: Int, seed: UInt64) throws -> ControlGroupComparison {
        var rng = SeededGenerator(seed: seed)
        var x = [Double]()
        var d = [Int]()
        var y = [Double]()
        for _ in 0..<n {
            let a = rng.normal()
            let treated = rng.uniform() < 1 / (1 + exp(1 - a)) ? 1 : 0
            x.append(a)
            d.append(treated)
            y.append(1 + 2 * Double(treated) + a + rng.normal())
        }
        let frame = try DataFrame(columns: [doubleColumn("y", y), integerColumn("d", d), doubleColumn("x", x)])
        return try ControlGroupComparison(data: frame, outcome: "y", treatment: "d", covariates: ["x"])
    }

    @Test func contributionsCarryThePopulationVarianceAndTheSampleVarianceIsItsConditionalPart() throws {
        let comparison = try Self.simulated(n: 500, seed: 17)
        let result = try comparison.nearestNeighbourMatching(.init(ratio: 2, replacement: true))
        let variance = try comparison.abadieImbensVariance(result)
        let n1 = Double(variance.matchedTreatedCount)
        let sumSquares = variance.contributions.reduce(0) { $0 + $1 * $1 }
        #expect(closeCG(sumSquares / (n1 * n1), variance.populationVariance, 1e-12))
        // Match use adds up to one per matched treated unit.
        #expect(closeCG(variance.matchUse.reduce(0, +), n1, 1e-12))
        #expect(variance.matchUse.indices.allSatisfy { !comparison.treated[$0] || variance.matchUse[$0] == 0 })
        // The ATT lies within 4 SE of the truth (a constant effect 2).
        #expect(abs(variance.effect - 2) < 4 * variance.populationStandardError)
        #expect(variance.sampleStandardError > 0 && variance.populationStandardError > 0)
        #expect(variance.label().contains("J = 1"))
    }

    @Test func theMatchingResultCarriesTheVarianceWithOneWithinArmMatch() throws {
        let comparison = try Self.simulated(n: 300, seed: 23)
        let result = try comparison.nearestNeighbourMatching(.init(ratio: 3, replacement: true))
        #expect(result.abadieImbens == (try comparison.abadieImbensVariance(result)))
        #expect(result.abadieImbens.neighbours == 1)
        let two = try comparison.abadieImbensVariance(result, neighbours: 2)
        #expect(two.neighbours == 2 && two.populationVariance != result.abadieImbens.populationVariance)
        let text = result.summary()
        #expect(text.contains("Abadie–Imbens SE (J = 1, no bias adjustment): population ATT"))
        #expect(text.contains(StatisticsText.number(result.abadieImbens.populationStandardError)))
        #expect(text.contains("holds the matching weights fixed"))
    }

    @Test func withoutReplacementNoControlCarriesExtraVariance() throws {
        let comparison = try Self.simulated(n: 400, seed: 5)
        let result = try comparison.nearestNeighbourMatching(.init())
        let variance = try comparison.abadieImbensVariance(result)
        // 1:1 without replacement: k_c ∈ {0, 1} and k² − q = 0, so controls add nothing to V_population.
        #expect(variance.matchUse.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(variance.matchUse.indices.allSatisfy { comparison.treated[$0] || variance.contributions[$0] == 0 })
        let n1 = Double(variance.matchedTreatedCount)
        let treatedPart = result.matchedSets.reduce(0.0) { sum, set in
            let gap = comparison.outcome[set.treatedRow] - comparison.outcome[set.controlRows[0]] - variance.effect
            return sum + gap * gap
        }
        #expect(closeCG(variance.populationVariance, treatedPart / (n1 * n1), 1e-12))
    }

    @Test func tooFewUnitsInAnArmForJMatchesThrows() throws {
        let comparison = try Self.simulated(n: 60, seed: 3)
        let result = try comparison.nearestNeighbourMatching(.init(replacement: true))
        let j = comparison.treatedCount
        #expect(
            throws: NearestNeighbourMatchingError.tooFewForConditionalVariance(
                arm: "treated", units: comparison.treatedCount, neighbours: j)
        ) {
            try comparison.abadieImbensVariance(result, neighbours: j)
        }
        let message = NearestNeighbourMatchingError.tooFewForConditionalVariance(arm: "control", units: 2, neighbours: 2)
            .description
        #expect(message.contains("fewer variance matches"))
    }
}
