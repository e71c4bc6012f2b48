import DataFrameModule
import Estimators
import Foundation
import Testing

/// `datasets/reference/its_series.json`, written by `scripts/reference/its_reference.py` with
/// statsmodels 0.15 `OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L, "use_correction": c})`
/// and `t_test` for the counterfactuals and effects.
struct InterruptedTimeSeriesReference: Decodable {
    let tool: String
    let toolVersion: String
    let cases: [Case]
    /// Comparative ITS, `cov_type="hac-groupsum"` (Driscoll–Kraay); same fields, 8 coefficients.
    let comparativeCases: [Case]

    enum CodingKeys: String, CodingKey {
        case tool, cases
        case toolVersion = "tool_version"
        case comparativeCases = "comparative_cases"
    }

    struct Case: Decodable {
        let name: String
        let data: String
        let interruption: Double
        let maxlags: Int?
        let lagUsed: Int
        let useCorrection: Bool
        let params: [Double]
        let bse: [Double]
        let cov: [[Double]]
        let pvalues: [Double]
        let ciLower: [Double]
        let ciUpper: [Double]
        let postTimes: [Double]
        let counterfactual: [Double]
        let counterfactualSE: [Double]
        let effect: [Double]
        let effectSE: [Double]
        let horizons: [Double]
        let horizonEffect: [Double]
        let horizonSE: [Double]
        let horizonP: [Double]

        enum CodingKeys: String, CodingKey {
            case name, data, interruption, maxlags, params, bse, cov, pvalues, counterfactual, effect, horizons
            case lagUsed = "lag_used"
            case useCorrection = "use_correction"
            case ciLower = "ci_lower"
            case ciUpper = "ci_upper"
            case postTimes = "post_times"
            case counterfactualSE = "counterfactual_se"
            case effectSE = "effect_se"
            case horizonEffect = "horizon_effect"
            case horizonSE = "horizon_se"
            case horizonP = "horizon_p"
        }
    }

    static func load() throws -> InterruptedTimeSeriesReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/its_series.json")
        return try JSONDecoder().decode(InterruptedTimeSeriesReference.self, from: Data(contentsOf: url))
    }
}

/// Agreement with statsmodels to 1e-8 relative (absolute below 1 for p-values and near-zero numbers).
@Suite struct InterruptedTimeSeriesReferenceTests {
    func close(_ a: Double, _ b: Double, tolerance: Double = 1e-8) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test(arguments: ["monthly_L3", "monthly_L3_corrected", "monthly_rule", "monthly_L0", "quarterly_L2_corrected"])
    func matchesStatsmodelsHAC(caseName: String) throws {
        let reference = try InterruptedTimeSeriesReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let frame = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(expected.data).path)
        let specification = InterruptedTimeSeriesSpecification(
            interruption: expected.interruption, maxLag: expected.maxlags,
            smallSampleCorrection: expected.useCorrection, horizons: expected.horizons)
        let result = try InterruptedTimeSeries.fit(data: frame, outcome: "y", time: "period", specification: specification)
        #expect(result.maxLag == expected.lagUsed)
        let ses = result.standardErrors
        for j in 0..<4 {
            #expect(close(result.coefficients[j], expected.params[j]), "β\(j)")
            #expect(close(ses[j], expected.bse[j]), "se β\(j)")
            for i in 0..<4 { #expect(close(result.covariance[i, j], expected.cov[i][j]), "V[\(i), \(j)]") }
        }
        let named = [result.levelChange, result.slopeChange]
        for (estimate, j) in zip(named, [2, 3]) {
            #expect(close(estimate.pValue, expected.pvalues[j]))
            #expect(close(estimate.lower, expected.ciLower[j]) && close(estimate.upper, expected.ciUpper[j]))
        }
        let projections = result.projections
        #expect(projections.map(\.time) == expected.postTimes)
        for (k, p) in projections.enumerated() where k < expected.postTimes.count {
            #expect(close(p.counterfactual, expected.counterfactual[k]), "counterfactual at \(p.time)")
            #expect(close(p.counterfactualStandardError, expected.counterfactualSE[k]), "cf se at \(p.time)")
            #expect(close(p.effect, expected.effect[k]), "effect at \(p.time)")
            #expect(close(p.effectStandardError, expected.effectSE[k]), "effect se at \(p.time)")
            #expect(close(p.fitted, p.counterfactual + p.effect, tolerance: 1e-12))
        }
        for (k, h) in result.horizonEffects.enumerated() {
            #expect(close(h.estimate, expected.horizonEffect[k]))
            #expect(close(h.standardError, expected.horizonSE[k]))
            #expect(close(h.pValue, expected.horizonP[k]))
        }
    }

    @Test(arguments: ["comparative_L3", "comparative_rule_hac"])
    func comparativeMatchesStatsmodelsDriscollKraay(caseName: String) throws {
        let reference = try InterruptedTimeSeriesReference.load()
        let expected = try #require(reference.comparativeCases.first { $0.name == caseName })
        let frame = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(expected.data).path)
        let specification = InterruptedTimeSeriesSpecification(
            interruption: expected.interruption, maxLag: expected.maxlags,
            smallSampleCorrection: expected.useCorrection, horizons: expected.horizons)
        let result = try InterruptedTimeSeries.fitComparative(
            data: frame, outcome: "y", comparison: "y_comparison", time: "period", specification: specification)
        #expect(result.maxLag == expected.lagUsed)
        let ses = result.standardErrors
        let v = result.covariance
        for j in 0..<8 {
            #expect(close(result.coefficients[j], expected.params[j]), "β\(j)")
            #expect(close(ses[j], expected.bse[j]), "se β\(j)")
            for i in 0..<8 { #expect(close(v[i, j], expected.cov[i][j]), "V[\(i), \(j)]") }
        }
        for (estimate, j) in zip([result.preTrendDifference, result.levelChange, result.slopeChange], [5, 6, 7]) {
            #expect(close(estimate.estimate, expected.params[j]) && close(estimate.pValue, expected.pvalues[j]))
            #expect(close(estimate.lower, expected.ciLower[j]) && close(estimate.upper, expected.ciUpper[j]))
        }
        let projections = result.projections
        #expect(projections.map(\.time) == expected.postTimes)
        for (k, p) in projections.enumerated() where k < expected.postTimes.count {
            #expect(close(p.counterfactual, expected.counterfactual[k]), "counterfactual at \(p.time)")
            #expect(close(p.counterfactualStandardError, expected.counterfactualSE[k]), "cf se at \(p.time)")
            #expect(close(p.effect, expected.effect[k]) && close(p.effectStandardError, expected.effectSE[k]))
        }
        for (k, h) in result.horizonEffects.enumerated() {
            #expect(close(h.estimate, expected.horizonEffect[k]) && close(h.standardError, expected.horizonSE[k]))
            #expect(close(h.pValue, expected.horizonP[k]))
        }
    }

    @Test func referenceRecordsItsTool() throws {
        let reference = try InterruptedTimeSeriesReference.load()
        #expect(reference.tool == "statsmodels")
        #expect(reference.toolVersion.hasPrefix("0.15"))
    }
}
