/// The choices of an interrupted time-series analysis (segmented regression).
public struct InterruptedTimeSeriesSpecification: Sendable, Equatable {
    /// The first period of the post-interruption segment, `T0`: `post_t = 1{t ≥ T0}`.
    public var interruption: Double
    /// The Newey–West truncation lag `L`; `nil` uses `NeweyWest.automaticLag` (`⌊4 (N/100)^{2/9}⌋`).
    public var maxLag: Int?
    /// Multiply the HAC covariance by `N/(N − K)` (statsmodels `use_correction=True`); off by
    /// default, as statsmodels' `cov_type="HAC"`.
    public var smallSampleCorrection: Bool
    /// Horizons `h = t − T0` (in time units) at which to report the effect `β2 + β3 h`.
    public var horizons: [Double]
    /// Confidence level of the intervals.
    public var level: Double

    /// A specification; see the properties.
    public init(
        interruption: Double, maxLag: Int? = nil, smallSampleCorrection: Bool = false, horizons: [Double] = [],
        level: Double = 0.95
    ) {
        precondition(interruption.isFinite, "The interruption period must be finite")
        precondition(maxLag.map { $0 >= 0 } ?? true, "The Newey–West lag must be non-negative")
        precondition(level > 0 && level < 1, "The confidence level must lie in (0, 1)")
        precondition(horizons.allSatisfy(\.isFinite), "Horizons must be finite")
        self.interruption = interruption
        self.maxLag = maxLag
        self.smallSampleCorrection = smallSampleCorrection
        self.horizons = horizons
        self.level = level
    }
}
