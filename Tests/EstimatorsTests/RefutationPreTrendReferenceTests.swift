import DataFrameModule
import Distributions
import Estimators
import Foundation
import Testing

/// The pre-trend Wald statistic W against Python `csdid` 0.4.3's parallel-trends pre-test, which
/// follows R `did` `att_gt` (`datasets/reference/refutation_pretest.json`, written by
/// `scripts/reference/refutation_pretest.py` on `datasets/reference/data/cs_staggered_panel.csv`).
/// W is recovered from the check's F as W = F·q·G/(G − q); rtol 1e-8. The reference p-value is
/// χ²(q) rounded to 5 decimals, so it is compared to 5e-6 with our χ²(q) p-value of W.
@Suite struct RefutationPreTrendReferenceTests {
    struct Reference: Decodable {
        let toolVersion: String
        let data: String
        let cases: [Case]
        enum CodingKeys: String, CodingKey {
            case data, cases
            case toolVersion = "tool_version"
        }
        struct Case: Decodable {
            let name: String
            let controlGroup: String
            let basePeriod: String
            let anticipation: Int
            let cluster: String?
            let wald: Double
            let waldPValue: Double
            enum CodingKeys: String, CodingKey {
                case name, anticipation, cluster
                case wald = "W"
                case waldPValue = "Wpval"
                case controlGroup = "control_group"
                case basePeriod = "base_period"
            }
        }
    }

    @Test(arguments: [
        "never_varying", "notyet_varying", "never_universal", "notyet_varying_anticipation1",
        "never_varying_cluster_site",
    ])
    func waldStatisticMatchesCsdid(caseName: String) throws {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/refutation_pretest.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        #expect(reference.toolVersion == "0.4.3")
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let frame = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(reference.data).path)
        let panel = try StaggeredPanel(
            data: frame, outcome: "y", unit: "id", time: "period", cohort: "cohort", cluster: expected.cluster)
        let specification = CallawaySantAnnaSpecification(
            controlGroup: expected.controlGroup == "nevertreated" ? .neverTreated : .notYetTreated,
            anticipation: expected.anticipation, basePeriod: expected.basePeriod == "universal" ? .universal : .varying)
        let check = try RefutationBattery.preTrend(
            callawaySantAnna: CallawaySantAnna.estimate(panel, specification: specification))
        let q = Double(check.elements.count)
        let g = Double(panel.clusterCount)
        let wald = check.statistic * q * g / (g - q)
        #expect(abs(wald - expected.wald) <= 1e-8 * expected.wald, "W = \(wald) vs \(expected.wald)")
        #expect(abs(ChiSquared(degreesOfFreedom: q).survival(wald) - expected.waldPValue) <= 5e-6)
    }
}
