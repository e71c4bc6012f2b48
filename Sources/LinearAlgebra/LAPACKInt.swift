import CLinearAlgebra

// Conversion between Swift's `Int` and LAPACK/BLAS's 32-bit integer, and `info` checking.
//
// `lapack_int` (and OpenBLAS's `blasint`) is `Int32` on this platform, while Swift sizes are
// 64-bit `Int`. Every dimension, leading dimension and count passed to BLAS or LAPACK goes
// through `lapackInt(_:)` so an oversized matrix is reported instead of silently wrapping.

/// Converts a non-negative size to LAPACK's 32-bit integer.
///
/// - Throws: ``LinearAlgebraError/dimensionTooLarge(_:)`` when `n > Int32.max`.
/// - Precondition: `n >= 0` (a negative size is a programmer error).
func lapackInt(_ n: Int) throws -> Int32 {
    precondition(n >= 0, "BLAS/LAPACK dimensions must be non-negative, got \(n)")
    guard n <= Int(Int32.max) else { throw LinearAlgebraError.dimensionTooLarge(n) }
    return Int32(truncatingIfNeeded: n)
}

/// Converts a size for a non-throwing BLAS wrapper, trapping when it does not fit.
///
/// The BLAS products (`*`, `gram()`, …) are non-throwing by design, so a dimension beyond
/// `Int32.max` there is treated as a programmer error; the LAPACK factorizations throw instead.
func blasInt(_ n: Int) -> Int32 {
    do {
        return try lapackInt(n)
    } catch {
        preconditionFailure("\(error)")
    }
}

/// The leading dimension of a column-major array with `rows` rows; BLAS/LAPACK require at least 1.
func leadingDimension(_ rows: Int) throws -> Int32 {
    try lapackInt(Swift.max(1, rows))
}

/// Translates a LAPACK `info` code into a thrown error.
///
/// - Parameters:
///   - info: the value returned by the `LAPACKE_*` call.
///   - routine: LAPACK routine name, for the message.
///   - positive: the error for `info > 0`, which each routine defines differently.
func checkLAPACK(
    _ info: Int32, routine: String, positive: (Int) -> LinearAlgebraError
) throws {
    if info == 0 { return }
    // LAPACKE's own workspace allocation failed: out of memory, which Swift treats as fatal too.
    precondition(
        info != LAPACK_WORK_MEMORY_ERROR && info != LAPACK_TRANSPOSE_MEMORY_ERROR,
        "LAPACKE could not allocate workspace for \(routine): out of memory")
    if info < 0 { throw LinearAlgebraError.illegalArgument(routine: routine, position: Int(-info)) }
    throw positive(Int(info))
}

/// Checks the `info` of a call whose arguments were already validated, where a failure can
/// only be a bug in this module (an illegal argument) rather than a property of the data.
func requireLAPACKSuccess(_ info: Int32, routine: String) {
    precondition(info == 0, "LAPACK \(routine) failed with info = \(info); arguments were validated, so this is a bug")
}

/// A LAPACK character option (`"U"`, `"T"`, …) as the C `char` LAPACKE expects.
func lapackChar(_ option: Unicode.Scalar) -> CChar {
    CChar(truncatingIfNeeded: option.value)
}

/// Throws `illegalArgument(routine:position:)` if `values` holds a NaN or ±∞.
///
/// LAPACKE scans inputs for NaN only; an infinity slips through and turns into NaN (or a
/// misleading "not positive definite") inside the routine. Scanning first reports both the same
/// way LAPACKE reports a NaN: as the matrix argument `position` of `routine`.
func checkFinite(_ values: [Double], routine: String, argument position: Int) throws {
    let isFinite = values.withUnsafeBufferPointer { p -> Bool in
        // Fast path: BLAS dasum (SIMD, memory-bound) is finite whenever every entry is, unless the
        // sum itself overflows; only then is the chunk scanned element by element.
        let chunk = 1 << 30
        var start = 0
        while start < p.count {
            let count = Swift.min(chunk, p.count - start)
            let sum = cblas_dasum(blasInt(count), p.baseAddress! + start, 1)
            if !sum.isFinite,
                UnsafeBufferPointer(rebasing: p[start..<(start + count)]).contains(where: { !$0.isFinite })
            {
                return false
            }
            start += count
        }
        return true
    }
    if !isFinite { throw LinearAlgebraError.illegalArgument(routine: routine, position: position) }
}
