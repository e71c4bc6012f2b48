import Inference

/// The outcome of one refutation check: its statistic, p-value or interval, and a plain reading.
///
/// A check tries to refute the design behind an estimated effect (parallel trends, no
/// anticipation, no effect where there can be none, no single cohort driving the result). `passed`
/// means the check found no evidence against the design at the battery's level; it never proves
/// the design right (Athey & Imbens 2017, "The state of applied econometrics", §4.2 on
/// supplementary analyses; Roth, Sant'Anna, Bilinski & Poe 2023, §3 on pre-trend tests).
public struct RefutationCheck: Sendable, Equatable {
    /// Which check this is.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Treatment dates moved k periods earlier, pre-treatment rows only.
        case placeboTreatmentDate
        /// The effect on an outcome the treatment cannot affect.
        case placeboOutcome
        /// Randomization (permutation) inference on the cohort assignment.
        case randomizationInference
        /// The estimate without each cohort in turn.
        case leaveOneCohortOut
        /// Joint test that the pre-treatment effects are zero.
        case preTrend

        /// A short title, e.g. `placebo treatment date`.
        public var title: String {
            switch self {
            case .placeboTreatmentDate: return "placebo treatment date"
            case .placeboOutcome: return "placebo outcome"
            case .randomizationInference: return "randomization inference"
            case .leaveOneCohortOut: return "leave one cohort out"
            case .preTrend: return "pre-trend test"
            }
        }

        /// What the check's interval is: `confidence interval`, `central permutation range`, `range`.
        public var intervalLabel: String {
            switch self {
            case .placeboTreatmentDate, .placeboOutcome, .preTrend: return "confidence interval"
            case .randomizationInference: return "central permutation range"
            case .leaveOneCohortOut: return "range"
            }
        }
    }

    /// One part of a check (a cohort's placebo effect, the estimate without a cohort).
    public struct Element: Sendable, Equatable {
        /// What the element is, e.g. `cohort 6`.
        public let label: String
        /// Its estimate.
        public let estimate: Double
        /// Its standard error, where there is one.
        public let standardError: Double?
        /// Its two-sided p-value, where there is one.
        public let pValue: Double?

        /// An element of a check.
        public init(label: String, estimate: Double, standardError: Double?, pValue: Double?) {
            self.label = label
            self.estimate = estimate
            self.standardError = standardError
            self.pValue = pValue
        }
    }

    /// The check.
    public let kind: Kind
    /// The check's statistic; what it is is stated in `statisticLabel`.
    public let statistic: Double
    /// What `statistic` is, e.g. `placebo ATT`, `Wald χ²(6)`, `largest |change|`.
    public let statisticLabel: String
    /// The p-value of the check's test (`nil` for leave-one-cohort-out, which reads a range).
    public let pValue: Double?
    /// An interval: the confidence interval of the placebo estimate, or the range of the
    /// leave-one-out estimates; `nil` where the check has none.
    public let interval: ClosedRange<Double>?
    /// Whether the check found no evidence against the design.
    public let passed: Bool
    /// One sentence saying what was done and what the result means.
    public let explanation: String
    /// The parts of the check (per cohort), empty where it has none.
    public let elements: [Element]
    /// The permutation statistics T*_r in permutation order (randomization inference only; empty
    /// otherwise), NaN where a permutation failed to estimate.
    public let permutationStatistics: [Double]

    /// A check result; `explanation` should state the rule that decided `passed`.
    public init(
        kind: Kind, statistic: Double, statisticLabel: String, pValue: Double?, interval: ClosedRange<Double>?,
        passed: Bool, explanation: String, elements: [Element] = [], permutationStatistics: [Double] = []
    ) {
        self.kind = kind
        self.statistic = statistic
        self.statisticLabel = statisticLabel
        self.pValue = pValue
        self.interval = interval
        self.passed = passed
        self.explanation = explanation
        self.elements = elements
        self.permutationStatistics = permutationStatistics
    }

    /// One line: `pass  placebo outcome: placebo estimate = -0.041, p = 0.6220, interval [-0.2046, 0.1236] — …`.
    public var summary: String {
        var line =
            (passed ? "pass  " : "FAIL  ") + kind.title + ": " + statisticLabel + " = "
            + StatisticsText.number(statistic, significant: 4)
        if let pValue {
            let text = StatisticsText.pValue(pValue)
            line += text.hasPrefix("<") ? ", p " + text : ", p = " + text
        }
        if let interval {
            line +=
                ", \(kind.intervalLabel) [" + StatisticsText.number(interval.lowerBound, significant: 4) + ", "
                + StatisticsText.number(interval.upperBound, significant: 4) + "]"
        }
        return line + " — " + explanation
    }
}
