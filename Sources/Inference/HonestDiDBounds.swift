/// The robust confidence set for one `M̄`: the hull of the accepted `θ` grid points.
public struct HonestDiDBounds: Equatable, Sendable {
    /// `M̄`.
    public let mbar: Double
    /// `[min, max]` of the accepted grid points; `nil` when no grid point is accepted.
    public let interval: HonestDiDInterval?
    /// Whether the first or last grid point is accepted, so the set may extend past the grid
    /// (HonestDiD warns "CI is open at one of the endpoints"): widen the grid.
    public let reachesGridEdge: Bool

    /// Whether the set (as reported, the hull) leaves out `θ = 0`.
    public var excludesZero: Bool { !(interval?.contains(0) ?? false) }
}

/// The breakdown value of a sensitivity analysis: how large relative violations of parallel trends
/// may be before the robust confidence set includes 0.
public enum HonestDiDBreakdown: Equatable, Sendable {
    /// The largest `M̄` (within the search tolerance) at which the robust set still excludes 0.
    case value(Double)
    /// Even under `M̄ = 0` the robust set contains 0: no significant effect to break down.
    case notSignificantAtZero
    /// The set still excludes 0 at the largest `M̄` searched.
    case atLeast(Double)
}
