/// A relative-magnitudes sensitivity analysis: the robust sets over a grid of `M̄`, the original
/// interval and the breakdown value, with the choices that made them.
///
/// Matches `HonestDiD::createSensitivityResults_relativeMagnitudes` plus
/// `constructOriginalCS` (Rambachan & Roth 2023).
public struct HonestDiDSensitivity: Sendable {
    /// `l`.
    public let weights: [Double]
    /// `l'β̂_post`.
    public let estimate: Double
    /// The non-robust interval under exact parallel trends.
    public let original: HonestDiDInterval
    /// One robust set per requested `M̄`, in the order given.
    public let bounds: [HonestDiDBounds]
    /// The breakdown value.
    public let breakdown: HonestDiDBreakdown
    /// The settings used (method, `α`, grid, draws, seed).
    public let options: HonestDiDOptions
    /// The `θ` grid's ends.
    public let grid: HonestDiDInterval

    /// A plain-text table that states the assumptions.
    public var summary: String {
        var lines = [
            "Sensitivity to parallel-trends violations: relative magnitudes Δ^RM(M̄) (Rambachan & Roth 2023)",
            "Post-period changes in the violation ≤ M̄ × the largest pre-period change.",
            "Target l'τ_post with l = \(weights.map { formatted($0) }.joined(separator: ", ")); estimate \(formatted(estimate))",
            "Method \(options.method), α = \(formatted(options.alpha)), θ grid \(options.gridPoints) points on "
                + "[\(formatted(grid.lower)), \(formatted(grid.upper))], \(options.simulations) draws, seed \(options.seed)",
            "Original (parallel trends) \(Int((1 - options.alpha) * 100))% CI: [\(formatted(original.lower)), \(formatted(original.upper))]",
            "   M̄        lower        upper",
        ]
        for b in bounds {
            let interval = b.interval.map { "\(pad(formatted($0.lower))) \(pad(formatted($0.upper)))" } ?? "  (empty on the grid)"
            lines.append("\(pad(formatted(b.mbar), 5)) \(interval)\(b.reachesGridEdge ? "  (reaches grid edge)" : "")")
        }
        switch breakdown {
        case .value(let v): lines.append("Breakdown value M̄ = \(formatted(v))")
        case .notSignificantAtZero: lines.append("Breakdown: the robust set contains 0 already at M̄ = 0")
        case .atLeast(let v): lines.append("Breakdown value M̄ ≥ \(formatted(v)) (0 still excluded there)")
        }
        return lines.joined(separator: "\n")
    }

    private func formatted(_ x: Double) -> String {
        let rounded = (x * 10_000).rounded() / 10_000
        return "\(rounded == 0 ? 0 : rounded)"
    }

    private func pad(_ s: String, _ width: Int = 12) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
