import DataFrameModule
import Distributions
import Inference

/// The estimators a staggered-adoption comparison can run side by side.
public enum StaggeredEstimator: String, Sendable, Equatable, CaseIterable, Codable {
    /// Two-way fixed effects: the static coefficient on D_it and the leads/lags event study.
    case twoWayFixedEffects = "TWFE"
    /// Callaway & Sant'Anna (2021) group-time effects, simple and dynamic aggregations.
    case callawaySantAnna = "Callaway–Sant'Anna"
    /// Sun & Abraham (2021) interaction-weighted event study and its ATT.
    case sunAbraham = "Sun–Abraham"
    /// Borusyak, Jaravel & Spiess (2024) imputation: Y(0) from unit and period effects fitted on
    /// untreated observations.
    case imputation = "Imputation (BJS)"

    /// What the overall figure of this estimator is, in words.
    public var overallMeaning: String {
        switch self {
        case .twoWayFixedEffects:
            return "static TWFE coefficient on the treatment indicator (a weighted average of 2×2 comparisons whose weights can be negative)"
        case .callawaySantAnna: return "simple ATT: post-treatment ATT(g,t) weighted by cohort size"
        case .sunAbraham: return "interaction-weighted ATT over the post-treatment relative periods"
        case .imputation: return "ATT averaged over all treated observations, each against its imputed untreated outcome"
        }
    }
}

/// What a side-by-side staggered comparison estimates: the panel's columns and the event window
/// reported in the event-time series.
public struct StaggeredComparisonSpecification: Sendable, Equatable {
    /// Outcome column (numeric).
    public var outcome: String
    /// Unit identifier column.
    public var unit: String
    /// Period column (integer-valued).
    public var time: String
    /// First treated period per unit; 0 or missing = never treated.
    public var cohort: String
    /// Cluster column for every estimator's standard errors (default: the unit).
    public var cluster: String?
    /// Event times reported in the series (and the TWFE event study's window, endpoints binned).
    public var window: ClosedRange<Int>
    /// Confidence level of the intervals.
    public var level: Double

    /// A specification; the window must contain −1 (the reference period) and 0.
    public init(
        outcome: String, unit: String, time: String, cohort: String, cluster: String? = nil, window: ClosedRange<Int> = -4...4,
        level: Double = 0.95
    ) {
        precondition(window.contains(-1) && window.contains(0), "The window must contain event times −1 and 0")
        precondition(level > 0 && level < 1, "The confidence level must lie strictly between 0 and 1")
        self.outcome = outcome
        self.unit = unit
        self.time = time
        self.cohort = cohort
        self.cluster = cluster
        self.window = window
        self.level = level
    }
}

/// One estimator's effect at one event time.
public struct EventTimePoint: Sendable, Equatable, Codable {
    /// Event time k = t − cohort.
    public let eventTime: Int
    /// Estimate (0 for the reference period).
    public let estimate: Double
    /// Standard error; `nil` for the reference period.
    public let standardError: Double?
    /// Lower end of the pointwise interval.
    public let lower: Double?
    /// Upper end of the pointwise interval.
    public let upper: Double?
}

/// One estimator's row of the comparison table, or why it could not be computed.
public struct StaggeredComparisonRow: Sendable, Equatable {
    /// The estimator.
    public let estimator: StaggeredEstimator
    /// The overall effect, its SE and interval; `nil` when the estimator failed.
    public let overall: EventTimePoint?
    /// Observations (rows) or units used.
    public let sampleSize: String
    /// The covariance / standard-error label.
    public let inference: String
    /// The event-time series inside the window.
    public let series: [EventTimePoint]
    /// The estimator's error message when it failed on these data.
    public let failure: String?
    /// Warnings the estimator raised.
    public let warnings: [String]
}

/// TWFE, Callaway–Sant'Anna, Sun–Abraham and the BJS imputation estimator on the same staggered panel, one table and one
/// event-time series per estimator (for a plot): the diagnostic evaluators use to see whether the
/// TWFE estimate is distorted by heterogeneous effects (Roth, Sant'Anna, Bilinski & Poe 2023, §3).
///
/// Each estimator runs with its own documented defaults on the same rows and clustering; one that
/// fails (e.g. no never-treated units for Callaway–Sant'Anna) is reported with its error instead of
/// stopping the others.
public struct StaggeredComparison: Sendable {
    /// The specification.
    public let specification: StaggeredComparisonSpecification
    /// One row per estimator, in the order requested.
    public let rows: [StaggeredComparisonRow]

    /// Runs `estimators` on `data`.
    public static func run(
        _ spec: StaggeredComparisonSpecification, data: DataFrame,
        estimators: [StaggeredEstimator] = StaggeredEstimator.allCases
    ) -> StaggeredComparison {
        let rows = estimators.map { estimator -> StaggeredComparisonRow in
            do {
                switch estimator {
                case .twoWayFixedEffects: return try twoWayFixedEffects(spec, data: data)
                case .callawaySantAnna: return try callawaySantAnna(spec, data: data)
                case .sunAbraham: return try sunAbraham(spec, data: data)
                case .imputation: return try imputation(spec, data: data)
                }
            } catch {
                return StaggeredComparisonRow(
                    estimator: estimator, overall: nil, sampleSize: "", inference: "", series: [], failure: "\(error)",
                    warnings: [])
            }
        }
        return StaggeredComparison(specification: spec, rows: rows)
    }

    /// The row of `estimator`, if it was run.
    public func row(_ estimator: StaggeredEstimator) -> StaggeredComparisonRow? { rows.first { $0.estimator == estimator } }

    static func point(_ e: EventTimeEstimate) -> EventTimePoint {
        EventTimePoint(eventTime: e.eventTime, estimate: e.estimate, standardError: e.standardError, lower: e.lower, upper: e.upper)
    }

    static func normalPoint(_ k: Int, _ estimate: Double, _ se: Double?, level: Double) -> EventTimePoint {
        guard let se else { return EventTimePoint(eventTime: k, estimate: estimate, standardError: nil, lower: nil, upper: nil) }
        let z = Normal().quantile(0.5 + level / 2)
        return EventTimePoint(eventTime: k, estimate: estimate, standardError: se, lower: estimate - z * se, upper: estimate + z * se)
    }

    static func twoWayFixedEffects(_ spec: StaggeredComparisonSpecification, data: DataFrame) throws -> StaggeredComparisonRow {
        let study = try EventStudy.estimate(
            EventStudySpecification(
                outcome: spec.outcome, unit: spec.unit, time: spec.time, cohort: spec.cohort, cluster: spec.cluster,
                leads: -spec.window.lowerBound, lags: spec.window.upperBound, level: spec.level),
            data: data)
        // The static coefficient: D_it = 1[treated unit and t ≥ cohort].
        let treatedName = "__treated_post"
        let cohort = try data.column(named: spec.cohort).numericValues() ?? []
        let time = try data.column(named: spec.time).numericValues() ?? []
        let never = NeverTreatedCoding.zeroOrMissing
        let indicator = (0..<data.rowCount).map { i -> Double in
            if time[i].isNaN { return .nan }
            return !never.isNeverTreated(cohort[i]) && time[i] >= cohort[i] ? 1 : 0
        }
        let frame = try data.adding(
            Column(name: treatedName, values: .double(indicator, missing: indicator.map(\.isNaN))))
        let fit = try LinearRegression.fit(
            "\(spec.outcome) ~ \(treatedName) | \(spec.unit) + \(spec.time)", data: frame,
            covariance: .clustered(by: [spec.cluster ?? spec.unit], correction: .stata))
        guard let row = fit.coefficientTable(level: spec.level)[treatedName], !row.isDropped else {
            throw StaggeredComparisonError.treatmentNotIdentified
        }
        return StaggeredComparisonRow(
            estimator: .twoWayFixedEffects,
            overall: EventTimePoint(eventTime: 0, estimate: row.estimate, standardError: row.standardError, lower: row.lower, upper: row.upper),
            sampleSize: "N = \(StatisticsText.count(fit.n))", inference: fit.covarianceLabel,
            series: study.eventTimes.map(point), failure: nil, warnings: fit.warnings + study.warnings)
    }

    static func callawaySantAnna(_ spec: StaggeredComparisonSpecification, data: DataFrame) throws -> StaggeredComparisonRow {
        let panel = try StaggeredPanel(
            data: data, outcome: spec.outcome, unit: spec.unit, time: spec.time, cohort: spec.cohort, cluster: spec.cluster)
        let result = try CallawaySantAnna.estimate(panel)
        let simple = result.aggregate(.simple)
        let dynamic = result.aggregate(.dynamic)
        var series = dynamic.elements.filter { spec.window.contains(Int($0.label)) }.map {
            normalPoint(Int($0.label), $0.estimate, $0.standardError, level: spec.level)
        }
        // did's varying base makes e = −1 a short difference, not a normalised zero; it is kept.
        series.sort { $0.eventTime < $1.eventTime }
        return StaggeredComparisonRow(
            estimator: .callawaySantAnna, overall: normalPoint(0, simple.overall, simple.overallStandardError, level: spec.level),
            sampleSize: "\(StatisticsText.count(panel.unitCount)) units",
            inference: "influence function, clustered by \(spec.cluster ?? spec.unit) (G = \(panel.clusterCount))",
            series: series, failure: nil, warnings: result.warnings)
    }

    static func sunAbraham(_ spec: StaggeredComparisonSpecification, data: DataFrame) throws -> StaggeredComparisonRow {
        let result = try SunAbraham.estimate(
            SunAbrahamSpecification(
                outcome: spec.outcome, unit: spec.unit, time: spec.time, cohort: spec.cohort, cluster: spec.cluster,
                level: spec.level),
            data: data)
        guard let att = result.att else { throw StaggeredComparisonError.noPostTreatmentEffects }
        return StaggeredComparisonRow(
            estimator: .sunAbraham,
            overall: EventTimePoint(
                eventTime: 0, estimate: att.estimate, standardError: att.standardError, lower: att.lower, upper: att.upper),
            sampleSize: "N = \(StatisticsText.count(result.n))", inference: result.covarianceLabel,
            series: result.eventTimes.filter { spec.window.contains($0.eventTime) }.map(point), failure: nil,
            warnings: result.warnings)
    }
}

extension StaggeredComparison {
    /// The imputation estimator's row: post-treatment event times only (BJS test the leads in a
    /// separate regression on untreated observations, reported among the warnings when it rejects).
    static func imputation(_ spec: StaggeredComparisonSpecification, data: DataFrame) throws -> StaggeredComparisonRow {
        let result = try ImputationEstimator.estimate(
            ImputationEstimator.Specification(
                outcome: spec.outcome, unit: spec.unit, time: spec.time, cohort: spec.cohort, cluster: spec.cluster,
                level: spec.level),
            data: data)
        func point(_ e: ImputationEstimator.Effect) -> EventTimePoint {
            EventTimePoint(
                eventTime: e.eventTime ?? 0, estimate: e.estimate, standardError: e.standardError, lower: e.lower, upper: e.upper)
        }
        var warnings = result.warnings
        if let test = result.preTrendTest, test.chiSquarePValue < 0.05 {
            warnings.append(
                "The imputation pre-trend test rejects (χ²(\(test.restrictions)) = \(StatisticsText.number(test.chiSquare, significant: 4)), "
                    + "p = \(StatisticsText.pValue(test.chiSquarePValue))): untreated outcomes already diverge before treatment.")
        }
        return StaggeredComparisonRow(
            estimator: .imputation, overall: point(result.overall),
            sampleSize: "N = \(StatisticsText.count(result.untreatedObservations + result.treatedObservations))",
            inference: "BJS conservative variance, clustered by \(spec.cluster ?? spec.unit) (G = \(result.clusterCount))",
            series: result.eventTimes.filter { $0.eventTime.map(spec.window.contains) ?? false }.map(point), failure: nil,
            warnings: warnings)
    }
}

/// Why one estimator of a comparison gave no overall effect.
public enum StaggeredComparisonError: Error, Equatable, CustomStringConvertible {
    /// The static treatment indicator is collinear with the fixed effects (no untreated contrast).
    case treatmentNotIdentified
    /// No post-treatment relative period could be estimated.
    case noPostTreatmentEffects

    public var description: String {
        switch self {
        case .treatmentNotIdentified:
            return "The treatment indicator is absorbed by the unit and period effects: every unit is treated at the "
                + "same time or never; use a design with a comparison group."
        case .noPostTreatmentEffects:
            return "No post-treatment relative period could be estimated; check the cohort coding and the window."
        }
    }
}
