import CLinearAlgebra

/// ``leastSquares(_:_:relativeTolerance:refinement:)`` with `.automatic` refinement for callers
/// that hand over the response and never read ``LeastSquaresSolution/fitted``: the residuals are
/// computed in `b`'s storage, so the solve holds one `m`-vector fewer (the fixed-effects engine's
/// peak memory).
///
/// Results are bit-identical to the public entry's. Refinement needs the original `b`; when it is
/// certain before the solve (a design with `rows · rank ≤ 2¹⁶`), `b` is kept as the public entry
/// keeps it. On a large design `.automatic` decides only after the solve, from the rounding-error
/// ratio; `b` has then been overwritten, so in that (rare) branch `recoverResponse` must return
/// the very same values again (for the fixed-effects engine: the deterministic re-projection of
/// the outcome).
///
/// - Parameters:
///   - a: the `m × n` design matrix.
///   - b: the response, length `m`; pass the only reference (`consume`) to avoid a copy.
///   - relativeTolerance: drop threshold relative to each column's norm, in `[0, 1)`.
///   - recoverResponse: returns `b` exactly; called at most once, only when refinement applies
///     to a large design.
/// - Returns: the solution, whose `fitted` is unavailable (it traps): its response is not kept.
/// - Throws: as ``leastSquares(_:_:relativeTolerance:refinement:)``.
package func leastSquares(
    _ a: Matrix, response b: consuming [Double], relativeTolerance: Double = 1e-7,
    recoverResponse: () throws -> [Double]
) throws -> LeastSquaresSolution {
    precondition(b.count == a.rows, "Response has \(b.count) elements, design has \(a.rows) rows")
    precondition(relativeTolerance >= 0 && relativeTolerance < 1, "Tolerance must be in [0, 1)")
    _ = try lapackInt(a.rows)
    _ = try lapackInt(a.columns)
    let scaling = try ColumnScaling(a, routine: "dgeqr", argument: 4)
    try checkFinite(b, routine: "dgemqr", argument: 11)
    let factorization = try LeastSquaresFactorization(a, scaling: scaling, relativeTolerance: relativeTolerance)
    let refinement = LeastSquaresRefinement.automatic
    // An error ratio of 0 refines only where the policy refines regardless of it (small designs):
    // then the original b is certainly needed, and it is kept (the solve copies it, as before).
    let original: [Double]? = refinement.applies(rows: a.rows, rank: factorization.rank, errorRatio: 0) ? b : nil
    var (solution, residuals) = try factorization.solve(consume b)
    let conditionNumber = try unitColumnConditionNumber(factorization.triangle)
    let scaledCovariance = try factorization.scaledCovariance()

    var steps = 0
    let errorRatio = factorization.roundingErrorRatio(
        solution: solution, residualNorm: norm2(residuals), conditionNumber: conditionNumber,
        scaledCovariance: scaledCovariance)
    if refinement.applies(rows: a.rows, rank: factorization.rank, errorRatio: errorRatio) {
        let response = try original ?? recoverResponse()
        precondition(response.count == a.rows, "The recovered response has \(response.count) elements, not \(a.rows)")
        steps = factorization.refine(a, response, solution: &solution, residuals: &residuals)
    }
    var coefficients = [Double](repeating: .nan, count: a.columns)
    for (position, column) in factorization.kept.enumerated() {
        coefficients[column] = solution[position] * scaling.scales[column]
    }
    // No response kept: `fitted` would need the m-vector this entry exists to release.
    return LeastSquaresSolution(
        coefficients: coefficients, rank: factorization.rank, keptColumns: factorization.kept,
        droppedColumns: factorization.dropped, response: [], residuals: residuals,
        unscaledCovariance: factorization.unscale(scaledCovariance), conditionNumber: conditionNumber,
        refinementSteps: steps)
}
