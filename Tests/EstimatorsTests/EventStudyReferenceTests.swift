import DataFrameModule
import Foundation
import ModelSpec
import Testing

@testable import Estimators

/// The pyfixest fixture `datasets/reference/es_staggered.json` (written by
/// `scripts/reference/es_reference.py`); only the keys the tests read are decoded.
struct EventStudyReferenceFile: Decodable {
    struct PreTrend: Decodable {
        let leads: [Int]
        let fStatistic: Double
        let fDF: [Double]
        let fPValue: Double
        let chiSquare: Double
        let chiSquareDF: Int
        let chiSquarePValue: Double

        enum CodingKeys: String, CodingKey {
            case leads
            case fStatistic = "f_statistic"
            case fDF = "f_df"
            case fPValue = "f_p_value"
            case chiSquare = "chi_square"
            case chiSquareDF = "chi_square_df"
            case chiSquarePValue = "chi_square_p_value"
        }
    }

    struct Case: Decodable {
        let name: String
        let referencePeriod: Int
        let window: [Int]
        let endpoints: String
        let nUsed: Int
        let clusters: Int
        let eventTimes: [Int]
        let estimates: [Double]
        let standardErrors: [Double]
        let ciLower: [Double]
        let ciUpper: [Double]
        let covariance: [[Double]]
        let preTrend: PreTrend

        enum CodingKeys: String, CodingKey {
            case name, window, endpoints, clusters, estimates, covariance
            case referencePeriod = "reference_period"
            case nUsed = "n_used"
            case eventTimes = "event_times"
            case standardErrors = "standard_errors"
            case ciLower = "ci_lower"
            case ciUpper = "ci_upper"
            case preTrend = "pre_trend"
        }
    }

    let tool: String
    let toolVersion: String
    let data: String
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case tool, data, cases
        case toolVersion = "tool_version"
    }

    static func load() throws -> EventStudyReferenceFile {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/es_staggered.json")
        return try JSONDecoder().decode(EventStudyReferenceFile.self, from: Data(contentsOf: url))
    }
}

/// Event studies against pyfixest 0.60 `feols("y ~ i(rel, ref=…) | unit + time", vcov={"CRV1": "team"})`
/// on the seeded staggered panel; relative tolerance 1e-8 (the fixture's projection is run to 1e-12).
@Suite("EventStudy reference (pyfixest)")
struct EventStudyReferenceTests {
    static let tolerance = 1e-8

    @Test("estimates, SEs, CIs, covariance and the pre-trend test match pyfixest", arguments: ["binned", "dropped", "ref_m2"])
    func matchesPyfixest(caseName: String) throws {
        let file = try EventStudyReferenceFile.load()
        #expect(file.tool == "pyfixest")
        let reference = try #require(file.cases.first { $0.name == caseName })
        let data = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(file.data).path)
        let spec = EventStudySpecification(
            outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team",
            leads: -reference.window[0], lags: reference.window[1], referencePeriod: reference.referencePeriod,
            endpoints: reference.endpoints == "bin" ? .bin : .drop)
        let result = try EventStudy.estimate(spec, data: data)

        #expect(result.n == reference.nUsed)
        // The panel has 6 missing outcomes; the account names those inside the sample.
        let y = try #require(data["y"]?.numericValues())
        let time = try #require(data["time"]?.numericValues())
        let cohort = try #require(data["cohort"]?.numericValues())
        let window = reference.window[0]...reference.window[1]
        let missing = y.indices.filter { i in
            y[i].isNaN && (reference.endpoints == "bin" || cohort[i] == 0 || window.contains(Int(time[i] - cohort[i])))
        }.count
        #expect(result.observations.dropped == [DroppedRows(reason: .missingOutcome(variable: "y"), count: missing)])
        #expect(result.clusterCount == reference.clusters)
        #expect(spec.estimatedEventTimes == reference.eventTimes)
        func close(_ a: Double?, _ b: Double, _ what: String, floor: Double = 1e-300) {
            guard let a else {
                Issue.record("\(caseName) \(what): missing, pyfixest \(b)")
                return
            }
            let d = relativeDifference(a, b, floor: floor)
            #expect(d <= Self.tolerance, "\(caseName) \(what): \(a) vs pyfixest \(b) (rel \(d))")
        }
        for (r, k) in reference.eventTimes.enumerated() {
            let e = try #require(result.eventTime(k))
            close(e.estimate, reference.estimates[r], "estimate \(k)")
            close(e.standardError, reference.standardErrors[r], "SE \(k)")
            close(e.lower, reference.ciLower[r], "CI lower \(k)")
            close(e.upper, reference.ciUpper[r], "CI upper \(k)")
            for c in reference.eventTimes.indices {
                // Off-diagonal terms near 0 are compared relative to their scale √(V_rr V_cc).
                let scale = (reference.covariance[r][r] * reference.covariance[c][c]).squareRoot()
                close(
                    result.covariance[r, c], reference.covariance[r][c], "covariance \(k),\(reference.eventTimes[c])",
                    floor: scale)
            }
        }
        let reference0 = try #require(result.eventTime(reference.referencePeriod))
        #expect(reference0.isReference && reference0.estimate == 0 && reference0.standardError == nil)

        let test = try #require(result.preTrendTest)
        #expect(spec.testedLeads == reference.preTrend.leads)
        #expect(test.restrictions == reference.preTrend.chiSquareDF)
        #expect(test.numeratorDegreesOfFreedom == reference.preTrend.fDF[0])
        #expect(test.denominatorDegreesOfFreedom == reference.preTrend.fDF[1])
        close(test.chiSquare, reference.preTrend.chiSquare, "pre-trend χ²")
        close(test.fStatistic, reference.preTrend.fStatistic, "pre-trend F")
        close(test.chiSquarePValue, reference.preTrend.chiSquarePValue, "pre-trend χ² p")
        close(test.fPValue, reference.preTrend.fPValue, "pre-trend F p")
    }

    @Test("dropping outside the window removes exactly the treated rows beyond it")
    func dropAccount() throws {
        let file = try EventStudyReferenceFile.load()
        let data = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(file.data).path)
        let spec = EventStudySpecification(
            outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team", leads: 4, lags: 5,
            endpoints: .drop)
        let result = try EventStudy.estimate(spec, data: data)
        let time = try #require(data["time"]?.numericValues())
        let cohort = try #require(data["cohort"]?.numericValues())
        let outside = zip(time, cohort).filter { $1 > 0 && !(-4...5).contains(Int($0 - $1)) }.count
        #expect(result.rowsOutsideWindow == outside)
        #expect(result.observations.totalRows + outside == data.rowCount)
        #expect(result.summary().contains("\(outside) treated rows outside the window left out"))
    }
}
