/// A way to isolate the program's effect on one KPI from other influences (ROI Methodology's
/// isolation step, guiding principle 5): control groups, difference-in-differences designs, trend
/// projections, participant estimates.
///
/// Every method returns an `IsolationEstimate`: the average effect per treated unit-period with
/// its SE and interval, and, when `bootstrap` is given and the method supports it, the effect's
/// seeded bootstrap replicates. Replicates depend only on the seed (each replicate draws from its
/// own `RandomStream`), never on the thread count, so a study rerun gives the same range.
public protocol IsolationMethod: Sendable {
    /// The method's label for reports, stating its identifying choices.
    var label: String { get }
    /// The KPI (outcome) the method isolates the effect on.
    var kpi: String { get }
    /// Whether `isolate(bootstrap:)` produces replicates when asked.
    var providesReplicates: Bool { get }
    /// Estimates the effect; with `bootstrap`, also its replicates (methods without a bootstrap
    /// ignore it and report an analytic interval). Without `bootstrap` the interval is analytic at
    /// the specification's level where the estimator has one, else 95 %; with it, at its level.
    func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate
}

/// How an isolation method's bootstrap is run.
public struct IsolationBootstrap: Sendable, Equatable {
    /// Number of replicates B (≥ 2). 999 makes (B + 1)·α/2 whole at α = 0.05, so the percentile
    /// ends are order statistics (Davison & Hinkley 1997, ch. 5).
    public var replicates: Int
    /// The seed; every report prints it.
    public var seed: UInt64
    /// Worker threads (default: all cores); the replicates do not depend on it.
    public var threads: Int?
    /// Coverage of the interval (default 0.95).
    public var level: Double

    /// Bootstrap settings; the seed has no default so that it is always chosen and reported.
    public init(replicates: Int = 999, seed: UInt64, threads: Int? = nil, level: Double = 0.95) {
        precondition(replicates >= 2, "the bootstrap needs at least two replicates")
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        precondition(threads.map { $0 >= 1 } ?? true, "threads must be at least 1")
        self.replicates = replicates
        self.seed = seed
        self.threads = threads
        self.level = level
    }
}
