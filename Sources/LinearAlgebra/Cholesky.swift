import CLinearAlgebra

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cholesky factorization of a symmetric positive-definite matrix, `A = UᵀU` (LAPACK `dpotrf`,
/// upper triangle).
///
/// Only the upper triangle of `A` is read, as in LAPACK; the lower one is ignored. It is the
/// cheapest test of positive definiteness and the way to solve with, invert and take the
/// log-determinant of a covariance or cross-product matrix (Golub & Van Loan, *Matrix
/// Computations*, 4th ed., §4.2).
public struct Cholesky: Sendable {
    /// The upper-triangular factor `U` (zeros below the diagonal), positive diagonal.
    public let upper: Matrix

    /// Factors the symmetric positive-definite `a`.
    ///
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(routine:minor:)`` when the leading minor of
    ///   that order is not positive (the matrix is indefinite, or singular to working precision);
    ///   ``LinearAlgebraError/illegalArgument(routine:position:)`` when the upper triangle holds NaN
    ///   or ±∞; ``LinearAlgebraError/dimensionTooLarge(_:)``.
    /// - Precondition: `a` is square.
    public init(_ a: Matrix) throws {
        precondition(a.isSquare, "Cholesky needs a square matrix, got \(a.rows)×\(a.columns)")
        let n = try lapackInt(a.rows)
        let lda = try leadingDimension(a.rows)
        var u = a
        let size = a.rows
        // Clear the unread lower triangle first: U is returned clean, and the finiteness scan
        // below then covers exactly the triangle dpotrf reads.
        u.elements.withUnsafeMutableBufferPointer { p in
            for j in 0..<size {
                for i in (j + 1)..<Swift.max(j + 1, size) { p[i + j * size] = 0 }
            }
        }
        try checkFinite(u.elements, routine: "dpotrf", argument: 4)
        let info = u.elements.withUnsafeMutableBufferPointer { p in
            LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, lapackChar("U"), n, p.baseAddress, lda)
        }
        try checkLAPACK(info, routine: "dpotrf") { .notPositiveDefinite(routine: "dpotrf", minor: $0) }
        upper = u
    }

    /// Order `n` of the factored matrix.
    public var order: Int { upper.rows }

    /// Solves `A x = b` with the factor (`dpotrs`: `Uᵀ y = b`, then `U x = y`).
    ///
    /// - Precondition: `b.count == n`.
    public func solve(_ b: [Double]) -> [Double] {
        solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
    }

    /// Solves `A X = B` for every column of `B` (`dpotrs`).
    ///
    /// - Precondition: `b.rows == n`.
    public func solve(_ b: Matrix) -> Matrix {
        precondition(b.rows == order, "Right-hand side has \(b.rows) rows, expected \(order)")
        var x = b
        guard order > 0, b.columns > 0 else { return x }
        let n = blasInt(order)
        // The _work variant skips LAPACKE's NaN scan: a NaN in b propagates into x instead of trapping.
        let info = upper.elements.withUnsafeBufferPointer { pu in
            x.elements.withUnsafeMutableBufferPointer { px in
                LAPACKE_dpotrs_work(
                    LAPACK_COL_MAJOR, lapackChar("U"), n, blasInt(b.columns), pu.baseAddress, n,
                    px.baseAddress, n)
            }
        }
        requireLAPACKSuccess(info, routine: "dpotrs")
        return x
    }

    /// The inverse `A⁻¹ = U⁻¹U⁻ᵀ` (`dpotri`), returned exactly symmetric.
    ///
    /// - Throws: ``LinearAlgebraError/singular(routine:index:)`` if a diagonal element of `U` is
    ///   zero (possible only after underflow).
    public func inverse() throws -> Matrix {
        var inverse = upper
        guard order > 0 else { return inverse }
        let n = blasInt(order)
        let info = inverse.elements.withUnsafeMutableBufferPointer { p in
            LAPACKE_dpotri_work(LAPACK_COL_MAJOR, lapackChar("U"), n, p.baseAddress, n)
        }
        try checkLAPACK(info, routine: "dpotri") { .singular(routine: "dpotri", index: $0) }
        // dpotri writes only the upper triangle.
        inverse.mirrorUpperTriangle()
        return inverse
    }

    /// `log det A = 2 Σᵢ log Uᵢᵢ`, summed as logs so it neither overflows nor underflows.
    public var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<order { sum += log(upper[i, i]) }
        return 2 * sum
    }
}
