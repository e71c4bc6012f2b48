import Inference
import ModelSpec

/// The result of a 2×2 difference-in-differences: the effect with its uncertainty, the table of
/// means, and the underlying regression.
public struct DiD2x2Result: Sendable {
    /// The specification estimated.
    public let specification: DiD2x2Specification
    /// Group × period means and counts, and their double difference.
    public let meansTable: DiD2x2MeansTable
    /// `outcome ~ treated + post + treated:post` with the specification's covariance.
    public let regression: RegressionFit
    /// Name of the interaction column, e.g. `"trained_team:post"`.
    public let interactionName: String
    /// The interaction coefficient δ: the average effect on the treated in the post period.
    public let effect: Double
    /// Standard error of δ under the specification's covariance.
    public let standardError: Double
    /// Two-sided p-value of δ = 0 (t with the covariance's df, G − 1 when clustered).
    public let pValue: Double
    /// Confidence interval of δ at `specification.level`.
    public let confidenceInterval: (lower: Double, upper: Double)
    /// Units with the treated-group indicator 1 (in the rows used).
    public let treatedUnits: Int
    /// Units with the treated-group indicator 0.
    public let controlUnits: Int
    /// Treated units observed at least once in the post period (the default benefiting population).
    public let treatedUnitsObservedPost: Int
    /// The design that was fitted (`outcome ~ treated + post + treated:post`, the rows used), so
    /// that resampling methods re-estimate exactly this fit.
    public let design: DesignMatrix
    /// Dense cluster codes of the specification's cluster variable over the design's rows.
    public let clusters: ClusterVariable
    /// Design warnings (group membership that changes within a unit); the regression's own
    /// warnings (few clusters) are in `regression.warnings`.
    public let warnings: [String]

    /// Rows used and dropped, by reason.
    public var observations: ObservationAccount { regression.observations }

    /// All warnings: the design's, then the regression's.
    public var allWarnings: [String] { warnings + regression.warnings }

    /// A plain-text report: the comparison, the identifying assumptions, the table of means, the
    /// effect with its interval, the regression table and warnings. Formatting only.
    public func summary() -> String {
        let spec = specification
        let percent = StatisticsText.compact((spec.level * 100 * 1e6).rounded() / 1e6)
        var lines: [String] = []
        lines.append("2×2 difference-in-differences")
        lines.append("Outcome:      \(spec.outcome); unit: \(spec.unit); time: \(spec.time)")
        lines.append(
            "Groups:       treated = \(spec.treatedGroup) = 1 (\(StatisticsText.count(treatedUnits)) units); "
                + "comparison = \(spec.treatedGroup) = 0 (\(StatisticsText.count(controlUnits)) units)")
        let period: String
        switch spec.post {
        case .column(let name): period = "\(name) = 1"
        case .treatmentStart(let start): period = "\(spec.time) ≥ \(StatisticsText.compact(start))"
        }
        lines.append("Post period:  \(period)")
        lines.append("Observations: \(observations)")
        lines.append(
            "Covariance:   \(regression.covarianceLabel); t df = "
                + StatisticsText.count(regression.inferenceDegreesOfFreedom))
        lines.append(
            "Assumptions:  parallel trends (without treatment both groups would have changed alike); "
                + "no anticipation before the post period; fixed group membership; no covariates.")
        lines.append("")
        lines.append(meansTable.description)
        lines.append("")
        lines.append(
            "Effect (\(interactionName)): \(StatisticsText.number(effect)), standard error "
                + "\(StatisticsText.number(standardError)), \(percent)% CI [\(StatisticsText.number(confidenceInterval.lower)), "
                + "\(StatisticsText.number(confidenceInterval.upper))], p = \(StatisticsText.pValue(pValue))")
        lines.append("")
        lines.append(regression.coefficientTable(level: spec.level).description)
        let all = allWarnings
        if !all.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines.append(contentsOf: all.map { "  - \($0)" })
        }
        return lines.joined(separator: "\n")
    }
}
