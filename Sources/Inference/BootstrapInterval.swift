import Distributions

/// Confidence intervals from bootstrap replicates.
public enum BootstrapInterval {
    /// Percentile interval at `level`, computed as R `boot.ci(type = "perc")` does.
    ///
    /// The endpoints are the order statistics of rank (B + 1)·α and (B + 1)·(1 − α), α = (1 − level)/2,
    /// interpolated on the normal-quantile scale when the rank is fractional (Davison & Hinkley 1997,
    /// eq. 5.8; `boot:::norm.inter`). NaN replicates (failed ones) are ignored; ±∞ replicates are
    /// kept in the ordering (an infinite payback period, say), and an endpoint that falls on or next
    /// to one is that infinity. Ranks outside 1…B fall back to the extreme order statistic, as in boot
    /// (which warns: "extreme order statistics used as endpoints"); `usesExtremes` reports it.
    public static func percentile(_ replicates: [Double], level: Double = 0.95) -> PercentileInterval {
        precondition(level > 0 && level < 1, "level must be in (0, 1)")
        let sorted = replicates.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return PercentileInterval(lower: .nan, upper: .nan, level: level, usesExtremes: true) }
        let alpha = (1 - level) / 2
        let (lower, lowExtreme) = normalInterpolatedQuantile(sorted, alpha)
        let (upper, highExtreme) = normalInterpolatedQuantile(sorted, 1 - alpha)
        return PercentileInterval(lower: lower, upper: upper, level: level, usesExtremes: lowExtreme || highExtreme)
    }

    /// `boot:::norm.inter` for one probability `a` over sorted values: returns the value and
    /// whether an extreme order statistic had to be used.
    static func normalInterpolatedQuantile(_ t: [Double], _ a: Double) -> (Double, Bool) {
        let count = t.count
        let b = Double(count)
        let rank = (b + 1) * a
        let k = Int(rank.rounded(.towardZero))
        let extreme = !(rank > 1 && rank < b)
        if Double(k) == rank {
            // Integer rank: the k-th order statistic itself (1-based), clamped to the sample.
            return (t[min(max(k, 1), count) - 1], extreme)
        }
        if k == 0 { return (t[0], extreme) }
        if k >= count { return (t[count - 1], extreme) }
        let lo = t[k - 1], hi = t[k]
        if lo.isInfinite { return (lo, extreme) }
        if hi.isInfinite { return (hi, extreme) }
        let normal = Normal()
        let zk = normal.quantile(Double(k) / (b + 1))
        let zk1 = normal.quantile(Double(k + 1) / (b + 1))
        let value = lo + (normal.quantile(a) - zk) / (zk1 - zk) * (hi - lo)
        return (value, extreme)
    }
}

/// A two-sided percentile interval.
public struct PercentileInterval: Sendable, Equatable, Codable {
    public let lower: Double
    public let upper: Double
    public let level: Double
    /// True when an endpoint is an extreme order statistic (too few replicates for this level).
    public let usesExtremes: Bool
}
