import DataFrameModule
import Estimators
import Foundation

/// `datasets/reference/cs_attgt.json`, written by `scripts/reference/cs_reference.py` with Python
/// `csdid` (`ATTgt(...).fit(est_method="reg", bstrap=False)` and `aggte(typec=..., bstrap=False)`).
struct CallawaySantAnnaReference: Decodable {
    let tool: String
    let toolVersion: String
    let data: String
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case tool, data, cases
        case toolVersion = "tool_version"
    }

    struct Aggregation: Decodable {
        let overallATT: Double
        let overallSE: Double?
        let labels: [Double]?
        let att: [Double]?
        let se: [Double?]?

        enum CodingKeys: String, CodingKey {
            case labels, att, se
            case overallATT = "overall_att"
            case overallSE = "overall_se"
        }
    }

    struct Case: Decodable {
        let name: String
        let controlGroup: String
        let basePeriod: String
        let anticipation: Int
        let cluster: String?
        let group: [Double]
        let period: [Double]
        let att: [Double]
        let se: [Double?]
        let aggregations: [String: Aggregation]

        enum CodingKeys: String, CodingKey {
            case name, group, period, att, se, aggregations, anticipation, cluster
            case controlGroup = "control_group"
            case basePeriod = "base_period"
        }

        /// The equivalent specification.
        var specification: CallawaySantAnnaSpecification {
            CallawaySantAnnaSpecification(
                controlGroup: controlGroup == "nevertreated" ? .neverTreated : .notYetTreated,
                anticipation: anticipation, basePeriod: basePeriod == "universal" ? .universal : .varying)
        }
    }

    static func load() throws -> CallawaySantAnnaReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/cs_attgt.json")
        return try JSONDecoder().decode(CallawaySantAnnaReference.self, from: Data(contentsOf: url))
    }

    /// The staggered panel the reference was computed on, clustered as the case says.
    func panel(for reference: Case) throws -> StaggeredPanel {
        let frame = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(data).path)
        return try StaggeredPanel(
            data: frame, outcome: "y", unit: "id", time: "period", cohort: "cohort", cluster: reference.cluster)
    }
}
