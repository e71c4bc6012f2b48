import DataFrameModule
import Foundation

/// `datasets/reference/binary_small.json`, written by `scripts/reference/binary_reference.py`;
/// only the keys the tests read are decoded.
struct BinaryReferenceFile: Decodable {
    let tool: String
    let toolVersion: String
    let data: String
    let trueCoefficients: [String: Double]
    let fits: [BinaryReferenceFit]

    enum CodingKeys: String, CodingKey {
        case tool, data, fits
        case toolVersion = "tool_version"
        case trueCoefficients = "true_coefficients"
    }

    static func load() throws -> BinaryReferenceFile {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/binary_small.json")
        return try JSONDecoder().decode(BinaryReferenceFile.self, from: Data(contentsOf: url))
    }

    /// The data file as a frame.
    func frame() throws -> DataFrame {
        try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(data).path)
    }

    func fit(named name: String) -> BinaryReferenceFit? { fits.first { $0.name == name } }
}

struct BinaryReferenceFit: Decodable {
    let name: String
    let link: String
    let formula: String
    let weights: String?
    let cluster: String
    let nUsed: Int
    let coefficientNames: [String]
    let coefficients: [Double]
    let llf: Double
    let llnull: Double
    let prsquared: Double
    let aic: Double
    let bic: Double
    let llr: Double
    let dfModel: Double
    let llrPValue: Double
    let covariances: [String: BinaryReferenceCovariance]
    let covariancesExpectedInformation: [String: BinaryReferenceCovariance]?
    let predictUsedRows: Predictions
    let predictNewRows: Predictions
    let crossCheckR: RCrossCheck

    enum CodingKeys: String, CodingKey {
        case name, link, formula, weights, cluster, coefficients, llf, llnull, prsquared, aic, bic, covariances
        case llr
        case nUsed = "n_used"
        case dfModel = "df_model"
        case llrPValue = "llr_pvalue"
        case coefficientNames = "coefficient_names"
        case covariancesExpectedInformation = "covariances_expected_information"
        case predictUsedRows = "predict_used_rows"
        case predictNewRows = "predict_new_rows"
        case crossCheckR = "cross_check_r"
    }

    struct Predictions: Decodable {
        let values: [Double]
        let newRows: NewRows?

        enum CodingKeys: String, CodingKey {
            case values
            case newRows = "new_rows"
        }
    }

    /// The five new rows statsmodels and R predicted for.
    struct NewRows: Decodable {
        let x1: [Double]
        let x2: [Double]
        let group: [String]
        let d: [Int]
    }

    struct RCrossCheck: Decodable {
        let coefficients: [Double]
        let coefficientsTight: [Double]
        let iterations: Int
        let vcov: [String: [[Double]]]
        let predictNew: [Double]

        enum CodingKeys: String, CodingKey {
            case coefficients, iterations, vcov
            case coefficientsTight = "coefficients_tight"
            case predictNew = "predict_new"
        }
    }
}

/// One covariance: per-coefficient numbers in the fit's `coefficient_names` order.
struct BinaryReferenceCovariance: Decodable {
    let se: [Double]
    let z: [Double]
    let p: [Double]
    let ciLower: [Double]
    let ciUpper: [Double]
    let vcov: [[Double]]
    let nClusters: Int?

    enum CodingKeys: String, CodingKey {
        case se, z, p, vcov
        case ciLower = "ci_lower"
        case ciUpper = "ci_upper"
        case nClusters = "n_clusters"
    }
}
