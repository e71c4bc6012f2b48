import Inference

/// Rambachan & Roth (2023) relative-magnitudes sensitivity of an event study's average
/// post-treatment effect, as plain, Codable values (part of `impact eventstudy --sensitivity`).
public struct SensitivityReport: Codable, Sendable, Equatable {
    /// One robust confidence set.
    public struct Bound: Codable, Sendable, Equatable {
        /// M̄: post-treatment violations at most M̄ × the largest pre-treatment violation.
        public let mbar: Double
        /// Lower end; `nil` when the set is empty.
        public let lower: Double?
        /// Upper end; `nil` when the set is empty.
        public let upper: Double?
        /// The set reaches the edge of the θ grid (its true end may lie beyond).
        public let reachesGridEdge: Bool
    }

    /// The target in words.
    public let target: String
    /// The estimate of the target.
    public let estimate: Double
    /// The ordinary (non-robust) confidence interval [lower, upper].
    public let originalInterval: [Double]
    /// The robust sets by M̄.
    public let bounds: [Bound]
    /// The largest M̄ at which the robust set excludes 0; `nil` when it never does.
    public let breakdown: Double?
    /// The breakdown in words.
    public let breakdownText: String
    /// Method, α, grid and seed in words.
    public let method: String

    /// The report of a sensitivity analysis.
    public init(_ sensitivity: HonestDiDSensitivity) {
        target = "average post-treatment effect"
        estimate = sensitivity.estimate
        originalInterval = [sensitivity.original.lower, sensitivity.original.upper]
        bounds = sensitivity.bounds.map {
            Bound(mbar: $0.mbar, lower: $0.interval?.lower, upper: $0.interval?.upper, reachesGridEdge: $0.reachesGridEdge)
        }
        switch sensitivity.breakdown {
        case .value(let m):
            breakdown = m
            breakdownText = "The effect stays significant until post-treatment violations reach "
                + "\(StatisticsText.number(m, significant: 3)) × the largest pre-treatment violation (breakdown M̄)."
        case .notSignificantAtZero:
            breakdown = nil
            breakdownText = "Even with no violation allowed (M̄ = 0) the robust set contains 0: no robust effect to break down."
        case .atLeast(let m):
            breakdown = m
            breakdownText = "The effect stays significant at every M̄ searched, up to \(StatisticsText.number(m, significant: 3))."
        }
        let alpha = StatisticsText.compact(sensitivity.options.alpha)
        method = "Relative magnitudes, conditional least-favourable hybrid (Andrews, Roth & Pakes) test inverted over "
            + "\(sensitivity.options.gridPoints) grid points, α = \(alpha), seed \(sensitivity.options.seed)"
    }

    /// Text lines for a report.
    public func textLines() -> [String] {
        var lines = [
            "Sensitivity to parallel-trends violations (Rambachan & Roth 2023), \(target):",
            "  estimate \(StatisticsText.number(estimate)); ordinary CI [\(StatisticsText.number(originalInterval[0])), "
                + "\(StatisticsText.number(originalInterval[1]))]",
        ]
        let rows = bounds.map { b -> [String] in
            guard let lo = b.lower, let hi = b.upper else { return [StatisticsText.compact(b.mbar), "empty", ""] }
            return [
                StatisticsText.compact(b.mbar), "[\(StatisticsText.number(lo)), \(StatisticsText.number(hi))]",
                (lo > 0 || hi < 0 ? "excludes 0" : "includes 0") + (b.reachesGridEdge ? " (grid edge)" : ""),
            ]
        }
        lines.append(
            StatisticsText.alignedTable(header: ["M̄", "robust set", ""], rows: rows).split(separator: "\n").map { "  " + $0 }
                .joined(separator: "\n"))
        lines.append("  " + breakdownText)
        lines.append("  " + method)
        return lines
    }
}
