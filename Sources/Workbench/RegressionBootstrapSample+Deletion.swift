import Estimators
import LinearAlgebra
import ModelSpec

extension RegressionBootstrapSample {
    /// Exact leave-one-row-out coefficients of a pairs bootstrap, without n refits.
    ///
    /// For least squares (weighted or not) deleting row i gives
    /// `b₍₋ᵢ₎ = b − (XᵀWX)⁻¹ xᵢ wᵢ eᵢ / (1 − hᵢ)` with `hᵢ = wᵢ xᵢᵀ(XᵀWX)⁻¹xᵢ` and `eᵢ = yᵢ − xᵢᵀb`
    /// (Belsley, Kuh & Welsch 1980, eq. 2.1; Cook & Weisberg 1982, §3.4), over the kept columns.
    /// It replaces the n refits that Stata's `bootstrap, bca` runs. Row u of the result holds the
    /// k coefficients without row u, or is empty when deleting the row changes the design (hᵢ ≈ 1:
    /// the row alone pins a column), which the BCa interval reports as undefined.
    ///
    /// Returns nil when the shortcut does not apply (clusters, absorbed fixed effects, a design
    /// that differs from the fit's), so the caller refits instead.
    func deletionJackknife() -> [[Double]]? {
        guard specification.cluster == nil, formula.absorbed.isEmpty else { return nil }
        var options = DesignOptions()
        options.weights = specification.weights
        guard let design = try? DesignMatrix.build(formula, data: base, options: options),
            design.rowCount == base.rowCount, design.columnNames == original.columnNames
        else { return nil }
        let k = reported.count
        let n = design.rowCount
        var xtwx = [Double](repeating: 0, count: k * k)
        var row = [Double](repeating: 0, count: k)
        for i in 0..<n {
            let w = design.weights?[i] ?? 1
            for (a, j) in reported.enumerated() { row[a] = design.x[i, j] }
            for b in 0..<k { for a in 0..<k { xtwx[a + b * k] += w * row[a] * row[b] } }
        }
        guard let factor = try? Cholesky(Matrix(rows: k, columns: k, columnMajor: xtwx)) else { return nil }
        let b = reported.map { original.coefficients[$0] }
        return (0..<n).map { i -> [Double] in
            let w = design.weights?[i] ?? 1
            let x = reported.map { design.x[i, $0] }
            let e = design.y[i] - zip(x, b).reduce(0) { $0 + $1.0 * $1.1 }
            let a = factor.solve(x)
            let h = w * zip(x, a).reduce(0) { $0 + $1.0 * $1.1 }
            // Leverage one: the row alone determines a coefficient, so its deletion changes the design.
            guard h < 1 - 1e-10 else { return [] }
            return (0..<k).map { b[$0] - a[$0] * w * e / (1 - h) }
        }
    }
}
