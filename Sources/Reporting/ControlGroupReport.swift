import Estimators
import Inference

/// A control-group comparison on a cross-section as plain, Codable values: the JSON of
/// `impact compare --json` and the source of its text.
///
/// Rows: Welch's difference in means (t interval with Welch–Satterthwaite df), regression
/// adjustment, normalized IPW and AIPW (normal intervals from the stacked-moment sandwich, as
/// statsmodels `TreatmentEffect`), each for the stated target (AIPW estimates the ATE only).
public struct ControlGroupReport: Codable, Sendable, Equatable {
    /// Schema identifier written into every report.
    public static let formatIdentifier = "impact-control-group/1"

    /// Schema identifier (`formatIdentifier`).
    public let format: String
    /// The outcome column.
    public let outcome: String
    /// The 0/1 treatment column.
    public let treatment: String
    /// The covariate terms of the outcome and propensity models.
    public let covariates: [String]
    /// `ATE` or `ATT`.
    public let target: String
    /// Rows in the data.
    public let totalRows: Int
    /// Rows used.
    public let usedRows: Int
    /// Treated rows used.
    public let treatedRows: Int
    /// Control rows used.
    public let controlRows: Int
    /// Rows dropped, by reason.
    public let dropped: [DroppedRowCount]
    /// Confidence level of the intervals.
    public let level: Double
    /// The identifying and inferential choices in words.
    public let assumptions: [String]
    /// One row per estimator.
    public let estimates: [EffectEstimateRow]
    /// Warnings of the estimators.
    public let warnings: [String]
    /// How the matching was done and how many units it used, when matching was run.
    public let matchingNote: String?

    /// The report of the four estimators on `comparison` for `target`, plus nearest-neighbour
    /// matching (an ATT estimator) when `matching` is given.
    /// - Throws: the estimators' `ControlGroupError`s and `NearestNeighbourMatchingError`.
    public init(
        _ comparison: ControlGroupComparison, covariates: [String], target: ControlGroupEffect, level: Double = 0.95,
        matching: NearestNeighbourMatchingSpecification? = nil
    ) throws {
        format = Self.formatIdentifier
        outcome = comparison.outcomeName
        treatment = comparison.treatmentName
        self.covariates = covariates
        self.target = target.rawValue
        totalRows = comparison.observations.totalRows
        usedRows = comparison.observations.usedRows
        treatedRows = comparison.treatedCount
        controlRows = comparison.controlCount
        dropped = comparison.observations.dropped.map { DroppedRowCount(reason: $0.reason.description, count: $0.count) }
        self.level = level
        let welch = comparison.differenceInMeans()
        let interval = welch.confidenceInterval(level: level)
        var rows = [
            EffectEstimateRow(
                label: "difference in means (Welch)", estimate: welch.difference, standardError: welch.standardError,
                pValue: welch.pValue, lower: interval.lower, upper: interval.upper, count: comparison.n)
        ]
        var estimates = [try comparison.regressionAdjustment(target), try comparison.inverseProbabilityWeighting(target)]
        if target == .averageTreatmentEffect { estimates.append(try comparison.augmentedInverseProbabilityWeighting()) }
        var warnings: [String] = []
        for estimate in estimates {
            let ci = estimate.confidenceInterval(level: level)
            rows.append(
                EffectEstimateRow(
                    label: estimate.method.rawValue, estimate: estimate.effect, standardError: estimate.standardError,
                    pValue: estimate.pValue, lower: ci.lower, upper: ci.upper, count: estimate.n))
            for warning in estimate.warnings where !warnings.contains(warning) { warnings.append(warning) }
        }
        if let matching {
            let matched = try comparison.nearestNeighbourMatching(matching)
            let ci = matched.confidenceInterval(level: level)
            rows.append(
                EffectEstimateRow(
                    label: "nearest-neighbour matching (ATT)", estimate: matched.effect, standardError: matched.standardError,
                    pValue: matched.pValue, lower: ci.lower, upper: ci.upper,
                    count: matched.matchedTreatedCount + matched.matchedControlCount))
            for warning in matched.warnings where !warnings.contains(warning) { warnings.append(warning) }
            matchingNote = "Matching: \(matching.description); \(matched.matchedTreatedCount) of \(matched.treatedCount) "
                + "treated units matched to \(matched.matchedControlCount) controls; SE \(matched.covarianceLabel)."
        } else {
            matchingNote = nil
        }
        self.estimates = rows
        self.warnings = warnings
        assumptions = [
            "Unconfoundedness: given \(covariates.joined(separator: ", ")), treatment is as good as random.",
            "Overlap: every unit has a propensity score strictly between 0 and 1 (logit of \(comparison.treatmentName) on the covariates).",
            "The difference in means adjusts for nothing; it is the benchmark the adjusted estimates move from.",
            "Standard errors: Welch (t, Welch–Satterthwaite df) for the difference in means; the robust sandwich of "
                + "the stacked estimating equations (normal intervals) for regression adjustment, IPW and AIPW.",
        ] + (target == .averageTreatmentEffect ? [] : ["AIPW is reported for the ATE only and is left out for the ATT."])
    }

    /// The plain-text report of `impact compare`.
    public func text() -> String {
        var lines = [
            "Control-group comparison: \(outcome) by \(treatment) (\(target))",
            "Observations: \(StatisticsText.count(usedRows)) used of \(StatisticsText.count(totalRows)) "
                + "(\(StatisticsText.count(treatedRows)) treated, \(StatisticsText.count(controlRows)) control)",
        ]
        for drop in dropped { lines.append("  dropped \(StatisticsText.count(drop.count)): \(drop.reason)") }
        lines.append("Assumptions:")
        lines += assumptions.map { "  - \($0)" }
        if let matchingNote { lines.append("  - \(matchingNote)") }
        lines.append("")
        lines.append(EffectEstimateRow.textTable(estimates, level: level))
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += warnings.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
