import Inference

/// How the Callaway–Sant'Anna multiplier bootstrap is run.
///
/// Defaults follow R `did::att_gt` (`biters = 1000`, `alp = 0.05`, Rademacher weights) except for
/// B = 999, so that (B + 1)·α/2 is a whole number at α = 0.05 and the tail quantiles are order
/// statistics placed symmetrically (Davison & Hinkley 1997, "Bootstrap Methods and their
/// Application", ch. 5). The seed has no default: every report prints it.
public struct CallawaySantAnnaBootstrapOptions: Sendable, Equatable {
    /// The seed the replicate streams derive from (replicate r uses `RandomStream(seed:stream: r)`).
    public var seed: UInt64
    /// Number of replicates B (≥ 2).
    public var replicates: Int
    /// The multiplier distribution (default Rademacher, as R `did` and Python `csdid`).
    public var weights: MultiplierWeights
    /// Coverage of the pointwise intervals and of the simultaneous band, 1 − α (default 0.95).
    public var level: Double
    /// Worker threads (default: all cores); the results do not depend on it.
    public var threads: Int?

    /// Options with the given seed; the other defaults are did's.
    public init(
        seed: UInt64, replicates: Int = 999, weights: MultiplierWeights = .rademacher, level: Double = 0.95,
        threads: Int? = nil
    ) {
        precondition(replicates >= 2, "the bootstrap needs at least two replicates")
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        precondition(threads.map { $0 >= 1 } ?? true, "threads must be at least 1")
        self.seed = seed
        self.replicates = replicates
        self.weights = weights
        self.level = level
        self.threads = threads
    }
}
