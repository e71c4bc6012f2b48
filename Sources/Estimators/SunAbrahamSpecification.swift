import Inference

/// What the Sun & Abraham (2021) interaction-weighted event study estimates: the panel's columns,
/// the reference period, an optional event window and how never-treated units are coded.
///
/// Relative time is `k = t − g` for a unit first treated in period g (its cohort). Every treated
/// cohort except the control cohort gets one indicator `D_gk = 1[cohort = g, t − g = k]` per
/// relative period `k ≠ referencePeriod` that it is observed at; the control cohort (the
/// never-treated units, or the last-treated cohort when there are none) has none. With
/// `window == nil` every observed relative period gets its own cell, as fixest `sunab(cohort, time)`
/// (lrberge/fixest `R/did.R`); a window bins or drops the treated rows outside it.
public struct SunAbrahamSpecification: Sendable, Equatable {
    /// The outcome column (numeric).
    public var outcome: String
    /// The unit id column (absorbed as a fixed effect; any type).
    public var unit: String
    /// The period column: numeric with integer values, so that `t − g` counts periods.
    public var time: String
    /// The cohort column: the first treated period of each unit, constant within a unit.
    public var cohort: String
    /// The cluster column of the CR1 covariance (default: the unit).
    public var cluster: String
    /// Time-varying numeric controls entered linearly next to the cell indicators (default none),
    /// as fixest `feols(y ~ x + sunab(cohort, time) | unit + time)`.
    public var covariates: [String]
    /// The omitted relative period of every cohort (default −1, as fixest `sunab(ref.p = -1)`).
    public var referencePeriod: Int
    /// The relative periods kept as their own cells; `nil` (default) keeps every observed one.
    public var window: ClosedRange<Int>?
    /// What happens to treated rows outside `window` (default: binned into its endpoints, per cohort).
    public var endpoints: EventWindowEndpoints
    /// Which cohort values mark a never-treated unit (default: 0 or missing).
    public var neverTreated: NeverTreatedCoding
    /// Confidence level of the intervals (default 0.95).
    public var level: Double
    /// Projection and small-sample settings of the fixed-effects regression (default: fixest's
    /// convention, as pyfixest 0.60; singletons dropped).
    public var absorption: AbsorptionOptions

    /// A specification; traps unless `0 < level < 1` and the window (if any) contains the
    /// reference period (choices of the analyst, not properties of the data).
    public init(
        outcome: String, unit: String, time: String, cohort: String, cluster: String? = nil,
        covariates: [String] = [], referencePeriod: Int = -1, window: ClosedRange<Int>? = nil, endpoints: EventWindowEndpoints = .bin,
        neverTreated: NeverTreatedCoding = .zeroOrMissing, level: Double = 0.95, absorption: AbsorptionOptions = .init()
    ) {
        precondition(level > 0 && level < 1, "The confidence level must lie strictly between 0 and 1")
        if let window {
            precondition(
                window.contains(referencePeriod),
                "The reference period \(referencePeriod) must lie in the window [\(window.lowerBound), \(window.upperBound)]")
        }
        self.outcome = outcome
        self.unit = unit
        self.time = time
        self.cohort = cohort
        self.cluster = cluster ?? unit
        self.covariates = covariates
        self.referencePeriod = referencePeriod
        self.window = window
        self.endpoints = endpoints
        self.neverTreated = neverTreated
        self.level = level
        self.absorption = absorption
    }

    /// The covariance of the fit: CR1 (fixest/pyfixest `CRV1`) by the cluster column, with the
    /// small-sample factor of `absorption.smallSample`.
    public var covariance: CovarianceType { .clustered(by: [cluster], correction: .stata) }
}

/// The cohort whose outcomes stand for the untreated path in a Sun & Abraham regression.
public enum SunAbrahamControl: Sendable, Equatable, CustomStringConvertible {
    /// The never-treated units (Sun & Abraham 2021, §4.1; fixest's default `ref.c`).
    case neverTreated(units: Int)
    /// No unit is never treated: the last-treated cohort is the control, and every row in periods
    /// `≥ cohort` is dropped because no unit is untreated there (Sun & Abraham 2021, §4.1).
    case lastTreated(cohort: Int, units: Int, rowsDropped: Int)

    /// `never-treated units (50)` or `last-treated cohort 7 (50 units; 150 rows from period 7 on dropped)`.
    public var description: String {
        switch self {
        case .neverTreated(let units): return "never-treated units (\(units))"
        case .lastTreated(let cohort, let units, let rows):
            return "last-treated cohort \(cohort) (\(units) units; \(rows) rows from period \(cohort) on dropped)"
        }
    }
}
