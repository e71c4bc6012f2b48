import CLinearAlgebra

/// `κ₂(T N)`, `N = diag(1/‖tⱼ‖₂)`: the 2-norm condition number of the upper triangle `T` after
/// scaling its columns to unit length, from its singular values (`dgesdd`, `jobz = "N"`).
///
/// With `A = Q T`, `‖tⱼ‖ = ‖aⱼ‖` and `A N = Q (T N)`, so this is the condition number of the
/// column-equilibrated design itself. `.infinity` when the smallest singular value is zero; NaN
/// for an empty triangle.
///
/// - Throws: ``LinearAlgebraError/noConvergence(routine:info:)`` if `dgesdd` fails to converge.
func unitColumnConditionNumber(_ t: Matrix) throws -> Double {
    precondition(t.isSquare, "The triangle must be square")
    let n = t.rows
    guard n > 0 else { return .nan }
    var normalized = t
    for j in 0..<n {
        var sumOfSquares = 0.0
        for i in 0...j { sumOfSquares += t[i, j] * t[i, j] }
        let norm = sumOfSquares.squareRoot()
        // A kept column never has a zero remainder, so its norm is positive.
        for i in 0...j { normalized[i, j] = t[i, j] / norm }
    }
    var singularValues = [Double](repeating: 0, count: n)
    let size = blasInt(n)
    var u = 0.0
    var vt = 0.0
    let info = normalized.elements.withUnsafeMutableBufferPointer { p in
        LAPACKE_dgesdd(LAPACK_COL_MAJOR, lapackChar("N"), size, size, p.baseAddress, size, &singularValues, &u, 1, &vt, 1)
    }
    try checkLAPACK(info, routine: "dgesdd") { .noConvergence(routine: "dgesdd", info: $0) }
    let smallest = singularValues[n - 1]
    return smallest == 0 ? .infinity : singularValues[0] / smallest
}
