/// The kinds of bootstrap confidence interval (Davison & Hinkley 1997, ch. 5; R `boot.ci` types).
public enum BootstrapIntervalMethod: String, Sendable, Equatable, Codable, CaseIterable {
    /// Order statistics of the replicates (`"perc"`).
    case percentile
    /// The percentile interval reflected about the estimate, 2θ̂ − q (`"basic"`).
    case basic
    /// Bias-corrected normal interval with the replicates' variance (`"norm"`).
    case normal
    /// Bootstrap-t: quantiles of (θ* − θ̂)/se* scaled by the estimate's SE (`"stud"`).
    case studentized
    /// Bias-corrected and accelerated, with jackknife acceleration (`"bca"`).
    case bca

    /// A short name for reports.
    public var label: String {
        switch self {
        case .percentile: return "percentile"
        case .basic: return "basic"
        case .normal: return "normal"
        case .studentized: return "studentized"
        case .bca: return "BCa"
        }
    }
}

/// A two-sided bootstrap confidence interval of a stated kind.
public struct BootstrapConfidenceInterval: Sendable, Equatable, Codable {
    /// How the interval was formed.
    public let method: BootstrapIntervalMethod
    /// Lower end.
    public let lower: Double
    /// Upper end.
    public let upper: Double
    /// Confidence level.
    public let level: Double
    /// True when an endpoint is an extreme order statistic (too few replicates for this level).
    public let usesExtremes: Bool

    /// A value from its parts.
    public init(method: BootstrapIntervalMethod, lower: Double, upper: Double, level: Double, usesExtremes: Bool) {
        self.method = method
        self.lower = lower
        self.upper = upper
        self.level = level
        self.usesExtremes = usesExtremes
    }
}

/// Why a bootstrap interval cannot be formed from the replicates given.
public enum BootstrapIntervalError: Error, Equatable, CustomStringConvertible {
    /// Every finite replicate lies on one side of the estimate, so the BCa bias correction
    /// z₀ = Φ⁻¹(#{θ* < θ̂}/B) is infinite.
    case infiniteBiasCorrection(below: Int, replicates: Int)
    /// The jackknife values give no acceleration (all equal, or not finite).
    case undefinedAcceleration
    /// No finite replicate.
    case noFiniteReplicates
    /// Studentized intervals need a positive, finite variance for the estimate and each replicate.
    case invalidVariance(replicate: Int?)

    public var description: String {
        switch self {
        case .infiniteBiasCorrection(let below, let replicates):
            return "BCa interval undefined: \(below) of \(replicates) replicates lie below the estimate, so the bias "
                + "correction is infinite (R boot: \"estimated adjustment 'w' is infinite\"). Use the percentile interval, "
                + "or check that the statistic varies across resamples."
        case .undefinedAcceleration:
            return "BCa interval undefined: the jackknife values do not vary (or are not finite), so the acceleration "
                + "cannot be estimated. Use the percentile interval."
        case .noFiniteReplicates:
            return "No finite bootstrap replicate: every replicate failed. Check the failed-replicate count."
        case .invalidVariance(let replicate):
            return replicate.map {
                "Studentized interval undefined: replicate \($0 + 1) has no positive, finite variance."
            } ?? "Studentized interval undefined: the estimate's variance is not positive and finite."
        }
    }
}
