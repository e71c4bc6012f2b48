import DataFrameModule
import Estimators
import Foundation
import Testing

/// `datasets/reference/cs_covariates.json`, written by `scripts/reference/cs_covariates_reference.py`
/// with Python `csdid` 0.4.3 (`ATTgt(..., xformla="y ~ x1 + x2").fit(est_method=..., bstrap=False)`).
struct CallawaySantAnnaCovariatesReference: Decodable {
    let tool: String
    let toolVersion: String
    let data: String
    let covariates: [String]
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case tool, data, cases, covariates
        case toolVersion = "tool_version"
    }

    struct Case: Decodable {
        let name: String
        let data: String
        let estMethod: String
        let controlGroup: String
        let basePeriod: String
        let anticipation: Int
        let group: [Double]
        let period: [Double]
        let att: [Double]
        let se: [Double?]
        let aggregations: [String: CallawaySantAnnaReference.Aggregation]

        enum CodingKeys: String, CodingKey {
            case name, data, group, period, att, se, aggregations, anticipation
            case estMethod = "est_method"
            case controlGroup = "control_group"
            case basePeriod = "base_period"
        }
    }

    static func load() throws -> CallawaySantAnnaCovariatesReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/cs_covariates.json")
        return try JSONDecoder().decode(CallawaySantAnnaCovariatesReference.self, from: Data(contentsOf: url))
    }

    /// The case's panel; the messy one is balanced by dropping incomplete units, as csdid does.
    func panel(for c: Case) throws -> StaggeredPanel {
        let frame = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(c.data).path)
        return try StaggeredPanel(
            data: frame, outcome: "y", unit: "id", time: "period", cohort: "cohort", covariates: covariates,
            options: .init(balance: c.data == data ? .requireBalanced : .keepCompleteUnits))
    }

    func specification(_ c: Case) -> CallawaySantAnnaSpecification {
        let methods: [String: CallawaySantAnnaSpecification.EstimationMethod] = [
            "reg": .regression, "ipw": .inverseProbability, "dr": .doublyRobust,
        ]
        return CallawaySantAnnaSpecification(
            controlGroup: c.controlGroup == "nevertreated" ? .neverTreated : .notYetTreated,
            anticipation: c.anticipation, basePeriod: c.basePeriod == "universal" ? .universal : .varying, covariates: covariates,
            estimationMethod: methods[c.estMethod]!)
    }
}

/// Agreement with `csdid` 0.4.3 for the covariate-adjusted estimators (outcome regression,
/// normalized IPW, doubly robust): ATT(g,t), analytic SEs and the four aggregations, 1e-8 absolute,
/// on a 240-unit × 6-period panel whose two covariates drive selection and trends.
@Suite struct CallawaySantAnnaCovariatesReferenceTests {
    let tolerance = 1e-8
    static let names = [
        "reg_never_varying", "ipw_never_varying", "dr_never_varying", "dr_notyet_varying",
        "reg_notyet_universal", "ipw_notyet_universal", "dr_notyet_universal_anticipation1",
        "dr_never_varying_messy",
    ]

    func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return abs(x - y) <= tolerance
        default: return false
        }
    }

    @Test(arguments: names)
    func groupTimeEffectsMatchCsdid(caseName: String) throws {
        let reference = try CallawaySantAnnaCovariatesReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let result = try CallawaySantAnna.estimate(try reference.panel(for: expected), specification: reference.specification(expected))
        #expect(result.effects.count == expected.att.count)
        for (k, effect) in result.effects.enumerated() where k < expected.att.count {
            #expect(effect.cohort == expected.group[k] && effect.period == expected.period[k])
            #expect(abs(effect.estimate - expected.att[k]) <= tolerance, "ATT(\(effect.cohort), \(effect.period))")
            #expect(close(effect.standardError, expected.se[k]), "SE(\(effect.cohort), \(effect.period))")
        }
    }

    @Test(arguments: names)
    func aggregationsMatchCsdid(caseName: String) throws {
        let reference = try CallawaySantAnnaCovariatesReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let result = try CallawaySantAnna.estimate(try reference.panel(for: expected), specification: reference.specification(expected))
        for kind in CallawaySantAnnaAggregate.Kind.allCases {
            let want = try #require(expected.aggregations[kind.rawValue])
            let got = result.aggregate(kind)
            #expect(abs(got.overall - want.overallATT) <= tolerance, "\(kind) overall")
            #expect(close(got.overallStandardError, want.overallSE), "\(kind) overall SE")
            guard kind != .simple else { continue }
            let att = try #require(want.att)
            let se = try #require(want.se)
            #expect(got.elements.map(\.label) == (try #require(want.labels)), "\(kind) labels")
            for (j, element) in got.elements.enumerated() where j < att.count {
                #expect(abs(element.estimate - att[j]) <= tolerance, "\(kind) \(element.label)")
                #expect(close(element.standardError, se[j]), "\(kind) SE \(element.label)")
            }
        }
    }

    /// The messy panel (always-treated units, cohorts after the window, gaps) goes through the same
    /// pre-processing as csdid's, and every step is reported.
    @Test func messyInputIsReported() throws {
        let reference = try CallawaySantAnnaCovariatesReference.load()
        let expected = try #require(reference.cases.first { $0.name == "dr_never_varying_messy" })
        let result = try CallawaySantAnna.estimate(
            try reference.panel(for: expected), specification: reference.specification(expected))
        #expect(result.inputReport.incompleteUnitsDropped == ["7", "20", "33", "150", "201"])
        #expect(result.inputReport.alwaysTreatedUnitsDropped == (241...246).map(String.init))
        #expect(result.inputReport.unitsTreatedAfterWindow == (247...252).map(String.init))
        #expect(result.unitCount == 240 - 5 + 6)
    }

    @Test func referenceRecordsItsTool() throws {
        let reference = try CallawaySantAnnaCovariatesReference.load()
        #expect(reference.tool.contains("csdid") && reference.toolVersion == "0.4.3")
        #expect(reference.covariates == ["x1", "x2"])
    }
}
