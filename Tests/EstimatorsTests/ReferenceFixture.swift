import Foundation
import Inference

/// Repository root: three levels up from this file (`Tests/EstimatorsTests/ReferenceFixture.swift`).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// A statsmodels reference file under `datasets/reference/` (schema written by
/// `scripts/reference/ols_reference.py`); only the keys the tests read are decoded.
struct ReferenceFile: Decodable {
    let tool: String
    let toolVersion: String
    let fits: [ReferenceFit]

    enum CodingKeys: String, CodingKey {
        case tool
        case toolVersion = "tool_version"
        case fits
    }

    /// Reads `datasets/reference/<name>`.
    static func load(_ name: String) throws -> ReferenceFile {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/\(name)")
        return try JSONDecoder().decode(ReferenceFile.self, from: Data(contentsOf: url))
    }

    func fit(named name: String) -> ReferenceFit? { fits.first { $0.name == name } }
}

struct ReferenceDrop: Decodable {
    let reason: String
    let variable: String
    let count: Int
}

/// One fitted model and its covariances.
struct ReferenceFit: Decodable {
    let name: String
    let formula: String
    let weights: String?
    let data: String
    let nTotal: Int
    let nUsed: Int
    let droppedByVariable: [ReferenceDrop]
    let coefficientNames: [String]
    let coefficients: [Double]
    let rank: Int
    let hasIntercept: Bool
    let rSquared: Double
    let adjustedRSquared: Double
    let fStatistic: Double
    let fPValue: Double
    let dfModel: Double
    let dfResidual: Double
    let covariances: [String: ReferenceCovariance]
    // Collinear cases only.
    let fullCoefficientNames: [String]?
    let droppedColumns: [String]?
    let coefficientsFull: [Double?]?

    enum CodingKeys: String, CodingKey {
        case name, formula, weights, data, rank, coefficients, covariances
        case nTotal = "n_total"
        case nUsed = "n_used"
        case droppedByVariable = "dropped_by_variable"
        case coefficientNames = "coefficient_names"
        case hasIntercept = "has_intercept"
        case rSquared = "r_squared"
        case adjustedRSquared = "adj_r_squared"
        case fStatistic = "f_statistic"
        case fPValue = "f_p_value"
        case dfModel = "df_model"
        case dfResidual = "df_resid"
        case fullCoefficientNames = "full_coefficient_names"
        case droppedColumns = "dropped_columns"
        case coefficientsFull = "coefficients_full"
    }

    /// Path of the data file.
    var dataPath: String { repositoryRoot.appendingPathComponent(data).path }
}

struct ReferenceWald: Decodable {
    let statistic: Double
    let dfNum: Double
    let dfDenom: Double
    let p: Double

    enum CodingKeys: String, CodingKey {
        case statistic, p
        case dfNum = "df_num"
        case dfDenom = "df_denom"
    }
}

/// One covariance of a fit: statsmodels call, df, and the per-coefficient numbers (in the fit's
/// `coefficient_names` order; `nil` where statsmodels got NaN, e.g. the square root of a negative
/// two-way variance).
struct ReferenceCovariance: Decodable {
    let call: String
    let df: Double
    let se: [Double?]
    let t: [Double?]
    let p: [Double?]
    let ciLower: [Double?]
    let ciUpper: [Double?]
    let vcov: [[Double]]
    let minEigenvalue: Double
    let nClusters: [String: Int]?
    let waldFAllSlopes: ReferenceWald?

    enum CodingKeys: String, CodingKey {
        case call, df, se, t, p, vcov
        case ciLower = "ci_lower"
        case ciUpper = "ci_upper"
        case minEigenvalue = "min_eigenvalue"
        case nClusters = "n_clusters"
        case waldFAllSlopes = "wald_f_all_slopes"
    }
}

/// The covariance type for a reference key: `classical`, `HC0`…`HC3`, `CR1:a`, `CR1:a+b`.
func covarianceType(forReferenceKey key: String) -> CovarianceType {
    switch key {
    case "classical": return .classical
    case "HC0": return .hc0
    case "HC1": return .hc1
    case "HC2": return .hc2
    case "HC3": return .hc3
    default:
        precondition(key.hasPrefix("CR1:"), "Unknown reference covariance key \(key)")
        return .clustered(by: key.dropFirst(4).split(separator: "+").map(String.init))
    }
}

/// Relative difference with an absolute floor for values near zero.
func relativeDifference(_ a: Double, _ b: Double, floor: Double = 1e-300) -> Double {
    if a == b { return 0 }
    return abs(a - b) / max(abs(b), floor)
}
