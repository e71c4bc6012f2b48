/// The distribution of the wild bootstrap's cluster weights v_g (mean 0, variance 1).
public enum WildBootstrapWeights: String, Sendable, Equatable, Codable, CaseIterable {
    /// ±1 with probability 1/2 each (Rademacher). With G clusters there are only 2^G distinct
    /// draws, so when 2^G is below the requested replicates every sign vector is enumerated once.
    case rademacher
    /// Webb's (2023) six-point distribution: ±√(1/2), ±1, ±√(3/2), each with probability 1/6;
    /// preferred with fewer than about 12 clusters, where Rademacher has too few distinct draws.
    case webb
}

/// Why a wild cluster bootstrap cannot be run on the design given.
public enum WildClusterBootstrapError: Error, Equatable, CustomStringConvertible {
    /// Fewer than two clusters.
    case tooFewClusters(count: Int)
    /// X'X is singular: the design has collinear columns.
    case singularDesign
    /// The tested coefficient index is outside the design.
    case coefficientOutOfRange(index: Int, columns: Int)

    public var description: String {
        switch self {
        case .tooFewClusters(let count):
            return "The wild cluster bootstrap needs at least 2 clusters; the data have \(count). Cluster at a finer level "
                + "or use heteroskedasticity-robust inference."
        case .singularDesign:
            return "X'X is singular: the design has collinear columns. Drop the redundant regressors and rerun."
        case .coefficientOutOfRange(let index, let columns):
            return "Coefficient \(index) does not exist: the design has \(columns) columns."
        }
    }
}

/// The outcome of a wild cluster bootstrap test of one coefficient, H₀: β_j = r.
public struct WildClusterBootstrapResult: Sendable, Equatable {
    /// Index j of the tested coefficient.
    public let coefficient: Int
    /// The null value r.
    public let nullValue: Double
    /// The OLS estimate β̂_j.
    public let estimate: Double
    /// Its CR1 standard error (with the small-sample factor).
    public let standardError: Double
    /// t = (β̂_j − r)/SE.
    public let tStatistic: Double
    /// Whether the null was imposed on the bootstrap data-generating process (WCR) or not (WCU).
    public let imposesNull: Bool
    /// The weight distribution.
    public let weights: WildBootstrapWeights
    /// Number of clusters G.
    public let clusterCount: Int
    /// Replicates actually used (2^G under full enumeration).
    public let replicates: Int
    /// True when every Rademacher sign vector was enumerated instead of drawn.
    public let fullEnumeration: Bool
    /// The seed of the weights (unused under full enumeration).
    public let seed: UInt64
    /// The bootstrap t statistics t*_b, in replicate order.
    public let bootstrapT: [Double]

    /// Symmetric two-sided p-value: the share of |t*| above |t| (wildboottest's and boottest's
    /// `two-tailed`).
    public var pValue: Double {
        let t = abs(tStatistic)
        return Double(bootstrapT.filter { abs($0) > t }.count) / Double(bootstrapT.count)
    }

    /// Equal-tailed p-value: 2·min(share of t* above t, share below t).
    public var equalTailedPValue: Double {
        let above = Double(bootstrapT.filter { $0 > tStatistic }.count)
        let below = Double(bootstrapT.filter { $0 < tStatistic }.count)
        return 2 * min(above, below) / Double(bootstrapT.count)
    }

    /// The bootstrap critical value for a symmetric test at `level`: the `level` quantile of |t*|
    /// (type-7 interpolation).
    public func criticalValue(level: Double = 0.95) -> Double {
        let sorted = bootstrapT.map(abs).sorted()
        let h = Double(sorted.count - 1) * level
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// `WCR` or `WCU` with the weights, e.g. "WCR, Rademacher weights, 9,999 replicates, G = 40".
    public var label: String {
        (imposesNull ? "WCR" : "WCU") + ", \(weights == .rademacher ? "Rademacher" : "Webb") weights, "
            + (fullEnumeration ? "all \(StatisticsText.count(replicates)) sign vectors enumerated" : "\(StatisticsText.count(replicates)) replicates")
            + ", G = \(clusterCount)"
    }
}
