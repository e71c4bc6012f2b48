import CLinearAlgebra

/// Column equilibration by powers of two: `A_s = A D`, `D = diag(sⱼ)`, `sⱼ = 2^−eⱼ` with `eⱼ`
/// the binary exponent of `‖aⱼ‖₂`, so every scaled column has 2-norm in `[1, 2)`.
///
/// Powers of the radix are chosen, as LAPACK's `dgeequb` does, because multiplying by them is
/// exact: `A D` is exactly representable (barring underflow of entries below 2⁻¹⁰²² after
/// scaling), and unscaling the solution, `x = D x_s`, and the covariance, `(AᵀA)⁻¹ = D (A_sᵀA_s)⁻¹ D`,
/// introduces no rounding. Every operation of Householder QR commutes with such a scaling, so the
/// computed factor of `A D` is exactly `R̂ D` and the coefficients and drop decisions do not change
/// (Householder QR is column-scaling invariant; Higham 2002, *Accuracy and Stability of Numerical
/// Algorithms*, ch. 19–20). What the scaling buys is a triangle `T` of the equilibrated design,
/// with columns of norm in `[1, 2)` whatever the units of the regressors: the condition number,
/// the refinement's error estimate and its corrections are computed on it, so they do not depend on
/// whether a regressor is recorded in cents or in millions.
///
/// The norms come from one `ddot` per column, the same single pass over `A` that the finiteness
/// check needs; the scaled copy replaces the plain copy the QR makes anyway.
struct ColumnScaling: Sendable {
    /// `sⱼ`, one power of two per column (1 for an all-zero column).
    let scales: [Double]

    /// Measures the columns of `a` and checks that every entry is finite.
    ///
    /// - Throws: ``LinearAlgebraError/illegalArgument(routine:position:)`` for `routine`/`argument`
    ///   when `a` holds NaN or ±∞, as ``checkFinite(_:routine:argument:)`` reports it.
    init(_ a: Matrix, routine: String, argument: Int) throws {
        let m = a.rows
        var scales = [Double](repeating: 1, count: a.columns)
        try a.elements.withUnsafeBufferPointer { p in
            for j in 0..<a.columns where m > 0 {
                let column = p.baseAddress! + j * m
                let sumOfSquares = cblas_ddot(blasInt(m), column, 1, column, 1)
                var norm = sumOfSquares.squareRoot()
                // Σa² is exact enough unless it overflowed (or hides a NaN/∞) or underflowed.
                if !sumOfSquares.isFinite || sumOfSquares < 0x1p-900 {
                    let entries = UnsafeBufferPointer(start: column, count: m)
                    if !sumOfSquares.isFinite, entries.contains(where: { !$0.isFinite }) {
                        throw LinearAlgebraError.illegalArgument(routine: routine, position: argument)
                    }
                    norm = cblas_dnrm2(blasInt(m), column, 1)  // overflow- and underflow-safe
                    if !norm.isFinite {
                        // ‖aⱼ‖ itself exceeds the largest double: scale from the largest entry so that
                        // every scaled entry is below 2^−⌈log₂ m⌉/2 and the scaled norm below 1.
                        let largest = entries.reduce(0) { Swift.max($0, Swift.abs($1)) }
                        let headroom = (Int.bitWidth - m.leadingZeroBitCount + 1) / 2
                        scales[j] = Double(sign: .plus, exponent: -(largest.exponent + 1 + headroom), significand: 1)
                        continue
                    }
                }
                if norm > 0 {
                    // 2^−exponent(norm): the scaled norm is norm · 2^−e ∈ [1, 2). A subnormal norm
                    // would ask for more than 2¹⁰²³; the clamp keeps the factor finite.
                    let exponent = Swift.min(-norm.exponent, Double.greatestFiniteMagnitude.exponent)
                    scales[j] = Double(sign: .plus, exponent: exponent, significand: 1)
                }
            }
        }
        self.scales = scales
    }

    /// `A D` as a new matrix, written in one pass (this is the copy the QR overwrites).
    func scaled(_ a: Matrix) -> Matrix {
        let m = a.rows
        let storage = [Double](unsafeUninitializedCapacity: a.elements.count) { buffer, count in
            a.elements.withUnsafeBufferPointer { source in
                for j in 0..<a.columns {
                    let s = scales[j]
                    let offset = j * m
                    for i in 0..<m { buffer[offset + i] = source[offset + i] * s }
                }
            }
            count = a.elements.count
        }
        return Matrix(rows: a.rows, columns: a.columns, columnMajor: storage)
    }
}
