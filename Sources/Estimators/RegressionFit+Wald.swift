import Inference
import LinearAlgebra

extension RegressionFit {
    /// Wald test of `R b = r` with this fit's covariance (F with the covariance's df, and χ²).
    ///
    /// `R` has one column per design column (`columnNames.count`); columns dropped as collinear
    /// must have zero weight in every row (a programmer error otherwise), since their coefficients
    /// are not estimated. Matches statsmodels `results.wald_test(R, use_f=True)` / `f_test`.
    ///
    /// - Throws: `LinearAlgebraError` if the eigen-decomposition of `R V Rᵀ` fails.
    public func waldTest(restrictions r: Matrix, values: [Double]? = nil) throws -> WaldTest {
        precondition(r.columns == columnNames.count, "R needs one column per design column (\(columnNames.count))")
        let dropped = Set(0..<columnNames.count).subtracting(keptColumns)
        for j in dropped {
            for i in 0..<r.rows { precondition(r[i, j] == 0, "R puts weight on dropped column \(columnNames[j])") }
        }
        return try WaldTest(
            estimates: core.keptEstimates, covariance: covariance,
            restrictions: r.selectingColumns(keptColumns), values: values,
            denominatorDegreesOfFreedom: inferenceDegreesOfFreedom)
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
