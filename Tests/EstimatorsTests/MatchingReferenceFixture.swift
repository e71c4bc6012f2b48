import DataFrameModule
import Foundation

@testable import Estimators

/// `datasets/reference/matching_small.json`, written by `scripts/reference/matching_reference.py`
/// (independent brute-force numpy matching, statsmodels 0.15 Logit and WLS sandwich SEs).
struct MatchingReference: Decodable {
    struct Specification: Decodable {
        let ratio: Int
        let replace: Bool
        let caliper: Double?
        let distance: String
        let order: String

        var value: NearestNeighbourMatchingSpecification {
            NearestNeighbourMatchingSpecification(
                ratio: ratio, replacement: replace, caliper: caliper,
                distance: distance == "score" ? .propensityScore : .linearPropensityScore,
                order: order == "largest" ? .largestFirst : .dataOrder)
        }
    }
    struct Case: Decodable {
        let specification: Specification
        let distanceSD: Double
        let caliperWidth: Double?
        let matchedSets: [MatchedSetValue]
        let weights: [Double]
        let unmatchedTreated: [Int]
        let unmatchedOutsideCaliper: Int
        let matchedControlCount: Int
        let att: Double
        let treatedMean: Double
        let controlMean: Double
        let standardError: Double
        let exactTieDecisions: Int
        let balanceAfter: ControlGroupReference.Balance

        enum CodingKeys: String, CodingKey {
            case specification, weights, att
            case distanceSD = "distance_sd"
            case caliperWidth = "caliper_width"
            case matchedSets = "matched_sets"
            case unmatchedTreated = "unmatched_treated"
            case unmatchedOutsideCaliper = "unmatched_outside_caliper"
            case matchedControlCount = "matched_control_count"
            case treatedMean = "treated_mean"
            case controlMean = "control_mean"
            case standardError = "standard_error"
            case exactTieDecisions = "exact_tie_decisions"
            case balanceAfter = "balance_after"
        }
    }
    /// `[treatedRow, [controlRows]]` in the JSON.
    struct MatchedSetValue: Decodable {
        let value: MatchedSet
        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            let treated = try container.decode(Int.self)
            let controls = try container.decode([Int].self)
            value = MatchedSet(treatedRow: treated, controlRows: controls)
        }
    }

    let tool: String
    let toolVersion: String
    let data: String
    let n: Int
    let treated: Int
    let propensityCoefficients: [Double]
    let balanceBefore: ControlGroupReference.Balance
    let cases: [String: Case]

    enum CodingKeys: String, CodingKey {
        case tool, data, n, treated, cases
        case toolVersion = "tool_version"
        case propensityCoefficients = "propensity_coefficients"
        case balanceBefore = "balance_before"
    }

    static func load() throws -> MatchingReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/matching_small.json")
        return try JSONDecoder().decode(MatchingReference.self, from: Data(contentsOf: url))
    }

    func frame() throws -> DataFrame {
        try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(data).path)
    }
}
