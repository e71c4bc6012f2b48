import Foundation
import Inference

/// `datasets/reference/cov_small.json` (written by `scripts/reference/cov_reference.py`): cluster
/// covariances from R sandwich/clubSandwich and linear hypotheses from statsmodels; only the keys
/// the tests read are decoded.
struct CovarianceReferenceFile: Decodable {
    let clubSandwichVersion: String
    let sandwichVersion: String
    let fits: [CovarianceReferenceFit]

    enum CodingKeys: String, CodingKey {
        case fits
        case clubSandwichVersion = "clubSandwich_version"
        case sandwichVersion = "sandwich_version"
    }

    static func load() throws -> CovarianceReferenceFile {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/cov_small.json")
        return try JSONDecoder().decode(CovarianceReferenceFile.self, from: Data(contentsOf: url))
    }
}

struct CovarianceReferenceFit: Decodable {
    let name: String
    let formula: String
    let weights: String?
    let data: String
    let clusterColumns: [String]
    let nUsed: Int
    let nClusters: [String: Int]
    let coefficientNames: [String]
    let coefficients: [Double]
    let covariances: [String: ClusterReferenceCovariance]
    let errors: [String: String]
    let linearHypotheses: [String: LinearHypothesisReference]

    enum CodingKeys: String, CodingKey {
        case name, formula, weights, data, coefficients, covariances, errors
        case clusterColumns = "cluster_columns"
        case nUsed = "n_used"
        case nClusters = "n_clusters"
        case coefficientNames = "coefficient_names"
        case linearHypotheses = "linear_hypotheses"
    }

    var dataPath: String { repositoryRoot.appendingPathComponent(data).path }
}

struct ClusterReferenceCovariance: Decodable {
    let call: String
    let vcov: [[Double?]]
    let df: Double?
    let satterthwaiteDF: [Double]?
    let contrast: ContrastReference?

    enum CodingKeys: String, CodingKey {
        case call, vcov, df, contrast
        case satterthwaiteDF = "satterthwaite_df"
    }
}

struct ContrastReference: Decodable {
    let weights: [String: Double]
    let estimate: Double
    let se: Double
    let satterthwaiteDF: Double
    let ciLower: Double
    let ciUpper: Double
    let p: Double

    enum CodingKeys: String, CodingKey {
        case weights, estimate, se, p
        case satterthwaiteDF = "satterthwaite_df"
        case ciLower = "ci_lower"
        case ciUpper = "ci_upper"
    }
}

/// statsmodels `t_test`/`f_test`/`wald_test` results under one covariance.
struct LinearHypothesisReference: Decodable {
    let call: String
    let combinations: [CombinationReference]
    let joint: [JointReference]
}

struct CombinationReference: Decodable {
    let name: String
    let weights: [String: Double]
    let value: Double
    let estimate: Double
    let se: Double
    let t: Double
    let p: Double
    let df: Double
    let ciLower: Double
    let ciUpper: Double

    enum CodingKeys: String, CodingKey {
        case name, weights, value, estimate, se, t, p, df
        case ciLower = "ci_lower"
        case ciUpper = "ci_upper"
    }
}

struct JointReference: Decodable {
    let name: String
    let rows: [[String: Double]]
    let values: [Double]
    let f: Double
    let fP: Double
    let dfNum: Double
    let dfDenom: Double
    let chi2: Double
    let chi2P: Double
    let chi2DF: Double

    enum CodingKeys: String, CodingKey {
        case name, rows, values, f
        case fP = "f_p"
        case dfNum = "df_num"
        case dfDenom = "df_denom"
        case chi2
        case chi2P = "chi2_p"
        case chi2DF = "chi2_df"
    }
}

/// The covariance type for a `cov_small.json` key: `CR1:a`, `CR1:a+b(+c)`, `CR2:a`, `CR3:a`.
func clusterCovarianceType(forKey key: String) -> CovarianceType? {
    let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
    let names = parts[1].split(separator: "+").map(String.init)
    switch parts[0] {
    case "CR1": return .clustered(by: names)
    case "CR2": return .clustered(by: names, correction: .cr2)
    case "CR3": return .clustered(by: names, correction: .cr3)
    default: return nil  // sandwich's clustered HC2/HC3, recorded for comparison only
    }
}
