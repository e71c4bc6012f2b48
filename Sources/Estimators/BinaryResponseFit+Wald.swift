import Inference
import LinearAlgebra

extension BinaryResponseFit {
    /// Wald test of `R b = r` with this fit's covariance: `W = (Rb − r)ᵀ(R V Rᵀ)⁻¹(Rb − r) ~ χ²(q)`
    /// (`chiSquare`, `chiSquarePValue`); the F form is `W/q` against `F(q, ∞)`, the same p-value.
    /// Matches statsmodels `results.wald_test(R, use_f=False)` for `Logit`/`Probit`.
    ///
    /// `R` has one column per design column; columns dropped as collinear must have zero weight
    /// (a programmer error otherwise).
    ///
    /// - Throws: `LinearAlgebraError` if the eigen-decomposition of `R V Rᵀ` fails.
    public func waldTest(restrictions r: Matrix, values: [Double]? = nil) throws -> WaldTest {
        precondition(r.columns == columnNames.count, "R needs one column per design column (\(columnNames.count))")
        for j in Set(0..<columnNames.count).subtracting(keptColumns) {
            for i in 0..<r.rows { precondition(r[i, j] == 0, "R puts weight on dropped column \(columnNames[j])") }
        }
        return try WaldTest(
            estimates: core.keptEstimates, covariance: covariance, restrictions: r.selectingColumns(keptColumns),
            values: values, denominatorDegreesOfFreedom: .infinity)
    }

    /// Joint Wald test that the named coefficients are all zero (e.g. every dummy of a factor).
    ///
    /// - Throws: `EstimationError.unknownCoefficient` for a name that is not a kept column.
    public func waldTest(zero names: [String]) throws -> WaldTest {
        precondition(!names.isEmpty, "Name at least one coefficient")
        var r = Matrix(rows: names.count, columns: columnNames.count)
        for (i, name) in names.enumerated() {
            guard let j = columnNames.firstIndex(of: name), keptColumns.contains(j) else {
                throw EstimationError.unknownCoefficient(name: name, available: keptColumns.map { columnNames[$0] })
            }
            r[i, j] = 1
        }
        return try waldTest(restrictions: r)
    }
}
