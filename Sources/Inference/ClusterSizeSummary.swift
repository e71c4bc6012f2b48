/// How many clusters a cluster variable has and how unequal their sizes are: the facts behind
/// the few-clusters warning.
///
/// Cluster-robust t tests over-reject when clusters are few (Cameron & Miller 2015, §VI) and also
/// when they are many but very unequal in size, because the effective number of clusters is then
/// much smaller than G (MacKinnon & Webb 2017, "Wild bootstrap inference for wildly different
/// cluster sizes", *Journal of Applied Econometrics* 32(2), 233–254; Carter, Schnepel & Steigerwald
/// 2017). The thresholds used by `needsCaution` are rules of thumb stated with each warning.
public struct ClusterSizeSummary: Sendable, Equatable {
    /// The cluster variable.
    public let variable: String
    /// Number of clusters G.
    public let count: Int
    /// Number of observations N over all clusters.
    public let observations: Int
    /// Size of the smallest cluster.
    public let smallest: Int
    /// Size of the largest cluster.
    public let largest: Int
    /// Coefficient of variation of the cluster sizes, `sd(N_g) / mean(N_g)`, with the standard
    /// deviation over the G observed clusters (divisor G): a description of these clusters, not an
    /// estimate for a population of clusters.
    public let coefficientOfVariation: Double

    /// Fewer clusters than this draw a warning (Cameron & Miller 2015, §VI: "few clusters").
    public static let fewClustersThreshold = 30
    /// A largest cluster holding more than this share of the rows draws a warning
    /// (MacKinnon & Webb 2017 find serious over-rejection when one cluster dominates).
    public static let largestShareThreshold = 0.2
    /// A coefficient of variation of cluster sizes above this draws a warning.
    public static let variationThreshold = 1.0

    /// Summarizes `cluster`.
    public init(_ cluster: ClusterVariable) {
        var sizes = [Int](repeating: 0, count: cluster.count)
        for c in cluster.codes { sizes[Int(c)] += 1 }
        self.init(variable: cluster.name, sizes: sizes)
    }

    /// Summarizes clusters of the given sizes (programmer error if empty or not positive).
    public init(variable: String, sizes: [Int]) {
        precondition(!sizes.isEmpty && sizes.allSatisfy { $0 > 0 }, "Cluster sizes must be positive")
        let n = sizes.reduce(0, +)
        let mean = Double(n) / Double(sizes.count)
        let variance = sizes.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(sizes.count)
        self.variable = variable
        count = sizes.count
        observations = n
        smallest = sizes.min()!
        largest = sizes.max()!
        coefficientOfVariation = variance.squareRoot() / mean
    }

    /// Mean cluster size N/G.
    public var meanSize: Double { Double(observations) / Double(count) }

    /// Share of all rows in the largest cluster.
    public var largestShare: Double { Double(largest) / Double(observations) }

    /// The reasons for caution, empty when none applies: few clusters, a dominant cluster, or
    /// very unequal sizes.
    public var cautions: [String] {
        var reasons: [String] = []
        if count < Self.fewClustersThreshold {
            reasons.append("only \(count) clusters (fewer than \(Self.fewClustersThreshold))")
        }
        if largestShare > Self.largestShareThreshold {
            let percent = StatisticsText.number(100 * largestShare, significant: 3)
            reasons.append(
                "the largest cluster holds \(percent)% of the rows (more than \(Int(100 * Self.largestShareThreshold))%)")
        }
        if coefficientOfVariation > Self.variationThreshold {
            let cv = StatisticsText.number(coefficientOfVariation, significant: 3)
            reasons.append("cluster sizes are very unequal (coefficient of variation \(cv), above 1)")
        }
        return reasons
    }

    /// Whether any caution applies.
    public var needsCaution: Bool { !cautions.isEmpty }
}
