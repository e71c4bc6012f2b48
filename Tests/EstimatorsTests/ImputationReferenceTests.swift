import DataFrameModule
import Estimators
import Foundation
import Testing

/// `datasets/reference/imputation.json`, written by `scripts/reference/imputation_reference.py`:
/// pyfixest 0.60 `did2s` point estimates, numpy BJS Theorem 3 standard errors and the pyfixest
/// pre-trend regression on `datasets/reference/data/imputation_panel.csv`.
struct ImputationReference: Decodable {
    let tool: String
    let toolVersion: String
    let data: String
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case tool, data, cases
        case toolVersion = "tool_version"
    }

    struct StandardErrors: Decodable {
        let overallSE: Double
        let eventSE: [Double]
        let eventVcov: [[Double]]

        enum CodingKeys: String, CodingKey {
            case overallSE = "overall_se"
            case eventSE = "event_se"
            case eventVcov = "event_vcov"
        }
    }

    struct PreTrend: Decodable {
        let eventTimes: [Int]
        let coefficients: [Double]
        let se: [Double]
        let chi2: Double
        let chi2PValue: Double
        let n: Int

        enum CodingKeys: String, CodingKey {
            case coefficients, se, chi2, n
            case eventTimes = "event_times"
            case chi2PValue = "chi2_pvalue"
        }
    }

    struct Case: Decodable {
        let name: String
        let covariates: [String]
        let cluster: String
        let anticipation: Int
        let eventTimes: [Int]
        let treatedObservations: Int
        let untreatedObservations: Int
        let overallATT: Double
        let eventATT: [Double]
        let se: [String: StandardErrors]
        let preTrend: PreTrend

        enum CodingKeys: String, CodingKey {
            case name, covariates, cluster, anticipation, se
            case eventTimes = "event_times"
            case treatedObservations = "treated_observations"
            case untreatedObservations = "untreated_observations"
            case overallATT = "overall_att"
            case eventATT = "event_att"
            case preTrend = "pre_trend"
        }

        func specification(averaging: ImputationEstimator.Averaging = .cohortEventTime) -> ImputationEstimator.Specification {
            ImputationEstimator.Specification(
                outcome: "y", unit: "id", time: "period", cohort: "cohort", cluster: cluster, covariates: covariates,
                anticipation: anticipation, preTrendLeads: preTrend.eventTimes.count, averaging: averaging)
        }
    }

    static func load() throws -> ImputationReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/imputation.json")
        return try JSONDecoder().decode(ImputationReference.self, from: Data(contentsOf: url))
    }

    func frame() throws -> DataFrame { try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(data).path) }
}

/// Agreement with pyfixest 0.60 `did2s` (point estimates) and an independent numpy implementation
/// of BJS Theorem 3 (standard errors, joint covariance), 1e-8 relative, on a 200-unit × 8-period
/// seeded panel: unit or site (20) clusters, a covariate, anticipation of one period.
@Suite struct ImputationReferenceTests {
    static let caseNames = ["unit_cluster", "site_cluster", "covariate", "anticipation1"]
    let tolerance = 1e-8

    func close(_ a: Double, _ b: Double, _ what: String) {
        #expect(relativeDifference(a, b, floor: 1e-12) <= tolerance, "\(what): \(a) vs \(b)")
    }

    @Test(arguments: caseNames)
    func pointEstimatesMatchDid2s(caseName: String) throws {
        let reference = try ImputationReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let result = try ImputationEstimator.estimate(expected.specification(), data: try reference.frame())
        close(result.overall.estimate, expected.overallATT, "overall ATT")
        #expect(result.eventTimes.map(\.eventTime) == expected.eventTimes.map(Optional.some))
        for (effect, want) in zip(result.eventTimes, expected.eventATT) {
            close(effect.estimate, want, "ATT at h = \(effect.eventTime!)")
        }
        #expect(result.treatedObservations == expected.treatedObservations)
        #expect(result.untreatedObservations == expected.untreatedObservations)
        #expect(result.coverage.total == 0 && result.emptyEventTimes.isEmpty)
    }

    @Test(arguments: caseNames, ["average", "leave_out"])
    func standardErrorsMatchTheorem3(caseName: String, rule: String) throws {
        let reference = try ImputationReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let want = try #require(expected.se[rule])
        let averaging: ImputationEstimator.Averaging = rule == "average" ? .cohortEventTime : .leaveOutCohortEventTime
        let result = try ImputationEstimator.estimate(
            expected.specification(averaging: averaging), data: try reference.frame())
        close(result.overall.standardError, want.overallSE, "overall SE")
        for (effect, se) in zip(result.eventTimes, want.eventSE) {
            close(effect.standardError, se, "SE at h = \(effect.eventTime!)")
        }
        #expect(result.covariance.rows == want.eventVcov.count)
        for i in want.eventVcov.indices {
            for j in want.eventVcov.indices where i < result.covariance.rows && j < result.covariance.columns {
                // Off-diagonal covariances can be near 0: compare relative to the variances.
                let scale = (want.eventVcov[i][i] * want.eventVcov[j][j]).squareRoot()
                #expect(abs(result.covariance[i, j] - want.eventVcov[i][j]) <= tolerance * scale, "cov[\(i), \(j)]")
            }
        }
    }

    @Test(arguments: caseNames)
    func preTrendTestMatchesPyfixest(caseName: String) throws {
        let reference = try ImputationReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let spec = expected.specification()
        #expect(spec.preTrendEventTimes == expected.preTrend.eventTimes)
        let result = try ImputationEstimator.estimate(spec, data: try reference.frame())
        let regression = try #require(result.preTrendRegression)
        let test = try #require(result.preTrendTest)
        #expect(regression.n == expected.preTrend.n)
        let table = regression.coefficientTable()
        for (j, name) in (1...expected.preTrend.eventTimes.count).map({ "pre\($0)" }).enumerated() {
            let row = try #require(table[name])
            close(row.estimate, expected.preTrend.coefficients[j], "\(name)")
            close(row.standardError, expected.preTrend.se[j], "se \(name)")
        }
        close(test.chiSquare, expected.preTrend.chi2, "pre-trend χ²")
        close(test.chiSquarePValue, expected.preTrend.chi2PValue, "pre-trend p")
        #expect(test.restrictions == expected.preTrend.eventTimes.count)
    }

    @Test func referenceRecordsItsTool() throws {
        let reference = try ImputationReference.load()
        #expect(reference.tool.contains("pyfixest did2s"))
        #expect(reference.toolVersion == "0.60.0")
    }
}
