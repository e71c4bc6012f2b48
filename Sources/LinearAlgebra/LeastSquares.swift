import CLinearAlgebra

/// Solves `min ‖A x − b‖₂` by QR, dropping linearly dependent columns as R's `lm` does.
///
/// Steps: (0) column equilibration `A_s = A D` by powers of two (exact, and computed
/// in the same pass as the finiteness check); (1) an unpivoted QR `A_s = Q₁ R` (`dgeqr`: TSQR for
/// tall designs, see `CompactQR`); (2) R's limited column pivoting (`dqrdc2`) on the small factor
/// `R`: columns are taken left to right and one whose remaining norm falls below
/// `relativeTolerance` × its original norm is dropped; (3) the kept columns are triangularized,
/// `R_K = Q₂ T`, and `T x_s = (Q₂ᵀ Q₁ᵀ b)[0..<rank]` is solved (`dtrtrs`), `x = D x_s`;
/// (4) the condition number of the kept, unit-length columns from `T`'s singular values;
/// (5) optionally, iterative refinement of `(x, r)` on the augmented system with compensated
/// residuals (Björck 1967; see ``LeastSquaresRefinement``).
///
/// Because `A_K D = Q₁ Q₂ T` exactly, step 3 *is* the refit on the kept columns: their
/// coefficients are exact, not a truncation of a rank-deficient solve. The drop rule is relative
/// to each column's own norm, so the power-of-two scaling leaves every decision unchanged
/// (Householder QR is invariant under it). Any shape is allowed; with more columns than rows at
/// most `m` columns are kept.
///
/// Matches R `lm.fit(x, y, tol = 1e-7)`: same rank, same dropped columns (later ones), `NA` → `.nan`.
/// The drop decision differs from ``PivotedQR/dependentColumns(relativeTolerance:)``, which
/// orders columns by norm and compares with the largest one (LAPACK `dgelsy` convention).
///
/// - Parameters:
///   - a: the `m × n` design matrix.
///   - b: the response, length `m`.
///   - relativeTolerance: drop threshold relative to each column's norm, in `[0, 1)`.
///   - refinement: when to refine the QR solution (default: when it may have lost digits).
/// - Throws: ``LinearAlgebraError/dimensionTooLarge(_:)``; ``LinearAlgebraError/illegalArgument(routine:position:)``
///   when `a` or `b` contains NaN or ±∞.
public func leastSquares(
    _ a: Matrix, _ b: [Double], relativeTolerance: Double = 1e-7,
    refinement: LeastSquaresRefinement = .automatic
) throws -> LeastSquaresSolution {
    precondition(b.count == a.rows, "Response has \(b.count) elements, design has \(a.rows) rows")
    precondition(relativeTolerance >= 0 && relativeTolerance < 1, "Tolerance must be in [0, 1)")
    _ = try lapackInt(a.rows)
    _ = try lapackInt(a.columns)
    let scaling = try ColumnScaling(a, routine: "dgeqr", argument: 4)
    try checkFinite(b, routine: "dgemqr", argument: 11)
    let factorization = try LeastSquaresFactorization(a, scaling: scaling, relativeTolerance: relativeTolerance)
    var (solution, residuals) = try factorization.solve(b)
    let conditionNumber = try unitColumnConditionNumber(factorization.triangle)
    let scaledCovariance = try factorization.scaledCovariance()

    var steps = 0
    let errorRatio = factorization.roundingErrorRatio(
        solution: solution, residualNorm: norm2(residuals), conditionNumber: conditionNumber,
        scaledCovariance: scaledCovariance)
    if refinement.applies(rows: a.rows, rank: factorization.rank, errorRatio: errorRatio) {
        steps = factorization.refine(a, b, solution: &solution, residuals: &residuals)
    }
    var coefficients = [Double](repeating: .nan, count: a.columns)
    for (position, column) in factorization.kept.enumerated() {
        coefficients[column] = solution[position] * scaling.scales[column]
    }
    return LeastSquaresSolution(
        coefficients: coefficients, rank: factorization.rank, keptColumns: factorization.kept,
        droppedColumns: factorization.dropped, response: b, residuals: residuals,
        unscaledCovariance: factorization.unscale(scaledCovariance), conditionNumber: conditionNumber,
        refinementSteps: steps)
}

/// The two-stage QR of an equilibrated design, `A D = Q₁ [Q₂ [T; 0]; 0]` on the kept columns,
/// and the operations a least-squares solve and its refinement need.
struct LeastSquaresFactorization {
    /// `dgeqr` of `A D`.
    let q1: CompactQR
    /// R's column selection on `Q₁`'s `R`, with `R_K = Q₂ [T; 0]`.
    let selection: LimitedPivotingQR
    /// The power-of-two column scales `D`.
    let scaling: ColumnScaling
    /// `min(m, n)`: the length of the vectors `Q₂` acts on.
    let k: Int
    /// `m`, the number of rows (residuals).
    let residualCount: Int

    init(_ a: Matrix, scaling: ColumnScaling, relativeTolerance: Double) throws {
        q1 = try CompactQR(scaling.scaled(a))
        selection = LimitedPivotingQR(q1.upperTrapezoid(), relativeTolerance: relativeTolerance)
        self.scaling = scaling
        k = Swift.min(a.rows, a.columns)
        residualCount = a.rows
    }

    var rank: Int { selection.kept.count }
    var kept: [Int] { selection.kept }
    var dropped: [Int] { selection.dropped }
    /// Upper-triangular `T` (`rank × rank`) of the scaled kept columns.
    var triangle: Matrix { selection.triangle }

    /// `Qᵀ v` with `Q = Q₁ diag(Q₂, I)`.
    func applyTranspose(_ v: inout [Double]) {
        q1.apply(to: &v, transpose: true)
        var head = Array(v[0..<k])
        selection.apply(to: &head, transpose: true)
        v.replaceSubrange(0..<k, with: head)
    }

    /// `Q v` with `Q = Q₁ diag(Q₂, I)`.
    func apply(_ v: inout [Double]) {
        var head = Array(v[0..<k])
        selection.apply(to: &head, transpose: false)
        v.replaceSubrange(0..<k, with: head)
        q1.apply(to: &v, transpose: false)
    }

    /// The scaled coefficients `x_s` (kept order) and the residuals `b − A_K x` through `Q`.
    ///
    /// The residuals are computed in `b`'s own storage when the caller hands over its only
    /// reference (no copy of the `m`-vector); otherwise the first write copies it.
    func solve(_ c: consuming [Double]) throws -> (solution: [Double], residuals: [Double]) {
        applyTranspose(&c)
        var solution = Array(c[0..<rank])
        if rank > 0 {
            let r = blasInt(rank)
            let info = triangle.elements.withUnsafeBufferPointer { pt in
                LAPACKE_dtrtrs(
                    LAPACK_COL_MAJOR, lapackChar("U"), lapackChar("N"), lapackChar("N"), r, 1,
                    pt.baseAddress, r, &solution, r)
            }
            try checkLAPACK(info, routine: "dtrtrs") { .singular(routine: "dtrtrs", index: $0) }
        }
        // Residuals: keep the part of the rotated response outside the span of the kept columns
        // and rotate it back (R's qr.resid); fitted = b − residuals, as R's lm.fit computes them.
        for i in 0..<rank { c[i] = 0 }
        apply(&c)
        return (solution, c)
    }

    /// `T⁻¹T⁻ᵀ = (A_K D)ᵀ(A_K D))⁻¹`, the inverse cross-product of the scaled kept columns.
    func scaledCovariance() throws -> Matrix {
        var covariance = triangle
        guard rank > 0 else { return covariance }
        let r = blasInt(rank)
        // dpotri treats T as the Cholesky factor of TᵀT = (A_K D)ᵀ(A_K D); the signs of T's
        // diagonal (Householder leaves some negative) do not change T⁻¹T⁻ᵀ.
        let info = covariance.elements.withUnsafeMutableBufferPointer { pc in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, lapackChar("U"), r, pc.baseAddress, r)
        }
        try checkLAPACK(info, routine: "dpotri") { .singular(routine: "dpotri", index: $0) }
        covariance.mirrorUpperTriangle()
        return covariance
    }

    /// `D C D`: the unscaled `(A_KᵀA_K)⁻¹` in kept order from the scaled one (exact: `D` holds
    /// powers of two).
    func unscale(_ scaledCovariance: Matrix) -> Matrix {
        var covariance = scaledCovariance
        let s = kept.map { scaling.scales[$0] }
        for j in 0..<rank {
            for i in 0..<rank { covariance[i, j] *= s[i] * s[j] }
        }
        return covariance
    }
}

/// `‖v‖₂` (`dnrm2`, overflow-safe).
func norm2(_ v: [Double]) -> Double {
    v.isEmpty ? 0 : cblas_dnrm2(blasInt(v.count), v, 1)
}
