import DataFrameModule
import Foundation

/// `datasets/reference/cg_small.json`, written by `scripts/reference/cg_reference.py`
/// (statsmodels 0.15 `TreatmentEffect`, scipy `ttest_ind(equal_var=False)`, numpy balance).
struct ControlGroupReference: Decodable {
    struct Welch: Decodable {
        let difference: Double
        let standardError: Double
        let statistic: Double
        let df: Double
        let pValue: Double
        enum CodingKeys: String, CodingKey {
            case difference, statistic, df
            case standardError = "standard_error"
            case pValue = "p_value"
        }
    }
    struct Estimate: Decodable {
        /// ATE (or ATT), POM0, POM1.
        let effect: [Double]
        let standardError: [Double]
        enum CodingKeys: String, CodingKey {
            case effect
            case standardError = "standard_error"
        }
    }
    struct BalanceRow: Decodable {
        let variable: String
        let meanTreated: Double
        let meanControl: Double
        let smd: Double
        let varianceRatio: Double
        enum CodingKeys: String, CodingKey {
            case variable, smd
            case meanTreated = "mean_treated"
            case meanControl = "mean_control"
            case varianceRatio = "variance_ratio"
        }
    }
    struct Balance: Decodable {
        let rows: [BalanceRow]
        let effectiveSampleSize: [String: Double]
        enum CodingKeys: String, CodingKey {
            case rows
            case effectiveSampleSize = "effective_sample_size"
        }
    }

    let tool: String
    let toolVersion: String
    let data: String
    let propensityCoefficients: [Double]
    let welch: Welch
    let estimates: [String: Estimate]
    let balance: [String: Balance]

    enum CodingKeys: String, CodingKey {
        case tool, data, welch, estimates, balance
        case toolVersion = "tool_version"
        case propensityCoefficients = "propensity_coefficients"
    }

    static func load() throws -> ControlGroupReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/cg_small.json")
        return try JSONDecoder().decode(ControlGroupReference.self, from: Data(contentsOf: url))
    }

    func frame() throws -> DataFrame {
        try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(data).path)
    }
}

/// `|a − b| ≤ tolerance · max(1, |b|)`.
func closeCG(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
