import Inference

/// What a 2×2 difference-in-differences compares: an outcome on a unit × time panel, a treated
/// group indicator, and a post-period definition.
///
/// The estimate is the interaction coefficient of `outcome ~ treated + post + treated:post`
/// (Angrist & Pischke 2009, §5.2; Stata `didregress` with one period split), with
/// cluster-robust CR1 standard errors by `cluster` (default: the unit).
public struct DiD2x2Specification: Sendable, Equatable {
    /// How the post period is defined.
    public enum PostPeriod: Sendable, Equatable, CustomStringConvertible {
        /// A 0/1 column (1 = post period).
        case column(String)
        /// Post when the time column is ≥ this value (numeric time, or dates as days since 1970-01-01).
        case treatmentStart(Double)

        public var description: String {
            switch self {
            case .column(let name): return "\(name) = 1"
            case .treatmentStart(let start): return "time ≥ \(StatisticsText.compact(start))"
            }
        }
    }

    /// Outcome column (numeric).
    public var outcome: String
    /// Unit identifier (employee, team, site).
    public var unit: String
    /// Time column (month number or date).
    public var time: String
    /// 0/1 column: 1 for units in the treated group (in both periods).
    public var treatedGroup: String
    /// The post-period definition.
    public var post: PostPeriod
    /// Cluster variable; `nil` clusters by `unit`.
    public var cluster: String?
    /// Covariance; `nil` gives `.clustered(by: [cluster ?? unit])` with the Stata CR1 factor.
    public var covariance: CovarianceType?
    /// Confidence level of the reported interval.
    public var level: Double

    /// A specification with a 0/1 post column.
    public init(
        outcome: String, unit: String, time: String, treatedGroup: String, post: String,
        cluster: String? = nil, covariance: CovarianceType? = nil, level: Double = 0.95
    ) {
        self.init(
            outcome: outcome, unit: unit, time: time, treatedGroup: treatedGroup, period: .column(post),
            cluster: cluster, covariance: covariance, level: level)
    }

    /// A specification whose post period starts at `treatmentStart` of the time column.
    public init(
        outcome: String, unit: String, time: String, treatedGroup: String, treatmentStart: Double,
        cluster: String? = nil, covariance: CovarianceType? = nil, level: Double = 0.95
    ) {
        self.init(
            outcome: outcome, unit: unit, time: time, treatedGroup: treatedGroup,
            period: .treatmentStart(treatmentStart), cluster: cluster, covariance: covariance, level: level)
    }

    /// A specification with any post-period definition.
    public init(
        outcome: String, unit: String, time: String, treatedGroup: String, period: PostPeriod,
        cluster: String? = nil, covariance: CovarianceType? = nil, level: Double = 0.95
    ) {
        precondition(level > 0 && level < 1, "Confidence level must lie strictly between 0 and 1")
        self.outcome = outcome
        self.unit = unit
        self.time = time
        self.treatedGroup = treatedGroup
        self.post = period
        self.cluster = cluster
        self.covariance = covariance
        self.level = level
    }

    /// The cluster variable used by default: `cluster`, else `unit`.
    public var clusterVariable: String { cluster ?? unit }

    /// The covariance actually used.
    public var resolvedCovariance: CovarianceType { covariance ?? .clustered(by: [clusterVariable]) }
}
