import Inference

/// The robust effect set at one `M̄` and the ROI interval it maps to through the chain.
public struct BreakdownROIBound: Sendable, Equatable {
    /// `M̄`.
    public let mbar: Double
    /// The robust confidence set of the effect (hull of the accepted grid points).
    public let effect: HonestDiDInterval
    /// The ROI (%) at the unfavourable end of the effect set: the ROI lower bound.
    public let roiLowerPercent: Double
    /// The ROI (%) at the favourable end of the effect set.
    public let roiUpperPercent: Double
    /// Whether the effect set reaches the θ grid's edge (widen the grid: the bound may be further out).
    public let reachesGridEdge: Bool
}

/// The breakdown `M̄` of the ROI: how large relative violations of parallel trends may be before
/// the ROI's robust interval reaches the hurdle.
public enum BreakdownROIValue: Equatable, Sendable {
    /// The largest `M̄` (within the search tolerance) at which the ROI interval lies above the hurdle.
    case value(Double)
    /// Already at `M̄ = 0` the ROI interval reaches the hurdle.
    case notAboveHurdleAtZero
    /// The ROI interval is still above the hurdle at the largest `M̄` searched.
    case atLeast(Double)
}

/// ROI lower bounds over a grid of `M̄` and the breakdown `M̄`, with the choices that made them.
public struct BreakdownROIResult: Sendable, Equatable {
    /// One bound per requested `M̄`, in the order given.
    public let bounds: [BreakdownROIBound]
    /// The breakdown `M̄` of the ROI.
    public let breakdown: BreakdownROIValue
    /// `θ*`, the effect at which the ROI equals the hurdle.
    public let breakEvenEffect: Double
    /// The hurdle ROI (%).
    public let hurdlePercent: Double
    /// `l'β̂_post`.
    public let estimate: Double
    /// `l`.
    public let weights: [Double]
    /// HonestDiD settings (method, α, grid, draws, seed).
    public let options: HonestDiDOptions

    /// A plain-text table that states the assumptions.
    public var summary: String {
        var lines = [
            "ROI sensitivity to parallel-trends violations: relative magnitudes Δ^RM(M̄) (Rambachan & Roth 2023)",
            "Effect l'τ_post = \(format(estimate)) taken as a constant monthly effect; break-even effect for ROI "
                + "\(format(hurdlePercent))%: \(format(breakEvenEffect))",
            "Method \(options.method), α = \(format(options.alpha)), \(options.gridPoints) grid points, seed \(options.seed)",
            "   M̄   effect lower   effect upper   ROI lower %   ROI upper %",
        ]
        for b in bounds {
            lines.append(
                [format(b.mbar), format(b.effect.lower), format(b.effect.upper), format(b.roiLowerPercent), format(b.roiUpperPercent)]
                    .enumerated().map { pad($1, $0 == 0 ? 5 : 14) }.joined(separator: " ")
                    + (b.reachesGridEdge ? "  (reaches grid edge)" : ""))
        }
        switch breakdown {
        case .value(let v): lines.append("Breakdown M̄ for the ROI = \(format(v))")
        case .notAboveHurdleAtZero: lines.append("Breakdown: the ROI interval reaches the hurdle already at M̄ = 0")
        case .atLeast(let v): lines.append("Breakdown M̄ for the ROI ≥ \(format(v)) (still above the hurdle there)")
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double) -> String {
        let rounded = (x * 10_000).rounded() / 10_000
        return "\(rounded == 0 ? 0 : rounded)"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
