/// One Callaway–Sant'Anna group-time average treatment effect ATT(g,t).
public struct CallawaySantAnnaEffect: Sendable, Equatable {
    /// The cohort g (first treated period).
    public let cohort: Double
    /// The period t.
    public let period: Double
    /// The base period the change is taken from.
    public let basePeriod: Double
    /// The estimate; exactly 0 for the reference cell of a universal base period.
    public let estimate: Double
    /// Analytic standard error from the influence function; `nil` where it is zero (the universal
    /// reference cell), as R `did` reports `NA`.
    public let standardError: Double?
    /// Units of cohort g in the comparison (0 for the universal reference cell, which uses no data).
    public let treatedUnits: Int
    /// Comparison units used (0 for the universal reference cell).
    public let comparisonUnits: Int

    /// Event time t − g (negative before treatment).
    public var eventTime: Double { period - cohort }
    /// Whether t ≥ g (a post-treatment cell).
    public var isPostTreatment: Bool { period >= cohort }
}
