import Estimators
import Inference

/// Covariate balance before and after weighting as plain, Codable values: the JSON of
/// `impact balance --json` and the source of its text (see `BalanceTable` for the formulas).
public struct BalanceReport: Codable, Sendable, Equatable {
    /// Schema identifier written into every report.
    public static let formatIdentifier = "impact-balance/1"

    /// One covariate in one sample.
    public struct Row: Codable, Sendable, Equatable {
        /// Covariate (design column) name.
        public let variable: String
        /// Mean among treated rows.
        public let treatedMean: Double
        /// Mean among control rows.
        public let controlMean: Double
        /// Standardized mean difference.
        public let standardizedMeanDifference: Double
        /// Variance ratio treated/control.
        public let varianceRatio: Double
        /// |SMD| above the threshold or VR outside the bounds.
        public let flagged: Bool

        init(_ row: BalanceTable.Row) {
            variable = row.variable
            treatedMean = row.treatedMean
            controlMean = row.controlMean
            standardizedMeanDifference = row.standardizedMeanDifference
            varianceRatio = row.varianceRatio
            flagged = row.isMeanImbalanced || row.isVarianceImbalanced
        }
    }

    /// Schema identifier (`formatIdentifier`).
    public let format: String
    /// The 0/1 treatment column.
    public let treatment: String
    /// What the weights target (`ATE` or `ATT`).
    public let target: String
    /// How the "after" sample is formed, in words.
    public let adjustment: String
    /// |SMD| threshold of the flags.
    public let smdThreshold: Double
    /// Variance-ratio bounds of the flags.
    public let varianceRatioBounds: [Double]
    /// Balance in the raw sample.
    public let before: [Row]
    /// Balance after the adjustment.
    public let after: [Row]
    /// Kish effective sample sizes after weighting: treated, control.
    public let effectiveSampleSize: [Double]
    /// Covariates flagged before.
    public let flaggedBefore: [String]
    /// Covariates flagged after.
    public let flaggedAfter: [String]

    /// The report of a balance table (after IPW, after matching, or after other weights).
    public init(_ table: BalanceTable, treatment: String) {
        format = Self.formatIdentifier
        self.treatment = treatment
        target = table.target.rawValue
        switch table.adjustment {
        case .inverseProbabilityWeighting(let effect):
            adjustment = "inverse-probability weights from a logit propensity score (\(effect.rawValue) weights)"
        case .nearestNeighbourMatching(let specification):
            adjustment = specification.description
        case .weights(let label):
            adjustment = label
        }
        smdThreshold = BalanceTable.smdThreshold
        varianceRatioBounds = [BalanceTable.varianceRatioBounds.lowerBound, BalanceTable.varianceRatioBounds.upperBound]
        before = table.before.map(Row.init)
        after = table.after.map(Row.init)
        effectiveSampleSize = [table.effectiveSampleSize.treated, table.effectiveSampleSize.control]
        flaggedBefore = table.flaggedBefore
        flaggedAfter = table.flaggedAfter
    }

    /// The plain-text report of `impact balance`.
    public func text() -> String {
        var lines = [
            "Covariate balance by \(treatment): raw sample and after \(adjustment)",
            "Flags: |SMD| > \(StatisticsText.compact(smdThreshold)) or variance ratio outside "
                + "[\(StatisticsText.compact(varianceRatioBounds[0])), \(StatisticsText.compact(varianceRatioBounds[1]))]",
            "",
        ]
        let header = ["covariate", "SMD before", "VR before", "", "SMD after", "VR after", ""]
        let rows = zip(before, after).map { b, a in
            [
                b.variable, StatisticsText.number(b.standardizedMeanDifference, significant: 4),
                StatisticsText.number(b.varianceRatio, significant: 4), b.flagged ? "flag" : "ok",
                StatisticsText.number(a.standardizedMeanDifference, significant: 4),
                StatisticsText.number(a.varianceRatio, significant: 4), a.flagged ? "flag" : "ok",
            ]
        }
        lines.append(StatisticsText.alignedTable(header: header, rows: rows))
        lines.append("")
        lines.append(
            "Effective sample size after adjustment: \(StatisticsText.number(effectiveSampleSize[0], significant: 5)) treated, "
                + "\(StatisticsText.number(effectiveSampleSize[1], significant: 5)) control")
        lines.append(
            flaggedAfter.isEmpty
                ? "Reading: every covariate is balanced after adjustment."
                : "Reading: still imbalanced after adjustment: \(flaggedAfter.joined(separator: ", ")); "
                    + "the adjusted comparison leans on the outcome model for these.")
        return lines.joined(separator: "\n") + "\n"
    }
}
