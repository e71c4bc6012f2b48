import Estimators
import Inference

/// The refutation battery as plain, Codable values: the JSON of `impact refute --json` and the
/// source of its text. Each check carries its statistic, p-value or interval and a pass/fail
/// reading in words.
public struct RefutationJSONReport: Codable, Sendable, Equatable {
    /// Schema identifier written into every report.
    public static let formatIdentifier = "impact-refutation/1"

    /// One check.
    public struct Check: Codable, Sendable, Equatable {
        /// Machine name of the check (`placeboTreatmentDate`, `randomizationInference`, …).
        public let kind: String
        /// Its title in words.
        public let title: String
        /// Whether the causal claim survives this check.
        public let passed: Bool
        /// What the statistic is.
        public let statisticLabel: String
        /// The statistic.
        public let statistic: Double
        /// Its p-value, when the check has one.
        public let pValue: Double?
        /// Its interval (or range), when the check has one: [lower, upper].
        public let interval: [Double]?
        /// One sentence saying what the result means.
        public let explanation: String
        /// Per-cohort or per-placebo pieces.
        public let elements: [EffectEstimateRow]
    }

    /// Schema identifier (`formatIdentifier`).
    public let format: String
    /// Outcome, unit, time, cohort, cluster and placebo-outcome columns.
    public let columns: [String: String]
    /// The estimator the battery re-runs.
    public let estimator: String
    /// Its estimate on the data.
    public let estimate: Double
    /// Its standard error.
    public let standardError: Double?
    /// Level of the tests (α = 1 − level).
    public let level: Double
    /// Permutations of the randomization-inference check.
    public let permutations: Int
    /// Seed of the permutations.
    public let seed: UInt64
    /// True when every check passed.
    public let allPassed: Bool
    /// The checks in order.
    public let checks: [Check]
    /// Checks that could not be computed on these data: kind and reason.
    public let unavailable: [[String: String]]

    /// The report of a battery run.
    public init(_ report: RefutationReport, columns: [String: String], permutations: Int, seed: UInt64) {
        format = Self.formatIdentifier
        self.columns = columns
        estimator = report.estimatorLabel
        estimate = report.estimate.estimate
        standardError = report.estimate.standardError
        level = report.level
        self.permutations = permutations
        self.seed = seed
        allPassed = report.allPassed
        unavailable = report.unavailable.map { ["kind": $0.kind.rawValue, "title": $0.kind.title, "reason": $0.reason] }
        checks = report.checks.map { check in
            Check(
                kind: check.kind.rawValue, title: check.kind.title, passed: check.passed,
                statisticLabel: check.statisticLabel, statistic: check.statistic, pValue: check.pValue,
                interval: check.interval.map { [$0.lowerBound, $0.upperBound] }, explanation: check.explanation,
                elements: check.elements.map {
                    EffectEstimateRow(
                        label: $0.label, estimate: $0.estimate, standardError: $0.standardError, pValue: $0.pValue,
                        lower: nil, upper: nil)
                })
        }
    }

    /// The plain-text report of `impact refute`.
    public func text() -> String {
        let roles = ["outcome", "unit", "time", "cohort", "cluster", "placebo outcome"]
        let columnText = roles.compactMap { k in columns[k].map { "\(k): \($0)" } }.joined(separator: "; ")
        let alpha = StatisticsText.compact(((1 - level) * 1e6).rounded() / 1e6)
        var estimateText = "Estimate: " + StatisticsText.number(estimate)
        if let standardError { estimateText += " (SE " + StatisticsText.number(standardError) + ")" }
        estimateText += "; tests at α = " + alpha + "; randomization inference: "
        estimateText += StatisticsText.count(permutations) + " permutations, seed \(seed)"
        var lines = ["Refutation battery — " + estimator, columnText, estimateText, ""]
        for check in checks {
            var line = (check.passed ? "PASS  " : "FAIL  ") + check.title + ": " + check.statisticLabel + " = "
                + StatisticsText.number(check.statistic, significant: 4)
            if let p = check.pValue { line += ", p = " + StatisticsText.pValue(p) }
            if let interval = check.interval {
                line += ", [" + StatisticsText.number(interval[0], significant: 4) + ", "
                    + StatisticsText.number(interval[1], significant: 4) + "]"
            }
            lines.append(line)
            lines.append("      " + check.explanation)
        }
        for item in unavailable {
            lines.append("n/a   " + (item["title"] ?? "") + ": could not be computed on these data")
            lines.append("      " + (item["reason"] ?? ""))
        }
        lines.append("")
        lines.append(
            allPassed
                ? "Reading: the claim survives every check run here"
                    + (unavailable.isEmpty ? "." : "; the checks marked n/a could not be run and were not passed.")
                : "Reading: the claim fails \(checks.filter { !$0.passed }.map(\.title).joined(separator: ", ")); "
                    + "do not act on it before these are explained.")
        return lines.joined(separator: "\n") + "\n"
    }
}
