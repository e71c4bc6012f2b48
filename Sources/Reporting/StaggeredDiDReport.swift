import Estimators
import Inference

/// A Callaway & Sant'Anna (2021) staggered difference-in-differences as plain, Codable values:
/// the JSON of `impact did --json` and the source of its text.
///
/// Holds every group-time ATT(g,t) and the requested aggregations, each element with a normal
/// pointwise interval from its analytic influence-function standard error (R `did`'s
/// `bstrap = FALSE`), and the identifying choices in words.
public struct StaggeredDiDReport: Codable, Sendable, Equatable {
    /// Schema identifier written into every report.
    public static let formatIdentifier = "impact-staggered-did/1"

    /// One aggregation (simple, dynamic, group or calendar).
    public struct Aggregation: Codable, Sendable, Equatable {
        /// `simple`, `dynamic`, `group` or `calendar`.
        public let kind: String
        /// What the overall figure averages, in words.
        public let meaning: String
        /// The overall effect of this aggregation.
        public let overall: EffectEstimateRow
        /// Its elements (event times, cohorts or periods); empty for `simple`.
        public let elements: [EffectEstimateRow]
    }

    /// Schema identifier (`formatIdentifier`).
    public let format: String
    /// Estimator in words.
    public let estimator: String
    /// Outcome, unit, time, cohort (and cluster) columns.
    public let columns: [String: String]
    /// Units in the panel.
    public let units: Int
    /// Never-treated units.
    public let neverTreatedUnits: Int
    /// Periods in the panel.
    public let periods: Int
    /// Treatment cohorts.
    public let cohorts: [Double]
    /// Clusters of the standard errors (units when not clustered above them).
    public let clusters: Int
    /// Confidence level of the intervals.
    public let level: Double
    /// The identifying and inferential choices in words.
    public let assumptions: [String]
    /// Every ATT(g,t), labelled `ATT(g, t)`, with the treated-unit count.
    public let groupTimeEffects: [EffectEstimateRow]
    /// The requested aggregations.
    public let aggregations: [Aggregation]
    /// Warnings of the estimation.
    public let warnings: [String]

    /// The report of `result` with the given aggregations, columns as named by the caller.
    ///
    /// With `bootstrap`, every aggregation's elements carry multiplier-bootstrap standard errors,
    /// pointwise intervals and a simultaneous band (R `did` `bstrap = TRUE, cband = TRUE`); the
    /// ATT(g,t) table keeps its analytic standard errors.
    public init(
        _ result: CallawaySantAnnaResult, columns: [String: String], aggregations kinds: [CallawaySantAnnaAggregate.Kind],
        level: Double = 0.95, bootstrap: CallawaySantAnnaBootstrapOptions? = nil
    ) {
        format = Self.formatIdentifier
        estimator = "Callaway & Sant'Anna (2021) group-time average treatment effects"
            + (result.specification.isConditional ? " (\(result.specification.estimationMethod.label))" : "")
        self.columns = columns
        units = result.unitCount
        neverTreatedUnits = result.unitCohorts.filter { $0 == nil }.count
        periods = result.periods.count
        cohorts = Array(Set(result.unitCohorts.compactMap { $0 })).sorted()
        clusters = result.clusterCount
        self.level = level
        let spec = result.specification
        assumptions = [
            "Comparison group: \(spec.controlGroup.label) units.",
            "Anticipation: \(spec.anticipation) period(s) before treatment may already be affected.",
            "Base period: \(spec.basePeriod.rawValue)"
                + (spec.basePeriod == .varying
                    ? " (pre-treatment cells compare consecutive periods; post-treatment cells the last period before treatment)."
                    : " (every cell is compared with the last period before treatment)."),
            spec.isConditional
                ? "Parallel trends of the untreated outcome conditional on \(spec.covariates.joined(separator: ", ")) "
                    + "(base-period values); estimator: \(spec.estimationMethod.label); overlap of the propensity score."
                : "Parallel trends of the untreated outcome between each cohort and its comparison group, unconditionally.",
            "Standard errors: analytic, from the influence function, clustered by "
                + (result.clusterName.map { "\($0) (G = \(result.clusterCount))" } ?? "unit (G = \(result.unitCount))")
                + (bootstrap.map {
                    "; aggregations: multiplier bootstrap (\(StatisticsText.count($0.replicates)) replicates, "
                        + "\($0.weights.label), seed \($0.seed)) with pointwise intervals and a simultaneous "
                        + "(uniform) band over each aggregation's elements."
                } ?? "; intervals are pointwise normal intervals (no simultaneous band: ask for the bootstrap)."),
        ] + result.inputReport.notes
        groupTimeEffects = result.effects.map { e in
            let label = "ATT(\(StatisticsText.compact(e.cohort)), \(StatisticsText.compact(e.period)))"
            if e.standardError == nil && e.estimate == 0 && e.period == e.basePeriod {
                return EffectEstimateRow(
                    label: label, estimate: 0, standardError: nil, pValue: nil, lower: nil, upper: nil, count: 0,
                    reference: true)
            }
            return .normal(label: label, estimate: e.estimate, standardError: e.standardError, level: level, count: e.treatedUnits)
        }
        aggregations = kinds.map { kind in
            let aggregate = result.aggregate(kind)
            let prefix: String
            let meaning: String
            switch kind {
            case .simple:
                prefix = ""
                meaning = "ATT over all post-treatment cells, weighted by cohort size"
            case .dynamic:
                prefix = "event time "
                meaning = "average of the event-time effects at event times ≥ 0"
            case .group:
                prefix = "cohort "
                meaning = "cohort effects averaged with cohort-size weights"
            case .calendar:
                prefix = "period "
                meaning = "average of the calendar-period effects"
            }
            if let bootstrap {
                let bands = result.bootstrapBands(kind, options: bootstrap)
                func row(_ label: String, _ r: CallawaySantAnnaBootstrapBands.Row) -> EffectEstimateRow {
                    var out = EffectEstimateRow.normal(label: label, estimate: r.estimate, standardError: r.standardError, level: level)
                    out.bandLower = r.simultaneous?.lowerBound
                    out.bandUpper = r.simultaneous?.upperBound
                    return out
                }
                let overall = bands.overall.map { r in
                    EffectEstimateRow.normal(
                        label: "overall (\(kind.rawValue))", estimate: r.estimate, standardError: r.standardError, level: level)
                } ?? .normal(
                    label: "overall (\(kind.rawValue))", estimate: aggregate.overall,
                    standardError: aggregate.overallStandardError, level: level)
                return Aggregation(
                    kind: kind.rawValue, meaning: meaning, overall: overall,
                    elements: bands.rows.map { row(prefix + StatisticsText.compact($0.label ?? .nan), $0) })
            }
            return Aggregation(
                kind: kind.rawValue, meaning: meaning,
                overall: .normal(
                    label: "overall (\(kind.rawValue))", estimate: aggregate.overall,
                    standardError: aggregate.overallStandardError, level: level),
                elements: aggregate.elements.map {
                    .normal(
                        label: prefix + StatisticsText.compact($0.label), estimate: $0.estimate,
                        standardError: $0.standardError, level: level)
                })
        }
        warnings = result.warnings
    }
}
