import Inference

/// What an event study with two-way fixed effects estimates: the panel's columns, the event
/// window, the reference period and how the window's endpoints and never-treated units are coded.
///
/// Relative time is `rel = t − cohort` for a unit first treated in period `cohort`. The window is
/// `[−leads, +lags]`; every event time `k` in it except `referencePeriod` gets an indicator
/// `D_k = 1[rel = k]`, and never-treated units have all indicators 0 (Borusyak, Jaravel & Spiess
/// 2024, §2; Schmidheiny & Siegloch 2023 on binning the endpoints).
public struct EventStudySpecification: Sendable, Equatable {
    /// The outcome column (numeric).
    public var outcome: String
    /// The unit id column (absorbed as a fixed effect; any type).
    public var unit: String
    /// The period column: numeric with integer values, so that `t − cohort` counts periods.
    public var time: String
    /// The cohort column: the first treated period of each unit, constant within a unit.
    public var cohort: String
    /// The cluster column of the CR1 covariance (default: the unit).
    public var cluster: String
    /// L: the earliest event time in the window is −L (L ≥ 1).
    public var leads: Int
    /// F: the latest event time in the window is +F (F ≥ 0).
    public var lags: Int
    /// The omitted event time, whose coefficient is normalised to 0 (default −1, the period just
    /// before treatment, as fixest `i(rel, ref = -1)`).
    public var referencePeriod: Int
    /// What happens to treated observations outside the window (default: binned into the endpoints).
    public var endpoints: EventWindowEndpoints
    /// Which cohort values mark a never-treated unit (default: 0 or missing).
    public var neverTreated: NeverTreatedCoding
    /// Confidence level of the intervals (default 0.95).
    public var level: Double
    /// Projection and small-sample settings of the fixed-effects regression (default: fixest's
    /// convention, as pyfixest 0.60; singletons dropped).
    public var absorption: AbsorptionOptions

    /// A specification; traps unless `leads ≥ 1`, `lags ≥ 0`, `−leads ≤ referencePeriod ≤ lags`
    /// and `0 < level < 1` (these are choices of the analyst, not properties of the data).
    public init(
        outcome: String, unit: String, time: String, cohort: String, cluster: String? = nil,
        leads: Int, lags: Int, referencePeriod: Int = -1, endpoints: EventWindowEndpoints = .bin,
        neverTreated: NeverTreatedCoding = .zeroOrMissing, level: Double = 0.95,
        absorption: AbsorptionOptions = .init()
    ) {
        precondition(leads >= 1, "The window needs at least one lead (leads ≥ 1)")
        precondition(lags >= 0, "lags cannot be negative")
        precondition(
            (-leads...lags).contains(referencePeriod),
            "The reference period \(referencePeriod) must lie in the window [−\(leads), \(lags)]")
        precondition(level > 0 && level < 1, "The confidence level must lie strictly between 0 and 1")
        self.outcome = outcome
        self.unit = unit
        self.time = time
        self.cohort = cohort
        self.cluster = cluster ?? unit
        self.leads = leads
        self.lags = lags
        self.referencePeriod = referencePeriod
        self.endpoints = endpoints
        self.neverTreated = neverTreated
        self.level = level
        self.absorption = absorption
    }

    /// The event times of the window, `−leads … lags`.
    public var window: ClosedRange<Int> { -leads...lags }

    /// The event times that get an indicator: the window without the reference period.
    public var estimatedEventTimes: [Int] { window.filter { $0 != referencePeriod } }

    /// The leads tested for pre-trends: event times before 0 other than the reference period.
    public var testedLeads: [Int] { estimatedEventTimes.filter { $0 < 0 } }

    /// The covariance of the fit: CR1 (fixest/pyfixest `CRV1`) by the cluster column.
    public var covariance: CovarianceType { .clustered(by: [cluster], correction: .stata) }
}

/// What an event study does with treated observations whose relative time lies outside the window.
public enum EventWindowEndpoints: Sendable, Equatable, CustomStringConvertible {
    /// `rel < −L` is counted in the −L bin and `rel > F` in the F bin, so the end coefficients
    /// average the effects beyond the window (Schmidheiny & Siegloch 2023, "binned endpoints").
    case bin
    /// Those observations are left out of the sample; the end coefficients are then single periods.
    case drop

    /// `binned into the endpoints` or `dropped outside the window`.
    public var description: String {
        switch self {
        case .bin: return "binned into the endpoints"
        case .drop: return "dropped outside the window"
        }
    }
}

/// Which values of the cohort column mark a unit that is never treated in the panel.
public enum NeverTreatedCoding: Sendable, Equatable, CustomStringConvertible {
    /// Cohort 0 or missing (Callaway & Sant'Anna's `did` codes never-treated as 0).
    case zeroOrMissing
    /// Only a missing cohort.
    case missing
    /// A sentinel value (e.g. 9999, or `.infinity` as in Sun & Abraham's notation) or missing.
    case valueOrMissing(Double)

    /// Whether `cohort` (NaN = missing) marks a never-treated unit.
    public func isNeverTreated(_ cohort: Double) -> Bool {
        if cohort.isNaN { return true }
        switch self {
        case .zeroOrMissing: return cohort == 0
        case .missing: return false
        case .valueOrMissing(let value): return cohort == value
        }
    }

    /// `cohort 0 or missing`, `missing cohort`, `cohort 9999 or missing`.
    public var description: String {
        switch self {
        case .zeroOrMissing: return "cohort 0 or missing"
        case .missing: return "missing cohort"
        case .valueOrMissing(let value): return "cohort \(StatisticsText.compact(value)) or missing"
        }
    }
}
