import Estimators
import Inference

/// A two-way fixed-effects event study as plain, Codable values: the JSON of
/// `impact eventstudy --json`.
///
/// Rows are the event times of the window in order; the reference period is a row with estimate 0
/// and `reference = true`. Intervals use t(G − 1), as the fit's clustered covariance does.
public struct EventStudyReport: Codable, Sendable, Equatable {
    /// Schema identifier written into every report.
    public static let formatIdentifier = "impact-event-study/1"

    /// The joint test that every lead (other than the reference) is 0.
    public struct PreTrendTest: Codable, Sendable, Equatable {
        /// Leads tested.
        public let leads: [Int]
        /// Wald F statistic.
        public let fStatistic: Double
        /// Numerator degrees of freedom (restrictions).
        public let numeratorDF: Double
        /// Denominator degrees of freedom (G − 1).
        public let denominatorDF: Double
        /// p-value of the F statistic.
        public let fPValue: Double
        /// Wald χ² statistic.
        public let chiSquare: Double
        /// p-value of the χ² statistic.
        public let chiSquarePValue: Double
    }

    /// Schema identifier (`formatIdentifier`).
    public let format: String
    /// Estimator in words.
    public let estimator: String
    /// Outcome, unit, time, cohort and cluster columns.
    public let columns: [String: String]
    /// Observations used.
    public let observations: Int
    /// Clusters of the covariance.
    public let clusters: Int
    /// Treated units and never-treated units in the sample.
    public let treatedUnits: Int
    /// Never-treated units in the sample.
    public let neverTreatedUnits: Int
    /// Treatment cohorts.
    public let cohorts: [Int]
    /// Treated rows outside the window that were left out (0 when binned).
    public let rowsOutsideWindow: Int
    /// Covariance label.
    public let covariance: String
    /// Confidence level of the intervals.
    public let level: Double
    /// The identifying choices in words.
    public let assumptions: [String]
    /// One row per event time of the window.
    public let eventTimes: [EffectEstimateRow]
    /// The covariance matrix of the estimated event-time coefficients (reference excluded), row-major,
    /// in the order of the non-reference rows.
    public let covarianceMatrix: [[Double]]
    /// The pre-trend test, when the window has leads besides the reference.
    public let preTrendTest: PreTrendTest?
    /// Warnings of the fit.
    public let warnings: [String]
    /// Rambachan–Roth sensitivity of the average post-treatment effect, when requested.
    public var sensitivity: SensitivityReport? = nil

    /// The report of a fitted event study.
    public init(_ result: EventStudyResult) {
        let spec = result.specification
        format = Self.formatIdentifier
        estimator = "Two-way fixed effects event study (leads and lags)"
        columns = [
            "outcome": spec.outcome, "unit": spec.unit, "time": spec.time, "cohort": spec.cohort, "cluster": spec.cluster,
        ]
        observations = result.n
        clusters = result.clusterCount
        treatedUnits = result.treatedUnits
        neverTreatedUnits = result.neverTreatedUnits
        cohorts = result.cohorts
        rowsOutsideWindow = result.rowsOutsideWindow
        covariance = result.covarianceLabel
        level = spec.level
        assumptions = result.assumptions
        eventTimes = result.eventTimes.map { e in
            EffectEstimateRow(
                label: "event time \(e.eventTime)", estimate: e.estimate, standardError: e.standardError,
                pValue: e.pValue, lower: e.lower, upper: e.upper, count: e.observations, reference: e.isReference)
        }
        let k = result.covariance.rows
        covarianceMatrix = (0..<k).map { i in (0..<k).map { j in result.covariance[i, j] } }
        preTrendTest = result.preTrendTest.map { test in
            PreTrendTest(
                leads: spec.testedLeads, fStatistic: test.fStatistic,
                numeratorDF: test.numeratorDegreesOfFreedom, denominatorDF: test.denominatorDegreesOfFreedom,
                fPValue: test.fPValue, chiSquare: test.chiSquare, chiSquarePValue: test.chiSquarePValue)
        }
        warnings = result.warnings
    }
}
