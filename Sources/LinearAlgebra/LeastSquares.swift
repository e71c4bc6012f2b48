import CLinearAlgebra

/// The least-squares fit `min ‖A x − b‖₂`, with linearly dependent columns dropped as R does.
///
/// Dropped columns get coefficient `.nan`, as R's `lm` reports `NA`; the kept coefficients are
/// those of the regression on the kept columns alone.
public struct LeastSquaresSolution: Sendable {
    /// Coefficients in the original column order, length `n`; `.nan` for dropped columns.
    public let coefficients: [Double]
    /// Numerical rank, the number of kept columns.
    public let rank: Int
    /// Original indices of the columns used in the fit, ascending.
    public let keptColumns: [Int]
    /// Original indices of the columns dropped as linearly dependent on earlier ones, ascending.
    public let droppedColumns: [Int]
    /// Fitted values `A_K x_K`, computed as `b − residuals` (as R's `lm.fit`).
    public let fitted: [Double]
    /// Residuals `b − A_K x_K`, computed through `Q` (as R's `qr.resid`) so they are orthogonal to
    /// the kept columns to machine precision.
    public let residuals: [Double]
    /// `(A_Kᵀ A_K)⁻¹` for the kept columns, in the order of `keptColumns`.
    ///
    /// Computed as `T⁻¹ T⁻ᵀ` from the triangular factor (`dpotri` = `dtrtri` + `dlauum`), never by
    /// forming and inverting `AᵀA`, so its accuracy depends on `cond(A)` rather than `cond(A)²`.
    /// Multiply by `σ̂² = RSS / (m − rank)` for the classical covariance.
    public let unscaledCovariance: Matrix

    /// The residual sum of squares `Σ eᵢ²`.
    public var residualSumOfSquares: Double {
        residuals.reduce(0) { $0 + $1 * $1 }
    }
}

/// Solves `min ‖A x − b‖₂` by QR, dropping linearly dependent columns as R's `lm` does.
///
/// Steps: (1) an unpivoted QR `A = Q₁ R` (`dgeqr`: TSQR for tall designs, see `CompactQR`); (2) R's limited column pivoting
/// (`dqrdc2`) on the small factor `R`: columns are taken left to right and one whose remaining
/// norm falls below `relativeTolerance` × its original norm is dropped; (3) the kept columns are
/// triangularized, `R_K = Q₂ T`, and `T x_K = (Q₂ᵀ Q₁ᵀ b)[0..<rank]` is solved (`dtrtrs`).
/// Because `A_K = Q₁ Q₂ T` exactly, step 3 *is* the refit on the kept columns: their
/// coefficients are exact, not a truncation of a rank-deficient solve. Any shape is allowed; with
/// more columns than rows at most `m` columns are kept.
///
/// Matches R `lm.fit(x, y, tol = 1e-7)`: same rank, same dropped columns (later ones), `NA` → `.nan`.
/// The drop decision differs from ``PivotedQR/dependentColumns(relativeTolerance:)``, which
/// orders columns by norm and compares with the largest one (LAPACK `dgelsy` convention).
///
/// - Parameters:
///   - a: the `m × n` design matrix.
///   - b: the response, length `m`.
///   - relativeTolerance: drop threshold relative to each column's norm, in `[0, 1)`.
/// - Throws: ``LinearAlgebraError/dimensionTooLarge(_:)``; ``LinearAlgebraError/illegalArgument(routine:position:)``
///   when `a` or `b` contains NaN or ±∞.
public func leastSquares(_ a: Matrix, _ b: [Double], relativeTolerance: Double = 1e-7) throws -> LeastSquaresSolution {
    precondition(b.count == a.rows, "Response has \(b.count) elements, design has \(a.rows) rows")
    precondition(relativeTolerance >= 0 && relativeTolerance < 1, "Tolerance must be in [0, 1)")
    _ = try lapackInt(a.rows)
    _ = try lapackInt(a.columns)
    try checkFinite(a.elements, routine: "dgeqr", argument: 4)
    try checkFinite(b, routine: "dgemqr", argument: 11)
    let k = Swift.min(a.rows, a.columns)

    // Stage 1: unpivoted QR (TSQR for tall designs) and c = Q₁ᵀ b.
    let q1 = try CompactQR(a)
    var c = b
    q1.apply(to: &c, transpose: true)

    // Stage 2: R's left-to-right rank decisions on R, then the triangle of the kept columns.
    let selection = LimitedPivotingQR(q1.upperTrapezoid(), relativeTolerance: relativeTolerance)
    let rank = selection.kept.count
    var head = Array(c[0..<k])
    selection.apply(to: &head, transpose: true)

    var solution = Array(head[0..<rank])
    var covariance = selection.triangle
    if rank > 0 {
        let r = blasInt(rank)
        var info = selection.triangle.elements.withUnsafeBufferPointer { pt in
            LAPACKE_dtrtrs(
                LAPACK_COL_MAJOR, lapackChar("U"), lapackChar("N"), lapackChar("N"), r, 1, pt.baseAddress, r,
                &solution, r)
        }
        try checkLAPACK(info, routine: "dtrtrs") { .singular(routine: "dtrtrs", index: $0) }
        // dpotri treats T as the Cholesky factor of TᵀT = A_KᵀA_K; the signs of T's diagonal
        // (Householder leaves some negative) do not change T⁻¹T⁻ᵀ.
        info = covariance.elements.withUnsafeMutableBufferPointer { pc in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, lapackChar("U"), r, pc.baseAddress, r)
        }
        try checkLAPACK(info, routine: "dpotri") { .singular(routine: "dpotri", index: $0) }
        covariance.mirrorUpperTriangle()
    }

    // Residuals: keep the part of the rotated response outside the span of the kept columns and
    // rotate it back (R's qr.resid); fitted = b − residuals, as R's lm.fit computes them.
    var residualHead = head
    for i in 0..<rank { residualHead[i] = 0 }
    selection.apply(to: &residualHead, transpose: false)
    var residuals = residualHead + c[k...]
    q1.apply(to: &residuals, transpose: false)
    var fitted = b
    for i in fitted.indices { fitted[i] -= residuals[i] }

    var coefficients = [Double](repeating: .nan, count: a.columns)
    for (position, column) in selection.kept.enumerated() { coefficients[column] = solution[position] }
    return LeastSquaresSolution(
        coefficients: coefficients, rank: rank, keptColumns: selection.kept,
        droppedColumns: selection.dropped, fitted: fitted, residuals: residuals,
        unscaledCovariance: covariance)
}
