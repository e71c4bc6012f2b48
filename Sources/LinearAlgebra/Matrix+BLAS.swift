import CLinearAlgebra

/// Products through BLAS: `dgemm`, `dgemv`, `dsyrk`.
///
/// These wrappers do not throw: shapes are checked with preconditions (a mismatch is a
/// programmer error), and a dimension beyond `Int32.max` traps (see `blasInt`). Leading
/// dimensions are `max(1, rows)` because BLAS rejects 0 even for empty matrices.
extension Matrix {
    /// General product `C = alpha · op(A) · op(B)`, with `op(X)` either `X` or `Xᵀ` (BLAS `dgemm`).
    ///
    /// - Precondition: the inner dimensions of `op(A)` and `op(B)` agree.
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false, alpha: Double = 1
    ) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kB, "Product of \(m)×\(k) by \(kB)×\(n): inner dimensions differ")
        var c = Matrix(rows: m, columns: n)
        // An empty inner dimension gives the zero matrix; BLAS is not called with zero sizes.
        guard m > 0, n > 0, k > 0 else { return c }
        let lda = blasInt(Swift.max(1, a.rows))
        let ldb = blasInt(Swift.max(1, b.rows))
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor, transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        blasInt(m), blasInt(n), blasInt(k), alpha, pa.baseAddress, lda,
                        pb.baseAddress, ldb, 0, pc.baseAddress, blasInt(m))
                }
            }
        }
        return c
    }

    /// Matrix product `A · B` (BLAS `dgemm`).
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        product(a, b)
    }

    /// Matrix–vector product `op(A) · x`, with `op(A)` either `A` or `Aᵀ` (BLAS `dgemv`).
    ///
    /// - Precondition: `x.count` is `columns` (or `rows` when `transpose` is true).
    public func times(_ x: [Double], transpose: Bool = false) -> [Double] {
        let inputLength = transpose ? rows : columns
        let outputLength = transpose ? columns : rows
        precondition(x.count == inputLength, "Vector has \(x.count) elements, expected \(inputLength)")
        var y = [Double](repeating: 0, count: outputLength)
        guard rows > 0, columns > 0 else { return y }
        elements.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasColMajor, transpose ? CblasTrans : CblasNoTrans, blasInt(rows),
                        blasInt(columns), 1, pa.baseAddress, blasInt(rows), px.baseAddress, 1, 0,
                        py.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// The cross-product `AᵀA` (BLAS `dsyrk`), returned with both triangles filled.
    ///
    /// `dsyrk` does half the work of `dgemm` and its result is exactly symmetric, which a later
    /// Cholesky or eigen-decomposition relies on.
    public func gram() -> Matrix {
        var c = Matrix(rows: columns, columns: columns)
        guard columns > 0, rows > 0 else { return c }
        elements.withUnsafeBufferPointer { pa in
            c.elements.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(
                    CblasColMajor, CblasUpper, CblasTrans, blasInt(columns), blasInt(rows), 1,
                    pa.baseAddress, blasInt(rows), 0, pc.baseAddress, blasInt(columns))
            }
        }
        c.mirrorUpperTriangle()
        return c
    }

    /// The weighted cross-product `AᵀWA = Σᵢ wᵢ aᵢ aᵢᵀ` for `W = diag(w)`, both triangles filled.
    ///
    /// Rows are scaled by `√wᵢ` and accumulated with `dsyrk`, block by block, so the extra memory
    /// is one block (about 8 MB) rather than a full copy of `A`. Negative weights are allowed
    /// (they arise in some sandwich and jackknife formulas): those rows are scaled by `√(−wᵢ)`
    /// and subtracted, `AᵀWA = A₊ᵀA₊ − A₋ᵀA₋`.
    ///
    /// - Precondition: `w.count == rows`.
    public func weightedGram(_ w: [Double]) -> Matrix {
        precondition(w.count == rows, "Weights have \(w.count) elements, expected \(rows)")
        var c = Matrix(rows: columns, columns: columns)
        guard columns > 0, rows > 0 else { return c }
        let n = columns
        // Blocks of at least 1,024 rows keep dsyrk efficient; 2^20 elements (8 MB) bounds the buffer.
        let blockRows = Swift.min(rows, Swift.max(1024, (1 << 20) / n))
        var buffer = [Double](repeating: 0, count: blockRows * n)
        var scale = [Double](repeating: 0, count: blockRows)
        var negativeScale = [Double](repeating: 0, count: blockRows)
        let m = rows
        elements.withUnsafeBufferPointer { pa in
            w.withUnsafeBufferPointer { pw in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    buffer.withUnsafeMutableBufferPointer { pb in
                        scale.withUnsafeMutableBufferPointer { ps in
                            negativeScale.withUnsafeMutableBufferPointer { pn in
                                var start = 0
                                while start < m {
                                    let count = Swift.min(blockRows, m - start)
                                    var hasNegative = false
                                    for i in 0..<count {
                                        let wi = pw[start + i]
                                        // NaN weights fall in the positive branch and propagate to the result.
                                        if wi < 0 {
                                            ps[i] = 0
                                            pn[i] = (-wi).squareRoot()
                                            hasNegative = true
                                        } else {
                                            ps[i] = wi.squareRoot()
                                            pn[i] = 0
                                        }
                                    }
                                    Matrix.accumulateScaledBlock(
                                        source: pa, rows: m, columns: n, start: start, count: count,
                                        scale: ps, sign: 1, buffer: pb, into: pc)
                                    if hasNegative {
                                        Matrix.accumulateScaledBlock(
                                            source: pa, rows: m, columns: n, start: start, count: count,
                                            scale: pn, sign: -1, buffer: pb, into: pc)
                                    }
                                    start += count
                                }
                            }
                        }
                    }
                }
            }
        }
        c.mirrorUpperTriangle()
        return c
    }

    /// Adds `sign · BᵀB` to the upper triangle of `c`, where `B` is rows `start..<start+count`
    /// of the `rows × columns` matrix at `source`, each row multiplied by `scale[i]`.
    private static func accumulateScaledBlock(
        source: UnsafeBufferPointer<Double>, rows: Int, columns: Int, start: Int, count: Int,
        scale: UnsafeMutableBufferPointer<Double>, sign: Double,
        buffer: UnsafeMutableBufferPointer<Double>, into c: UnsafeMutableBufferPointer<Double>
    ) {
        for j in 0..<columns {
            let sourceOffset = j * rows + start
            let bufferOffset = j * count
            for i in 0..<count {
                buffer[bufferOffset + i] = source[sourceOffset + i] * scale[i]
            }
        }
        cblas_dsyrk(
            CblasColMajor, CblasUpper, CblasTrans, blasInt(columns), blasInt(count), sign,
            buffer.baseAddress, blasInt(count), 1, c.baseAddress, blasInt(columns))
    }

    /// Copies the upper triangle onto the lower one (BLAS symmetric routines fill only one).
    mutating func mirrorUpperTriangle() {
        precondition(isSquare, "Only a square matrix can be symmetrized")
        let n = rows
        elements.withUnsafeMutableBufferPointer { p in
            for j in 0..<n {
                for i in 0..<j { p[j + i * n] = p[i + j * n] }
            }
        }
    }
}
