import Distributions

/// The replicates of a `MultiplierBootstrap` run, with the standard errors and sup-t critical
/// values of R `did`'s `mboot`.
///
/// `values` holds Δ_bk = θ̂*_bk − θ̂_k, row-major B × K. Standard errors use the normalized
/// interquartile range, and simultaneous bands the 1 − α quantile of the largest |t| over the
/// chosen estimates (Callaway & Sant'Anna 2021, §4.1 and Algorithm 1; R `did` `mboot.R`).
public struct MultiplierBootstrapDraws: Sendable, Equatable {
    /// Number of replicates B.
    public let replicates: Int
    /// Number of estimates K.
    public let statisticCount: Int
    /// Row-major B × K bootstrap deviations Δ_bk = (1/n) Σ_c V_bc S_ck.
    public let values: [Double]
    /// Number of units n.
    public let unitCount: Int
    /// Number of clusters G that received their own multiplier (n when unclustered).
    public let clusterCount: Int
    /// The seed the replicate streams derive from.
    public let seed: UInt64
    /// The multiplier distribution.
    public let weights: MultiplierWeights
    /// The analytic SE of each estimate, sqrt(Σ_c S_ck²)/n: the standard deviation of Δ_k over the
    /// multipliers, which the bootstrap SE estimates (R `did` with `bstrap = FALSE`).
    public let analyticStandardErrors: [Double]

    /// Replicates from their parts; `values` must be `replicates × statisticCount`.
    public init(
        replicates: Int, statisticCount: Int, values: [Double], unitCount: Int, clusterCount: Int, seed: UInt64,
        weights: MultiplierWeights, analyticStandardErrors: [Double]
    ) {
        precondition(values.count == replicates * statisticCount, "values must be replicates × statisticCount")
        precondition(analyticStandardErrors.count == statisticCount, "one analytic SE per estimate")
        self.replicates = replicates
        self.statisticCount = statisticCount
        self.values = values
        self.unitCount = unitCount
        self.clusterCount = clusterCount
        self.seed = seed
        self.weights = weights
        self.analyticStandardErrors = analyticStandardErrors
    }

    /// The B deviations of estimate `j`, in replicate order.
    public func deviations(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < statisticCount, "statistic index out of range")
        return (0..<replicates).map { values[$0 * statisticCount + j] }
    }

    /// Bootstrap standard error of estimate `j`: (q̂.75 − q̂.25)/(z.75 − z.25) of its deviations,
    /// type-1 quantiles, as R `did`'s `mboot` (a scale estimate robust to heavy bootstrap tails).
    ///
    /// `nil` where it is not finite or at most 10·sqrt(machine ε) (a degenerate estimate, e.g. a
    /// cell fixed at 0), where R `did` reports `NA`.
    public func standardError(_ j: Int) -> Double? {
        let sorted = deviations(j).sorted()
        let spread = Self.quantileType1(sorted: sorted, 0.75) - Self.quantileType1(sorted: sorted, 0.25)
        let z = Normal()
        let se = spread / (z.quantile(0.75) - z.quantile(0.25))
        return se.isFinite && se > 10 * Double.ulpOfOne.squareRoot() ? se : nil
    }

    /// The standard errors of all K estimates.
    public func standardErrors() -> [Double?] { (0..<statisticCount).map(standardError) }

    /// The simultaneous (sup-t) critical value at `level` over the estimates `columns`.
    ///
    ///     c = q̂_level( max_{j ∈ J} |Δ_bj / se_j| ),  b = 1…B,
    ///
    /// with type-1 quantiles, skipping estimates without a standard error (R `did`: `na.rm`).
    /// θ̂_j ± c·se_j then covers all θ_j in J jointly with probability ≈ `level` (Montiel Olea &
    /// Plagborg-Møller 2019, sup-t bands; Callaway & Sant'Anna 2021, Algorithm 1). `nil` when no
    /// estimate in J has a standard error.
    /// - Parameter columns: the estimates in the band; `nil` = all.
    public func uniformCriticalValue(level: Double = 0.95, over columns: [Int]? = nil) -> Double? {
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        let chosen = columns ?? Array(0..<statisticCount)
        let scaled = chosen.compactMap { j in standardError(j).map { (j, $0) } }
        guard !scaled.isEmpty else { return nil }
        var maxima: [Double] = []
        maxima.reserveCapacity(replicates)
        for b in 0..<replicates {
            var largest = 0.0
            for (j, se) in scaled { largest = max(largest, abs(values[b * statisticCount + j] / se)) }
            if largest.isFinite { maxima.append(largest) }
        }
        guard !maxima.isEmpty else { return nil }
        return Self.quantileType1(sorted: maxima.sorted(), level)
    }

    /// The type-1 sample quantile (inverse of the empirical distribution function): x₍ⱼ₎ with
    /// j = ⌈B·p⌉ (at least 1), as R `quantile(type = 1)` and NumPy `method = "inverted_cdf"`.
    /// R's fuzz (4 ulps) keeps a B·p just below an integer m, from rounding, at x₍ₘ₎.
    public static func quantileType1(sorted x: [Double], _ p: Double) -> Double {
        precondition(!x.isEmpty, "a quantile needs at least one value")
        precondition(p >= 0 && p <= 1, "p must lie in [0, 1]")
        let position = Double(x.count) * p
        // R quantile.default, type 1: j <- floor(nppm + fuzz), fuzz = 4·.Machine$double.eps, then
        // x[j + 1] when nppm > j, else x[j] (x[1] for j = 0).
        let j = Int((position + 4 * Double.ulpOfOne).rounded(.down))
        let index = position > Double(j) ? j + 1 : j
        return x[min(max(index, 1), x.count) - 1]
    }
}
