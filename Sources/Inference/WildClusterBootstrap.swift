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
/// (N−1)/(N−k). Replicates are processed in blocks of a G×G by G×m product. Weights of replicate
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
    ///   - threads: workers for the replicates (default: all cores); results do not depend on it.
    /// - Throws: `WildClusterBootstrapError`.
    public static func test(
        design x: Matrix, response y: [Double], clusters: [Int], coefficient j: Int, nullValue r: Double = 0,
        imposeNull: Bool = true, weights: WildBootstrapWeights = .rademacher, replicates: Int = 9_999, seed: UInt64,
        smallSampleFactor: Double? = nil, threads: Int? = nil
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
        func influence(_ b: [Double]) -> (w: [Double], c: [Double]) {
            // w (k × G, column-major) = (X'X)⁻¹S_g with S_g = X_g'y_g − X_g'X_g b.
            var w = [Double](repeating: 0, count: k * g)
            var score = [Double](repeating: 0, count: k)
            for c in 0..<g {
                for a in 0..<k {
                    var s = xy[c * k + a]
                    for e in 0..<k { s -= xx[c * k * k + e * k + a] * b[e] }
                    score[a] = s
                }
                for a in 0..<k {
                    var s = 0.0
                    for e in 0..<k { s += inverse[a, e] * score[e] }
                    w[c * k + a] = s
                }
            }
            return (w, (0..<g).map { w[$0 * k + j] })
        }
        let unrestricted = influence(betaHat)
        let variance = factor * unrestricted.c.reduce(0) { $0 + $1 * $1 }
        let se = variance.squareRoot()
        let t = (betaHat[j] - r) / se

        let (w, cg) = imposeNull ? influence(beta) : unrestricted
        // q_h = X_h'X_h (X'X)⁻¹ e_j; D_hg = q_h · w_g; A = diag(C) − D (G × G, column-major).
        let ej = inverse.column(j)
        var q = [Double](repeating: 0, count: k * g)
        for c in 0..<g {
            for a in 0..<k {
                var s = 0.0
                for e in 0..<k { s += xx[c * k * k + e * k + a] * ej[e] }
                q[c * k + a] = s
            }
        }
        var matrixA = [Double](repeating: 0, count: g * g)
        for col in 0..<g {
            for row in 0..<g {
                var s = 0.0
                for e in 0..<k { s += q[row * k + e] * w[col * k + e] }
                matrixA[col * g + row] = -s
            }
            matrixA[col * g + col] += cg[col]
        }
        let a = matrixA

        let enumerate = weights == .rademacher && g < 62 && (1 << g) < replicates
        let count = enumerate ? 1 << g : replicates
        let blocks = (count + blockSize - 1) / blockSize
        let store = ReplicateStore(replicates: count, width: 1)
        let workers = max(1, min(threads ?? ProcessInfoCores.count, blocks))
        // Blocks are dealt to workers round-robin; a block's numbers do not depend on which worker
        // computes it, so the result is the same on any number of threads.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var block = worker
            while block < blocks {
                let start = block * blockSize
                let m = min(blockSize, count - start)
                let v = weightBlock(start: start, count: m, clusters: g, weights: weights, enumerate: enumerate, seed: seed)
                let values = bootstrapT(a: a, c: cg, v: v, clusters: g, factor: factor)
                for b in 0..<m { store.write(row: start + b, [values[b]]) }
                block += workers
            }
        }
        return WildClusterBootstrapResult(
            coefficient: j, nullValue: r, estimate: betaHat[j], standardError: se, tStatistic: t, imposesNull: imposeNull,
            weights: weights, clusterCount: g, replicates: count, fullEnumeration: enumerate, seed: seed,
            bootstrapT: store.values)
    }

    /// t*_b = Σ_g C_g v_gb / sqrt(c · Σ_h (A v_b)_h²) for the m replicates of one weight block.
    ///
    /// S = A·V is accumulated column by column of A (an axpy over contiguous memory, which the
    /// compiler vectorizes) so that each element's sum runs in a fixed order: BLAS would be faster
    /// but may change the last bits with its thread count.
    static func bootstrapT(a: [Double], c: [Double], v: Matrix, clusters g: Int, factor: Double) -> [Double] {
        let m = v.columns
        var s = [Double](repeating: 0, count: g * m)
        a.withUnsafeBufferPointer { pa in
            v.elements.withUnsafeBufferPointer { pv in
                s.withUnsafeMutableBufferPointer { ps in
                    for col in 0..<g {
                        let column = pa.baseAddress! + col * g
                        for b in 0..<m {
                            let weight = pv[b * g + col]
                            let target = ps.baseAddress! + b * g
                            for row in 0..<g { target[row] += column[row] * weight }
                        }
                    }
                }
            }
        }
        return (0..<m).map { b in
            var numerator = 0.0, sum = 0.0
            for h in 0..<g {
                numerator += c[h] * v[h, b]
                let value = s[b * g + h]
                sum += value * value
            }
            return numerator / (factor * sum).squareRoot()
        }
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
