/// Mean, standard deviation and quantiles of plain `Double` samples, as `describe` uses them.
public enum DescriptiveStatistics {
    /// Arithmetic mean `Σx / n`, summed with Neumaier's compensated summation so that the result
    /// does not depend on the order of large and small values (A. Neumaier, ZAMM 54, 1974).
    /// `nil` for an empty sample.
    public static func mean(_ x: [Double]) -> Double? {
        guard !x.isEmpty else { return nil }
        return compensatedSum(x) / Double(x.count)
    }

    /// Sample standard deviation with divisor `n − 1` (R `sd`, pandas `std`, numpy `std(ddof=1)`),
    /// by the corrected two-pass algorithm `s² = (Σ(x−m)² − (Σ(x−m))²/n) / (n−1)` (Chan, Golub &
    /// LeVeque, "Algorithms for computing the sample variance", Am. Stat. 37, 1983). `nil` for
    /// fewer than two values.
    public static func standardDeviation(_ x: [Double]) -> Double? {
        guard x.count >= 2, let m = mean(x) else { return nil }
        var squares = 0.0
        var deviations = 0.0
        for v in x {
            let d = v - m
            squares += d * d
            deviations += d
        }
        let n = Double(x.count)
        return (max(0, squares - deviations * deviations / n) / (n - 1)).squareRoot()
    }

    /// Quantile `p` ∈ [0, 1] of ascending `sorted` values by linear interpolation between order
    /// statistics: Hyndman & Fan (1996) type 7, R's `quantile` default and numpy's `"linear"`.
    ///
    /// Position `h = (n − 1)·p`, `j = ⌊h⌋`, `γ = h − j`; the result interpolates `x[j]` and
    /// `x[j+1]` exactly as numpy's `_lerp` does (`a + (b−a)·γ`, or `b − (b−a)·(1−γ)` when
    /// γ ≥ 0.5), so results match `numpy.quantile` to the last bit.
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of an empty sample")
        precondition(p >= 0 && p <= 1, "quantile probability \(p) outside [0, 1]")
        let h = Double(sorted.count - 1) * p
        let j = Int(h.rounded(.down))
        let gamma = h - Double(j)
        let a = sorted[j]
        let b = sorted[min(j + 1, sorted.count - 1)]
        let difference = b - a
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
    }

    /// Neumaier's compensated sum.
    static func compensatedSum(_ x: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for v in x {
            let t = sum + v
            if abs(sum) >= abs(v) {
                compensation += (sum - t) + v
            } else {
                compensation += (v - t) + sum
            }
            sum = t
        }
        return sum + compensation
    }
}
