import DataFrameModule
import Foundation
import Testing

@testable import Estimators

/// The fixture `datasets/reference/sunab_staggered.json` (written by
/// `scripts/reference/sunab_reference.py`); only the keys the tests read are decoded.
struct SunAbrahamReferenceFile: Decodable {
    struct Cell: Decodable {
        let cohort: Int
        let eventTime: Int
        let observations: Int
        let estimate: Double
        let standardError: Double

        enum CodingKeys: String, CodingKey {
            case cohort, observations, estimate
            case eventTime = "event_time"
            case standardError = "standard_error"
        }
    }

    struct ATT: Decodable {
        let estimate: Double
        let standardError: Double
        let pValue: Double
        let ciLower: Double
        let ciUpper: Double

        enum CodingKeys: String, CodingKey {
            case estimate
            case standardError = "standard_error"
            case pValue = "p_value"
            case ciLower = "ci_lower"
            case ciUpper = "ci_upper"
        }
    }

    struct PreTrend: Decodable {
        let leads: [Int]
        let chiSquare: Double
        let chiSquareDF: Int
        let chiSquarePValue: Double
        let fStatistic: Double
        let fDF: [Double]
        let fPValue: Double

        enum CodingKeys: String, CodingKey {
            case leads
            case chiSquare = "chi_square"
            case chiSquareDF = "chi_square_df"
            case chiSquarePValue = "chi_square_p_value"
            case fStatistic = "f_statistic"
            case fDF = "f_df"
            case fPValue = "f_p_value"
        }
    }

    struct Case: Decodable {
        let name: String
        let referencePeriod: Int
        let window: [Int]?
        let cluster: String
        let covariates: [String]
        let covariateCoefficients: [String: [Double]]
        let controlCohort: Int
        let rowsWithoutControl: Int
        let nUsed: Int
        let clusters: Int
        let cells: [Cell]
        let eventTimes: [Int]
        let estimates: [Double]
        let standardErrors: [Double]
        let ciLower: [Double]
        let ciUpper: [Double]
        let pValues: [Double]
        let covariance: [[Double]]
        let att: ATT
        let preTrend: PreTrend

        enum CodingKeys: String, CodingKey {
            case name, window, cluster, clusters, cells, estimates, covariance, att, covariates
            case covariateCoefficients = "covariate_coefficients"
            case preTrend = "pre_trend"
            case referencePeriod = "reference_period"
            case controlCohort = "control_cohort"
            case rowsWithoutControl = "rows_without_control"
            case nUsed = "n_used"
            case eventTimes = "event_times"
            case standardErrors = "standard_errors"
            case ciLower = "ci_lower"
            case ciUpper = "ci_upper"
            case pValues = "p_values"
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

    static func load() throws -> SunAbrahamReferenceFile {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/sunab_staggered.json")
        return try JSONDecoder().decode(SunAbrahamReferenceFile.self, from: Data(contentsOf: url))
    }
}

/// The interaction-weighted event study against pyfixest 0.60 `feols` on the saturated cohort ×
/// relative-period design, aggregated as fixest `aggregate(fit, "period")` and `sunab(att = TRUE)`
/// (the `all` case also equals pyfixest's `SaturatedEventStudy.aggregate`); relative tolerance 1e-8.
@Suite("SunAbraham reference (pyfixest)")
struct SunAbrahamReferenceTests {
    static let tolerance = 1e-8

    @Test("cells, event-time aggregates, covariance and ATT match pyfixest", arguments: ["all", "binned_team", "covariate", "last_cohort"])
    func matchesPyfixest(caseName: String) throws {
        let file = try SunAbrahamReferenceFile.load()
        #expect(file.tool == "pyfixest" && file.toolVersion == "0.60.0")
        let reference = try #require(file.cases.first { $0.name == caseName })
        var data = try DataFrame.readCSV(path: repositoryRoot.appendingPathComponent(file.data).path)
        if reference.controlCohort > 0 {
            // The never-treated units are removed, so the last-treated cohort becomes the control.
            let cohort = try #require(data["cohort"]?.numericValues())
            data = data.taking(rows: cohort.indices.filter { cohort[$0] > 0 })
        }
        let spec = SunAbrahamSpecification(
            outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: reference.cluster,
            covariates: reference.covariates,
            referencePeriod: reference.referencePeriod, window: reference.window.map { $0[0]...$0[1] })
        let result = try SunAbraham.estimate(spec, data: data)

        #expect(result.n == reference.nUsed)
        #expect(result.clusterCount == reference.clusters)
        if reference.controlCohort > 0 {
            #expect(
                result.control
                    == .lastTreated(cohort: reference.controlCohort, units: 50, rowsDropped: reference.rowsWithoutControl))
        } else {
            #expect(result.control == .neverTreated(units: 50))
        }
        func close(_ a: Double?, _ b: Double, _ what: String, floor: Double = 1e-300) {
            guard let a else {
                Issue.record("\(caseName) \(what): missing, reference \(b)")
                return
            }
            let d = relativeDifference(a, b, floor: floor)
            #expect(d <= Self.tolerance, "\(caseName) \(what): \(a) vs reference \(b) (rel \(d))")
        }

        #expect(result.cohortEffects.map(\.cell) == reference.cells.map { SunAbrahamCell(cohort: $0.cohort, eventTime: $0.eventTime) })
        for (effect, cell) in zip(result.cohortEffects, reference.cells) {
            #expect(effect.observations == cell.observations)
            close(effect.estimate, cell.estimate, "δ \(effect.cell)")
            close(effect.standardError, cell.standardError, "se δ \(effect.cell)")
        }
        #expect(result.estimatedEventTimes == reference.eventTimes)
        for (r, k) in reference.eventTimes.enumerated() {
            let e = try #require(result.eventTime(k))
            close(e.estimate, reference.estimates[r], "estimate \(k)")
            close(e.standardError, reference.standardErrors[r], "SE \(k)")
            close(e.lower, reference.ciLower[r], "CI lower \(k)")
            close(e.upper, reference.ciUpper[r], "CI upper \(k)")
            close(e.pValue, reference.pValues[r], "p \(k)", floor: 1e-12)
            for c in reference.eventTimes.indices {
                let scale = (reference.covariance[r][r] * reference.covariance[c][c]).squareRoot()
                close(result.covariance[r, c], reference.covariance[r][c], "covariance \(k),\(reference.eventTimes[c])", floor: scale)
            }
        }
        let ref = try #require(result.eventTime(reference.referencePeriod))
        #expect(ref.isReference && ref.estimate == 0)
        let att = try #require(result.att)
        close(att.estimate, reference.att.estimate, "ATT")
        close(att.standardError, reference.att.standardError, "ATT SE")
        close(att.lower, reference.att.ciLower, "ATT CI lower")
        close(att.upper, reference.att.ciUpper, "ATT CI upper")
        close(att.pValue, reference.att.pValue, "ATT p", floor: 1e-12)

        for (name, value) in reference.covariateCoefficients {
            let row = try #require(result.regression.coefficientTable()[name])
            close(row.estimate, value[0], "β \(name)")
            close(row.standardError, value[1], "se β \(name)")
        }

        let test = try #require(result.preTrendTest)
        #expect(result.estimatedEventTimes.filter { $0 < 0 } == reference.preTrend.leads)
        #expect(test.restrictions == reference.preTrend.chiSquareDF)
        #expect(test.numeratorDegreesOfFreedom == reference.preTrend.fDF[0])
        #expect(test.denominatorDegreesOfFreedom == reference.preTrend.fDF[1])
        close(test.chiSquare, reference.preTrend.chiSquare, "pre-trend χ²")
        close(test.fStatistic, reference.preTrend.fStatistic, "pre-trend F")
        close(test.chiSquarePValue, reference.preTrend.chiSquarePValue, "pre-trend χ² p", floor: 1e-12)
        close(test.fPValue, reference.preTrend.fPValue, "pre-trend F p", floor: 1e-12)
    }
}
