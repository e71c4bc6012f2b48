import Estimators
import Inference

/// The outcome of a `RegressionBootstrap`: per coefficient the estimate, the bootstrap standard
/// error, every replicate and the intervals of the chosen kinds; with the replicates used and
/// failed (and why), the seed and the scheme.
public struct RegressionBootstrapResult: Sendable {
    /// One failure reason and how many replicates it stopped.
    public struct FailureReason: Sendable, Equatable {
        /// The refit's error, or why its design differs from the original's.
        public let reason: String
        /// How many replicates failed for it.
        public let count: Int
    }

    /// An interval of one kind, or why it could not be formed (e.g. BCa when every replicate lies
    /// on one side of the estimate).
    public struct Interval: Sendable, Equatable {
        /// The kind asked for.
        public let method: BootstrapIntervalMethod
        /// The interval, or nil when it is undefined for these replicates.
        public let interval: BootstrapConfidenceInterval?
        /// Why the interval is undefined (nil when it was formed).
        public let problem: String?
    }

    /// One bootstrapped coefficient.
    public struct Coefficient: Sendable, Equatable {
        /// The design column name (`trained_team:post`).
        public let name: String
        /// The estimate on the whole sample.
        public let estimate: Double
        /// The standard error of the original fit's covariance.
        public let standardError: Double
        /// The standard deviation of the successful replicates (divisor B − 1, as R `boot`).
        public let bootstrapStandardError: Double
        /// Replicate r's estimate at index r; NaN for a failed replicate.
        public let replicates: [Double]
        /// The intervals, in the order asked for.
        public let intervals: [Interval]
    }

    /// What was run.
    public let specification: RegressionBootstrap
    /// The coefficients bootstrapped (the original fit's kept columns), in design order.
    public let coefficients: [Coefficient]
    /// Replicates whose refit failed (left out of every interval).
    public let failed: Int
    /// Why they failed, most frequent first.
    public let failureReasons: [FailureReason]
    /// The scheme in words, e.g. "cluster bootstrap (team_id, G = 40)".
    public let scheme: String
    /// Rows of the dataset used, and why others were left out.
    public let observations: String
    /// The covariance label of the original fit (and of each replicate's own SE).
    public let covarianceLabel: String
    /// Resampling units (rows or clusters).
    public let unitCount: Int
    /// Where BCa's acceleration came from ("30 leave-one-cluster-out refits"); nil without BCa.
    public let jackknifeLabel: String?

    /// Replicates used in the intervals.
    public var used: Int { specification.replicates - failed }

    init(
        specification: RegressionBootstrap, sample: RegressionBootstrapSample, replicates draws: BootstrapReplicates,
        failureReasons: [FailureReason], jackknife: [[Double]]?, jackknifeLabel: String?
    ) {
        self.jackknifeLabel = jackknifeLabel
        self.specification = specification
        let k = sample.reported.count
        let b = draws.replicates
        let originalSE = sample.original.standardErrors
        coefficients = sample.reported.enumerated().map { p, column in
            let estimate = sample.original.coefficients[column]
            let values = (0..<b).map { draws.values[$0 * draws.statisticCount + p] }
            let variances = (0..<b).map { draws.values[$0 * draws.statisticCount + k + p] }
            let se = originalSE[column]
            let leaveOneOut = jackknife.map { rows in rows.map { $0.isEmpty ? Double.nan : $0[p] } }
            let intervals = specification.methods.map { method -> Interval in
                if method == .bca, let leaveOneOut, let bad = leaveOneOut.firstIndex(where: { !$0.isFinite }) {
                    return Interval(
                        method: method, interval: nil,
                        problem:
                            "the jackknife estimate without unit \(bad + 1) is undefined (its deletion changes the design or the refit fails), "
                            + "so the acceleration is undefined")
                }
                do {
                    let interval = try BootstrapInterval.interval(
                        method, estimate: estimate, replicates: values, level: specification.level, jackknife: leaveOneOut,
                        variance: se * se, replicateVariances: variances)
                    return Interval(method: method, interval: interval, problem: nil)
                } catch {
                    return Interval(method: method, interval: nil, problem: "\(error)")
                }
            }
            return Coefficient(
                name: sample.original.columnNames[column], estimate: estimate, standardError: se,
                bootstrapStandardError: draws.standardError(p), replicates: values, intervals: intervals)
        }
        failed = draws.failed
        // Replicates that Bootstrap.run rejected without an error of ours would be uncounted here.
        let explained = failureReasons.reduce(0) { $0 + $1.count }
        self.failureReasons =
            explained >= draws.failed
            ? failureReasons
            : failureReasons + [FailureReason(reason: "the statistic was not finite", count: draws.failed - explained)]
        scheme = sample.schemeLabel
        observations = sample.account.description
        covarianceLabel = sample.original.covarianceLabel
        unitCount = sample.unitRows.count
    }

    /// The coefficient named `name`, if bootstrapped.
    public func coefficient(_ name: String) -> Coefficient? {
        coefficients.first { $0.name == name }
    }
}
