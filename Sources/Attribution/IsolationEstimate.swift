import Inference

/// One isolation method's estimate of the program's effect on one KPI: the average effect per
/// treated unit-period (the ATT), its standard error, an interval and, where the method has one, the
/// bootstrap replicates of the effect that carry its sampling uncertainty down the ROI chain.
///
/// Interval rule: with replicates, the standard error is their standard deviation and the interval
/// their percentile interval (Efron & Tibshirani 1993, §13.3; R `boot.ci(type = "perc")`), so the
/// headline range and any money computed from the same replicates agree; without replicates,
/// the method's own analytic interval.
public struct IsolationEstimate: Sendable, Equatable {
    /// The method, e.g. "Callaway–Sant'Anna (simple ATT, never treated)".
    public let method: String
    /// The KPI (outcome variable) the effect is on.
    public let kpi: String
    /// The effect estimate: mean effect per treated unit-period, in the KPI's units.
    public let effect: Double
    /// Standard error of `effect` (bootstrap when replicates exist, else analytic).
    public let standardError: Double
    /// Lower end of the interval.
    public let lower: Double
    /// Upper end of the interval.
    public let upper: Double
    /// Coverage of the interval, e.g. 0.95.
    public let level: Double
    /// Where the SE and interval come from, e.g. "percentile of 999 cluster bootstrap replicates".
    public let inference: String
    /// Bootstrap replicates of the effect (one statistic), or `nil` for an analytic-only method.
    public let replicates: BootstrapReplicates?
    /// Notes from the estimator and the adapter (failed replicates, few clusters, dropped rows).
    public let notes: [String]

    /// An estimate from its parts; the interval must contain nothing but finite numbers in order.
    public init(
        method: String, kpi: String, effect: Double, standardError: Double, lower: Double, upper: Double,
        level: Double, inference: String, replicates: BootstrapReplicates? = nil, notes: [String] = []
    ) {
        precondition(lower <= upper, "the interval's lower end must not exceed its upper end")
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        precondition(replicates.map { $0.statisticCount == 1 } ?? true, "replicates must hold the effect alone")
        self.method = method
        self.kpi = kpi
        self.effect = effect
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.level = level
        self.inference = inference
        self.replicates = replicates
        self.notes = notes
    }

    /// An estimate whose SE and interval come from `replicates` (percentile interval, bootstrap SD).
    ///
    /// Failed replicates are counted in a note, never dropped silently.
    /// - Throws: `IsolationError.bootstrapFailed` when fewer than two replicates succeeded.
    public static func fromReplicates(
        method: String, kpi: String, effect: Double, replicates: BootstrapReplicates, level: Double,
        notes: [String] = []
    ) throws -> IsolationEstimate {
        let draws = replicates.statistic(0)
        guard draws.count >= 2 else {
            throw IsolationError.bootstrapFailed(method: method, failed: replicates.failed, of: replicates.replicates)
        }
        let interval = BootstrapInterval.percentile(draws, level: level)
        var allNotes = notes
        if replicates.failed > 0 {
            allNotes.append(
                "\(replicates.failed) of \(replicates.replicates) bootstrap replicates failed and are left out of the interval.")
        }
        let used = replicates.replicates - replicates.failed
        return IsolationEstimate(
            method: method, kpi: kpi, effect: effect, standardError: replicates.standardError(0),
            lower: interval.lower, upper: interval.upper, level: level,
            inference: "percentile of \(used) \(replicates.scheme) replicates, seed \(replicates.seed)",
            replicates: replicates, notes: allNotes)
    }
}
