import CLinearAlgebra

/// QR with R's *limited* column pivoting: columns are taken left to right, and one whose norm,
/// after removing its projection on the columns already taken, falls below `tolerance` times its
/// original norm is set aside as linearly dependent (R's `dqrdc2`, used by `lm` and `qr`).
///
/// This decides which of several collinear columns a regression drops: always the later ones,
/// as R and Stata report, so an intercept or a main effect listed first is kept. The criterion
/// is relative to each column's own norm, so rescaling a regressor never changes the decision.
///
/// It runs on the small triangular factor `R` of an unpivoted QR, `A = Q₁ R`: `Q₁` preserves
/// norms and inner products, so the decisions on the columns of `R` are those on the columns of
/// `A`, at O(n³) cost instead of O(mn²). Left-looking Householder steps (`dlarfg`) give
/// `R_K = Q₂ T` for the kept columns `K`, with `T` upper triangular.
struct LimitedPivotingQR {
    /// Original indices of the kept columns, ascending.
    let kept: [Int]
    /// Original indices of the columns set aside as dependent, ascending.
    let dropped: [Int]
    /// Upper-triangular `T`, `kept.count × kept.count`, with `T ᵀT = R_Kᵀ R_K = A_Kᵀ A_K`.
    let triangle: Matrix
    /// Length of the vectors the reflectors act on (rows of `R`).
    let length: Int
    /// Reflector `i` in column `i`, `length × kept.count`, explicit 1 in row `i`, zeros above.
    private let vectors: [Double]
    private let tau: [Double]

    /// Selects and triangularizes the columns of `r` (`k × n`, any shape).
    init(_ r: Matrix, relativeTolerance: Double) {
        let k = r.rows
        let n = r.columns
        var kept: [Int] = []
        var dropped: [Int] = []
        var tau: [Double] = []
        var vectors = [Double](repeating: 0, count: k * Swift.min(k, n))
        var triangleColumns: [[Double]] = []
        var w = [Double](repeating: 0, count: k)
        r.elements.withUnsafeBufferPointer { pr in
            for j in 0..<n {
                let a = kept.count
                let (residual, original) = w.withUnsafeMutableBufferPointer { pw -> (Double, Double) in
                    guard k > 0 else { return (0, 0) }
                    pw.baseAddress!.update(from: pr.baseAddress! + j * k, count: k)
                    let original = cblas_dnrm2(blasInt(k), pw.baseAddress, 1)
                    vectors.withUnsafeBufferPointer { pv in
                        for i in 0..<a {
                            LimitedPivotingQR.reflect(pw, by: pv.baseAddress! + i * k, tau: tau[i], from: i, length: k)
                        }
                    }
                    let residual = a < k ? cblas_dnrm2(blasInt(k - a), pw.baseAddress! + a, 1) : 0
                    return (residual, original)
                }
                // dqrdc2: negligible when the reduced norm < tol × original norm, with a zero
                // column's norm taken as 1. An exactly zero remainder is never kept, so that the
                // triangle stays non-singular even with tolerance 0.
                let threshold = relativeTolerance * (original == 0 ? 1 : original)
                if residual == 0 || residual < threshold {
                    dropped.append(j)
                    continue
                }
                var beta = w[a]
                var t = 0.0
                w.withUnsafeMutableBufferPointer { pw in
                    _ = LAPACKE_dlarfg_work(blasInt(k - a), &beta, pw.baseAddress! + a + 1, 1, &t)
                    vectors.withUnsafeMutableBufferPointer { pv in
                        let column = pv.baseAddress! + a * k
                        column[a] = 1
                        if a + 1 < k { (column + a + 1).update(from: pw.baseAddress! + a + 1, count: k - a - 1) }
                    }
                }
                tau.append(t)
                triangleColumns.append(Array(w[0..<a]) + [beta])
                kept.append(j)
            }
        }
        var triangle = Matrix(rows: kept.count, columns: kept.count)
        for (j, column) in triangleColumns.enumerated() {
            for (i, value) in column.enumerated() { triangle[i, j] = value }
        }
        self.kept = kept
        self.dropped = dropped
        self.triangle = triangle
        self.length = k
        self.vectors = vectors
        self.tau = tau
    }

    /// `x ← Q₂ᵀ x` (`transpose: true`) or `x ← Q₂ x`, for `x` of length `length`.
    func apply(to x: inout [Double], transpose: Bool) {
        precondition(x.count == length, "Vector has \(x.count) elements, expected \(length)")
        let count = tau.count
        guard count > 0 else { return }
        vectors.withUnsafeBufferPointer { pv in
            x.withUnsafeMutableBufferPointer { px in
                // Q₂ = H₀ H₁ ⋯: Q₂ᵀ applies H₀ first, Q₂ applies it last.
                for step in 0..<count {
                    let i = transpose ? step : count - 1 - step
                    LimitedPivotingQR.reflect(
                        px, by: pv.baseAddress! + i * length, tau: tau[i], from: i, length: length)
                }
            }
        }
    }

    /// `w[from...] ← (I − τ v vᵀ) w[from...]`, `v` being entries `from..<length` of `vector`.
    private static func reflect(
        _ w: UnsafeMutableBufferPointer<Double>, by vector: UnsafePointer<Double>, tau: Double,
        from start: Int, length: Int
    ) {
        guard tau != 0 else { return }
        let count = blasInt(length - start)
        let v = vector + start
        let target = w.baseAddress! + start
        let projection = cblas_ddot(count, v, 1, target, 1)
        cblas_daxpy(count, -tau * projection, v, 1, target, 1)
    }
}
