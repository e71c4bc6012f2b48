import DataFrameModule
import Estimators
import Foundation
import Testing

/// `datasets/reference/bacon_staggered.json`, written by `scripts/reference/bacon_reference.py`:
/// an independent implementation (2×2s as statsmodels TWFE fits on subsamples, weights by
/// Goodman-Bacon 2021 eq. 10a–10c) checked there against statsmodels and pyfixest TWFE to 1e-10.
struct GoodmanBaconReference: Decodable {
    let tool: String
    let toolVersion: String
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case tool, cases
        case toolVersion = "tool_version"
    }

    /// A group as the script writes it: "never", "always" or the first treated period.
    struct GroupName: Decodable {
        let group: GoodmanBaconDecomposition.Group

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let period = try? container.decode(Double.self) {
                group = .cohort(period)
            } else {
                group = try container.decode(String.self) == "never" ? .neverTreated : .alwaysTreated
            }
        }
    }

    struct Comparison: Decodable {
        let type: String
        let treated: GroupName
        let control: GroupName
        let window: [Double]
        let estimate: Double
        let weight: Double
    }

    struct Case: Decodable {
        let name: String
        let data: String
        let twfeEstimate: Double
        let treatmentVariance: Double
        let comparisons: [Comparison]

        enum CodingKeys: String, CodingKey {
            case name, data, comparisons
            case twfeEstimate = "twfe_estimate"
            case treatmentVariance = "treatment_variance"
        }
    }

    static func load() throws -> GoodmanBaconReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/bacon_staggered.json")
        return try JSONDecoder().decode(GoodmanBaconReference.self, from: Data(contentsOf: url))
    }
}

/// Agreement with the reference decomposition to 1e-8 (relative, absolute below 1).
@Suite struct GoodmanBaconReferenceTests {
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-8 * max(1, abs(b)) }

    @Test(arguments: ["never", "always"])
    func decompositionMatchesReference(caseName: String) throws {
        let reference = try GoodmanBaconReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let frame = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(expected.data).path)
        let panel = try StaggeredPanel(data: frame, outcome: "y", unit: "id", time: "period", cohort: "cohort")
        let result = try GoodmanBacon.decompose(panel)
        #expect(close(result.twfeEstimate, expected.twfeEstimate))
        #expect(close(result.weightedSum, expected.twfeEstimate))
        #expect(close(result.treatmentVariance, expected.treatmentVariance))
        #expect(result.comparisons.count == expected.comparisons.count)
        for want in expected.comparisons {
            let got = try #require(
                result.comparisons.first { $0.treated == want.treated.group && $0.control == want.control.group },
                "\(want.treated.group) vs \(want.control.group)")
            #expect(got.type.rawValue == want.type)
            #expect(got.window == want.window[0]...want.window[1])
            #expect(close(got.estimate, want.estimate), "estimate \(got.treated) vs \(got.control)")
            #expect(close(got.weight, want.weight), "weight \(got.treated) vs \(got.control)")
        }
    }

    @Test func referenceRecordsItsTools() throws {
        let reference = try GoodmanBaconReference.load()
        #expect(reference.tool.contains("Goodman-Bacon"))
        #expect(reference.toolVersion.contains("statsmodels 0.15"))
    }
}
