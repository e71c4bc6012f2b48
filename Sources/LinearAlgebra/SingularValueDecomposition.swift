import CLinearAlgebra

/// Thin singular value decomposition `A = U Σ Vᵀ` (LAPACK `dgesdd`, divide and conquer).
///
/// With `k = min(m, n)`: `U` is `m × k` and `Vᵀ` is `k × n`, both with orthonormal rows/columns,
/// and `σ₀ ≥ σ₁ ≥ ⋯ ≥ σ_{k−1} ≥ 0`. Signs are made deterministic: in each column of `U` the entry
/// of largest magnitude is positive (the matching row of `Vᵀ` flips with it), as scikit-learn's
/// `svd_flip`, so results do not depend on LAPACK's arbitrary choice.
public struct SingularValueDecomposition: Sendable {
    /// Left singular vectors, `m × k`.
    public let u: Matrix
    /// Singular values, descending, length `k`.
    public let singularValues: [Double]
    /// Right singular vectors as rows, `k × n`.
    public let vt: Matrix

    /// Decomposes `a`.
    ///
    /// - Throws: ``LinearAlgebraError/noConvergence(routine:info:)`` if `dgesdd`'s iteration fails;
    ///   ``LinearAlgebraError/illegalArgument(routine:position:)`` when `a` holds NaN or ±∞;
    ///   ``LinearAlgebraError/dimensionTooLarge(_:)``.
    public init(_ a: Matrix) throws {
        let m = try lapackInt(a.rows)
        let n = try lapackInt(a.columns)
        let lda = try leadingDimension(a.rows)
        try checkFinite(a.elements, routine: "dgesdd", argument: 5)
        let k = Swift.min(a.rows, a.columns)
        var u = Matrix(rows: a.rows, columns: k)
        var vt = Matrix(rows: k, columns: a.columns)
        var s = [Double](repeating: 0, count: k)
        if k > 0 {
            var work = a
            let ldu = try leadingDimension(a.rows)
            let ldvt = try leadingDimension(k)
            // jobz "S": the thin factors only, which is all a regression or rank check needs.
            let info = work.elements.withUnsafeMutableBufferPointer { pa in
                u.elements.withUnsafeMutableBufferPointer { pu in
                    vt.elements.withUnsafeMutableBufferPointer { pv in
                        LAPACKE_dgesdd(
                            LAPACK_COL_MAJOR, lapackChar("S"), m, n, pa.baseAddress, lda, &s,
                            pu.baseAddress, ldu, pv.baseAddress, ldvt)
                    }
                }
            }
            try checkLAPACK(info, routine: "dgesdd") { .noConvergence(routine: "dgesdd", info: $0) }
            for j in 0..<k where largestMagnitudeIsNegative(u, column: j) {
                for i in 0..<a.rows { u[i, j] = -u[i, j] }
                for c in 0..<a.columns { vt[j, c] = -vt[j, c] }
            }
        }
        self.u = u
        self.singularValues = s
        self.vt = vt
    }

    /// `σ_max / σ_min`, the 2-norm condition number; `.infinity` if `σ_min = 0`, NaN when empty.
    public var conditionNumber: Double {
        guard let largest = singularValues.first, let smallest = singularValues.last else { return .nan }
        return smallest == 0 ? .infinity : largest / smallest
    }

    /// Numerical rank: the number of `σᵢ > tol · σ_max`.
    ///
    /// The default `tol = max(m, n) · ε` is that of NumPy's `matrix_rank` and MATLAB's `rank`
    /// (Golub & Van Loan §5.4.1): singular values below it are indistinguishable from rounding.
    public func rank(relativeTolerance: Double? = nil) -> Int {
        let tolerance = relativeTolerance ?? Double(Swift.max(u.rows, vt.columns)) * Double.ulpOfOne
        precondition(tolerance >= 0, "Tolerance must be non-negative")
        guard let largest = singularValues.first else { return 0 }
        let threshold = tolerance * largest
        return singularValues.reduce(0) { $1 > threshold ? $0 + 1 : $0 }
    }
}

/// Whether the entry of largest magnitude in column `j` is negative (first one on ties).
func largestMagnitudeIsNegative(_ m: Matrix, column j: Int) -> Bool {
    var best = 0.0
    for i in 0..<m.rows where Swift.abs(m[i, j]) > Swift.abs(best) { best = m[i, j] }
    return best < 0
}
