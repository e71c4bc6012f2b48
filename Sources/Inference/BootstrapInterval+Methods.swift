import Distributions

/// Basic, normal, studentized and BCa bootstrap intervals, each as R `boot.ci` forms it
/// (boot 1.3; Davison & Hinkley 1997, §5.2–5.3), on a fixed set of replicates. Non-finite
/// replicates (failed ones) are left out, as boot does; callers count and report them.
extension BootstrapInterval {
    /// The interval of `method` for estimate θ̂ from `replicates` θ*₁…θ*_B.
    ///
    /// `jackknife` (leave-one-out or leave-one-cluster-out estimates) is required for BCa;
    /// `variance` and `replicateVariances` for studentized intervals.
    /// - Throws: `BootstrapIntervalError` when the interval is undefined for these replicates.
    public static func interval(
        _ method: BootstrapIntervalMethod, estimate: Double, replicates: [Double], level: Double = 0.95,
        jackknife: [Double]? = nil, variance: Double? = nil, replicateVariances: [Double]? = nil
    ) throws -> BootstrapConfidenceInterval {
        switch method {
        case .percentile:
            let p = percentile(replicates, level: level)
            guard !p.lower.isNaN else { throw BootstrapIntervalError.noFiniteReplicates }
            return .init(method: .percentile, lower: p.lower, upper: p.upper, level: level, usesExtremes: p.usesExtremes)
        case .basic:
            return try basic(estimate: estimate, replicates: replicates, level: level)
        case .normal:
            return try normal(estimate: estimate, replicates: replicates, level: level)
        case .studentized:
            precondition(variance != nil && replicateVariances != nil, "studentized intervals need the variances")
            return try studentized(
                estimate: estimate, variance: variance!, replicates: replicates, replicateVariances: replicateVariances!,
                level: level)
        case .bca:
            precondition(jackknife != nil, "BCa intervals need the jackknife (leave-one-out) estimates")
            return try bca(
                estimate: estimate, replicates: replicates, influence: jackknifeInfluence(estimate: estimate, leaveOneOut: jackknife!), level: level)
        }
    }

    /// Basic (reverse percentile) interval: [2θ̂ − q₁₋α, 2θ̂ − q_α], q the normal-interpolated order
    /// statistics of `percentile(_:level:)` (boot `basic.ci`).
    public static func basic(estimate: Double, replicates: [Double], level: Double = 0.95) throws
        -> BootstrapConfidenceInterval
    {
        let sorted = try finiteSorted(replicates)
        let alpha = (1 - level) / 2
        let (high, e1) = normalInterpolatedQuantile(sorted, 1 - alpha)
        let (low, e2) = normalInterpolatedQuantile(sorted, alpha)
        return .init(method: .basic, lower: 2 * estimate - high, upper: 2 * estimate - low, level: level, usesExtremes: e1 || e2)
    }

    /// Normal interval with bootstrap bias correction: θ̂ − b ∓ z₁₋α·√v, where b = mean(θ*) − θ̂
    /// and v the replicates' sample variance (denominator B − 1) unless `variance` is given
    /// (boot `norm.ci`).
    public static func normal(estimate: Double, replicates: [Double], level: Double = 0.95, variance: Double? = nil)
        throws -> BootstrapConfidenceInterval
    {
        let t = replicates.filter(\.isFinite)
        guard t.count >= 2 else { throw BootstrapIntervalError.noFiniteReplicates }
        let mean = t.reduce(0, +) / Double(t.count)
        let v = variance ?? t.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(t.count - 1)
        let bias = mean - estimate
        let margin = v.squareRoot() * Normal().quantile((1 + level) / 2)
        return .init(
            method: .normal, lower: estimate - bias - margin, upper: estimate - bias + margin, level: level, usesExtremes: false)
    }

    /// Studentized (bootstrap-t) interval: with z*_b = (θ*_b − θ̂)/√v*_b,
    /// [θ̂ − √v·q₁₋α(z*), θ̂ − √v·q_α(z*)] (boot `stud.ci`; Davison & Hinkley eq. 5.7).
    public static func studentized(
        estimate: Double, variance: Double, replicates: [Double], replicateVariances: [Double], level: Double = 0.95
    ) throws -> BootstrapConfidenceInterval {
        precondition(replicates.count == replicateVariances.count, "one variance per replicate")
        guard variance > 0, variance.isFinite else { throw BootstrapIntervalError.invalidVariance(replicate: nil) }
        var z: [Double] = []
        z.reserveCapacity(replicates.count)
        for (b, value) in replicates.enumerated() where value.isFinite {
            let v = replicateVariances[b]
            guard v > 0, v.isFinite else { throw BootstrapIntervalError.invalidVariance(replicate: b) }
            z.append((value - estimate) / v.squareRoot())
        }
        let sorted = try finiteSorted(z)
        let alpha = (1 - level) / 2
        let (high, e1) = normalInterpolatedQuantile(sorted, 1 - alpha)
        let (low, e2) = normalInterpolatedQuantile(sorted, alpha)
        let se = variance.squareRoot()
        return .init(
            method: .studentized, lower: estimate - se * high, upper: estimate - se * low, level: level, usesExtremes: e1 || e2)
    }

    /// BCa interval (Efron 1987): with bias correction w = Φ⁻¹(#{θ* < θ̂}/B) and acceleration
    /// a = ΣL³ / (6 (ΣL²)^{3/2}) from the empirical influence values L, the endpoints are the
    /// normal-interpolated order statistics at Φ(w + (w + z_α)/(1 − a(w + z_α))) for
    /// z_α = Φ⁻¹((1 ∓ level)/2) (boot `bca.ci`).
    /// - Parameter influence: empirical influence values, e.g. `jackknifeInfluence(_:)` of the
    ///   leave-one-out (or leave-one-cluster-out) estimates.
    public static func bca(estimate: Double, replicates: [Double], influence: [Double], level: Double = 0.95) throws
        -> BootstrapConfidenceInterval
    {
        let sorted = try finiteSorted(replicates)
        let below = sorted.filter { $0 < estimate }.count
        let normal = Normal()
        let w = normal.quantile(Double(below) / Double(sorted.count))
        guard w.isFinite else { throw BootstrapIntervalError.infiniteBiasCorrection(below: below, replicates: sorted.count) }
        var s2 = 0.0, s3 = 0.0
        for l in influence {
            s2 += l * l
            s3 += l * l * l
        }
        let a = s3 / (6 * s2 * s2.squareRoot())
        guard a.isFinite else { throw BootstrapIntervalError.undefinedAcceleration }
        var ends: [Double] = []
        var extreme = false
        for p in [(1 - level) / 2, (1 + level) / 2] {
            let z = normal.quantile(p)
            let adjusted = normal.cdf(w + (w + z) / (1 - a * (w + z)))
            let (value, e) = normalInterpolatedQuantile(sorted, adjusted)
            ends.append(value)
            extreme = extreme || e
        }
        return .init(method: .bca, lower: ends[0], upper: ends[1], level: level, usesExtremes: extreme)
    }

    /// Jackknife empirical influence values L_i = (n − 1)(θ̂ − θ̂₍₋ᵢ₎) from the estimate θ̂ and the n
    /// leave-one-out estimates θ̂₍₋ᵢ₎, as boot's `empinf(type = "jack")` (`usual.jack`) centres them on
    /// the full-sample estimate (Efron & Tibshirani 1993, eq. 14.15, centre on the jackknife mean
    /// instead; the two agree for linear statistics). With clustered data pass leave-one-cluster-out
    /// estimates, so the acceleration is computed by cluster.
    public static func jackknifeInfluence(estimate: Double, leaveOneOut: [Double]) -> [Double] {
        let n = Double(leaveOneOut.count)
        return leaveOneOut.map { (n - 1) * (estimate - $0) }
    }

    /// The finite replicates, ascending.
    static func finiteSorted(_ values: [Double]) throws -> [Double] {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { throw BootstrapIntervalError.noFiniteReplicates }
        return sorted
    }
}
