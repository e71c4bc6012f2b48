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
            + checks.map(\.summary)).joined(separator: "\n")
    }
}
