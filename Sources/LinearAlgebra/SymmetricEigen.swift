import CLinearAlgebra

/// Eigen-decomposition of a symmetric matrix, `A = V Λ Vᵀ` (LAPACK `dsyevr`, all pairs).
///
/// `dsyevr` uses the MRRR algorithm (Dhillon & Parlett 2004), the fastest LAPACK driver for all
/// eigenpairs. Only the upper triangle of `A` is read. Eigenvalues are ascending; eigenvectors
/// are orthonormal columns with deterministic signs (largest-magnitude entry positive).
public struct SymmetricEigen: Sendable {
    /// Eigenvalues, ascending.
    public let values: [Double]
    /// Eigenvectors as columns, `vectors[:, i]` belonging to `values[i]`.
    public let vectors: Matrix

    /// Decomposes the symmetric `a` (upper triangle read).
    ///
    /// - Throws: ``LinearAlgebraError/noConvergence(routine:info:)`` on `dsyevr`'s internal
    ///   failure; ``LinearAlgebraError/illegalArgument(routine:position:)`` when the upper triangle
    ///   holds NaN or ±∞; ``LinearAlgebraError/dimensionTooLarge(_:)``.
    /// - Precondition: `a` is square.
    public init(_ a: Matrix) throws {
        precondition(a.isSquare, "Eigen-decomposition needs a square matrix, got \(a.rows)×\(a.columns)")
        let size = a.rows
        let n = try lapackInt(size)
        let lda = try leadingDimension(size)
        var work = a
        // Clear the unread lower triangle so the finiteness scan covers what dsyevr reads.
        work.elements.withUnsafeMutableBufferPointer { p in
            for j in 0..<size {
                for i in (j + 1)..<Swift.max(j + 1, size) { p[i + j * size] = 0 }
            }
        }
        try checkFinite(work.elements, routine: "dsyevr", argument: 6)
        var values = [Double](repeating: 0, count: size)
        var vectors = Matrix(rows: size, columns: size)
        if size > 0 {
            var found: Int32 = 0
            var support = [Int32](repeating: 0, count: 2 * size)
            // dsyevr's advice for the most accurate eigenvalues: abstol = safe minimum.
            let absoluteTolerance = Double.leastNormalMagnitude
            let info = work.elements.withUnsafeMutableBufferPointer { pa in
                vectors.elements.withUnsafeMutableBufferPointer { pz in
                    LAPACKE_dsyevr(
                        LAPACK_COL_MAJOR, lapackChar("V"), lapackChar("A"), lapackChar("U"), n,
                        pa.baseAddress, lda, 0, 0, 0, 0, absoluteTolerance, &found, &values,
                        pz.baseAddress, lda, &support)
                }
            }
            try checkLAPACK(info, routine: "dsyevr") { .noConvergence(routine: "dsyevr", info: $0) }
            for j in 0..<size where largestMagnitudeIsNegative(vectors, column: j) {
                for i in 0..<size { vectors[i, j] = -vectors[i, j] }
            }
        }
        self.values = values
        self.vectors = vectors
    }
}

/// Pseudo-inverse of a symmetric positive semi-definite matrix, `A⁺ = V_K Λ_K⁻¹ V_Kᵀ`, over the
/// eigenvalues `λᵢ > relativeTolerance · λ_max`; the others, including negative ones produced by
/// rounding, count as zero.
///
/// For a PSD matrix this is the Moore–Penrose inverse (Golub & Van Loan §5.5.2) with that
/// truncation, and equals `A⁻¹` when every eigenvalue passes. It serves rank-deficient cluster
/// "meat" matrices and Wald tests of restrictions whose covariance is singular, where `A⁻¹`
/// does not exist. The result is exactly symmetric (`B Bᵀ` by `dsyrk`, `B = V_K Λ_K^{−1/2}`).
/// Only the upper triangle of `a` is read.
///
/// - Throws: as ``SymmetricEigen/init(_:)``.
public func symmetricPseudoInverse(_ a: Matrix, relativeTolerance: Double = 1e-12) throws -> Matrix {
    precondition(relativeTolerance >= 0, "Tolerance must be non-negative")
    let eigen = try SymmetricEigen(a)
    let n = a.rows
    guard let largest = eigen.values.last, largest > 0 else { return Matrix(rows: n, columns: n) }
    let threshold = relativeTolerance * largest
    let kept = eigen.values.indices.filter { eigen.values[$0] > threshold }
    // Bᵀ holds the scaled eigenvectors as rows, so that (Bᵀ)ᵀ(Bᵀ) = B Bᵀ is one dsyrk (`gram`).
    var bt = Matrix(rows: kept.count, columns: n)
    for (row, index) in kept.enumerated() {
        let scale = 1 / eigen.values[index].squareRoot()
        for j in 0..<n { bt[row, j] = eigen.vectors[j, index] * scale }
    }
    return bt.gram()
}
