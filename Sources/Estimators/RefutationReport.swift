import Inference

/// The result of `RefutationBattery.run`: the estimate under test and the checks run on it.
public struct RefutationReport: Sendable, Equatable {
    /// The estimator's label (method and identifying choices).
    public let estimatorLabel: String
    /// The estimate on the full panel.
    public let estimate: RefutationEstimate
    /// Confidence level of the checks.
    public let level: Double
    /// The checks, in the order they were run.
    public let checks: [RefutationCheck]
    /// Checks that could not be computed on these data, with the reason (never dropped silently).
    public var unavailable: [Unavailable] = []

    /// A check that could not be computed, and why.
    public struct Unavailable: Sendable, Equatable {
        /// The check.
        public let kind: RefutationCheck.Kind
        /// The error that stopped it, in words.
        public let reason: String
    }

    /// Whether every check passed.
    public var allPassed: Bool { checks.allSatisfy(\.passed) }

    /// The check of a kind, if it was run.
    public func check(_ kind: RefutationCheck.Kind) -> RefutationCheck? { checks.first { $0.kind == kind } }

    /// The estimator, the estimate and one line per check.
    public var summary: String {
        ([
            estimatorLabel,
            "estimate: " + StatisticsText.number(estimate.estimate, significant: 4)
                + (estimate.standardError.map { " (SE " + StatisticsText.number($0, significant: 4) + ")" } ?? ""),
        ]
            + checks.map(\.summary) + unavailable.map { "n/a   \($0.kind.title): \($0.reason)" }).joined(separator: "\n")
    }
}
