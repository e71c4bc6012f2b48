import Foundation
import LinearAlgebra

/// The wild cluster bootstrap t test of one OLS coefficient, computed with the algebra of
/// Roodman, MacKinnon, Nielsen & Webb (2019, "Fast and wild", Stata Journal 19(1), §3–4) so that a
/// replicate costs O(G²) instead of a regression on N rows.
///
/// With X'X = Σ_g X_g'X_g, β the estimate under the bootstrap DGP (restricted β̃ with β̃_j = r for
/// WCR, β̂ for WCU), cluster scores S_g = X_g'y_g − X_g'X_g β, C_g = [(X'X)⁻¹S_g]_j and
/// D_hg = e_jᵀ(X'X)⁻¹X_h'X_h(X'X)⁻¹S_g, a replicate with cluster weights v has
///
///     t* = Σ_g C_g v_g / sqrt(c · Σ_h (C_h v_h − Σ_g D_hg v_g)²),
///
/// the CR1 t statistic of β̂*_j − β_j on y* = Xβ + û ⊙ v (û the residuals of β), with c = G/(G−1) ·
/// (N−1)/(N−k). Replicates are processed in blocks as one G×G by G×m product. Weights of replicate
/// b come from `RandomStream(seed, b)`, so results do not depend on the thread count. The p-value
/// rule and the full enumeration of Rademacher sign vectors when 2^G < B follow the `wildboottest`
/// Python package (0.3), which the tests match.
public enum WildClusterBootstrap {
    /// Replicates per block of the G×G by G×m product; fixed so that blocks (and results) do not
    /// depend on the number of threads.
    static let blockSize = 256

    /// Tests H₀: β_j = `nullValue` in the OLS regression of `response` on `design`.
    ///
    /// - Parameters:
    ///   - clusters: the cluster code (0..<G) of every row.
    ///   - imposeNull: WCR (true, recommended: MacKinnon & Webb 2018) or WCU.
    ///   - smallSampleFactor: c of the CR1 variance; default G/(G−1)·(N−1)/(N−k). It scales t and
    ///     every t* alike, so p-values do not depend on it.
    /// - Throws: `WildClusterBootstrapError`.
    public static func test(
        design x: Matrix, response y: [Double], clusters: [Int], coefficient j: Int, nullValue r: Double = 0,
        imposeNull: Bool = true, weights: WildBootstrapWeights = .rademacher, replicates: Int = 9_999, seed: UInt64,
        smallSampleFactor: Double? = nil
    ) throws -> WildClusterBootstrapResult {
        let n = x.rows, k = x.columns
        precondition(y.count == n && clusters.count == n, "one response and one cluster code per row")
        precondition(replicates >= 1, "at least one replicate")
        guard (0..<k).contains(j) else { throw WildClusterBootstrapError.coefficientOutOfRange(index: j, columns: k) }
        let g = (clusters.max() ?? -1) + 1
        guard g >= 2 else { throw WildClusterBootstrapError.tooFewClusters(count: g) }

        // Per-cluster cross products X_g'X_g (k×k, column-major, stacked) and X_g'y_g.
        var xx = [Double](repeating: 0, count: g * k * k)
        var xy = [Double](repeating: 0, count: g * k)
        for i in 0..<n {
            let c = clusters[i]
            for a in 0..<k {
                let xa = x[i, a]
                xy[c * k + a] += xa * y[i]
                for b in 0..<k { xx[c * k * k + b * k + a] += xa * x[i, b] }
            }
        }
        var total = Matrix(rows: k, columns: k)
        var totalXY = [Double](repeating: 0, count: k)
        for c in 0..<g {
            for e in 0..<(k * k) { total.elements[e] += xx[c * k * k + e] }
            for a in 0..<k { totalXY[a] += xy[c * k + a] }
        }
        let inverse: Matrix
        do { inverse = try Cholesky(total).inverse() } catch { throw WildClusterBootstrapError.singularDesign }
        let betaHat = inverse.times(totalXY)
        var beta = betaHat
        if imposeNull {
            // β̃ = β̂ − (X'X)⁻¹e_j (β̂_j − r)/[(X'X)⁻¹]_jj: least squares subject to β_j = r.
            let shift = (betaHat[j] - r) / inverse[j, j]
            for a in 0..<k { beta[a] -= inverse[a, j] * shift }
        }
        let factor = smallSampleFactor ?? Double(g) / Double(g - 1) * Double(n - 1) / Double(n - k)

        // C_g for the unrestricted scores gives the CR1 standard error of β̂_j.
        func influence(_ b: [Double]) -> (scores: Matrix, c: [Double]) {
            var scores = Matrix(rows: k, columns: g)
            for c in 0..<g {
                for a in 0..<k {
                    var s = xy[c * k + a]
                    for e in 0..<k { s -= xx[c * k * k + e * k + a] * b[e] }
                    scores[a, c] = s
                }
            }
            let w = inverse * scores  // k × G: (X'X)⁻¹S_g
            return (w, (0..<g).map { w[j, $0] })
        }
        let unrestricted = influence(betaHat)
        let variance = factor * unrestricted.c.reduce(0) { $0 + $1 * $1 }
        let se = variance.squareRoot()
        let t = (betaHat[j] - r) / se

        let (w, cg) = imposeNull ? influence(beta) : unrestricted
        // q_h = X_h'X_h (X'X)⁻¹ e_j, so D = Qᵀ W and A = diag(C) − D.
        var q = Matrix(rows: k, columns: g)
        let ej = inverse.column(j)
        for c in 0..<g {
            for a in 0..<k {
                var s = 0.0
                for e in 0..<k { s += xx[c * k * k + e * k + a] * ej[e] }
                q[a, c] = s
            }
        }
        var a = Matrix.product(q, w, transposeA: true, alpha: -1)
        for c in 0..<g { a[c, c] += cg[c] }

        let enumerate = weights == .rademacher && g < 62 && (1 << g) < replicates
        let count = enumerate ? 1 << g : replicates
        var tStar = [Double](repeating: 0, count: count)
        var start = 0
        while start < count {
            let m = min(blockSize, count - start)
            let v = weightBlock(start: start, count: m, clusters: g, weights: weights, enumerate: enumerate, seed: seed)
            let s = a * v  // G × m bootstrap cluster scores of β̂*_j
            for b in 0..<m {
                var numerator = 0.0, sum = 0.0
                for c in 0..<g {
                    numerator += cg[c] * v[c, b]
                    let value = s[c, b]
                    sum += value * value
                }
                tStar[start + b] = numerator / (factor * sum).squareRoot()
            }
            start += m
        }
        return WildClusterBootstrapResult(
            coefficient: j, nullValue: r, estimate: betaHat[j], standardError: se, tStatistic: t, imposesNull: imposeNull,
            weights: weights, clusterCount: g, replicates: count, fullEnumeration: enumerate, seed: seed, bootstrapT: tStar)
    }

    /// The G × m weights of replicates start..<start+m: drawn from each replicate's own stream, or
    /// under full enumeration the sign vectors numbered start… (bit c of the number gives v_c).
    static func weightBlock(
        start: Int, count m: Int, clusters g: Int, weights: WildBootstrapWeights, enumerate: Bool, seed: UInt64
    ) -> Matrix {
        var v = Matrix(rows: g, columns: m)
        v.elements.withUnsafeMutableBufferPointer { out in
            // Each replicate writes only its own column, so the concurrent writes never overlap.
            nonisolated(unsafe) let pointer = out
            DispatchQueue.concurrentPerform(iterations: m) { b in
                let base = b * g
                if enumerate {
                    let code = start + b
                    for c in 0..<g { pointer[base + c] = (code >> c) & 1 == 1 ? 1 : -1 }
                    return
                }
                var stream = RandomStream(seed: seed, stream: UInt64(start + b))
                switch weights {
                case .rademacher:
                    var bits: UInt64 = 0
                    for c in 0..<g {
                        if c % 64 == 0 { bits = stream.nextUInt64() }
                        pointer[base + c] = bits & 1 == 1 ? 1 : -1
                        bits >>= 1
                    }
                case .webb:
                    for c in 0..<g { pointer[base + c] = webbPoints[stream.nextInt(below: 6)] }
                }
            }
        }
        return v
    }

    /// Webb's six points −√(3/2), −1, −√(1/2), √(1/2), 1, √(3/2).
    static let webbPoints: [Double] = [-(1.5).squareRoot(), -1, -(0.5).squareRoot(), (0.5).squareRoot(), 1, (1.5).squareRoot()]
}
