import LinearAlgebra

extension NeweyWest {
    /// Driscoll–Kraay covariance: Newey–West over periods of the scores summed within each period,
    /// for several series (units) observed over the same equally spaced periods.
    ///
    ///     s_t = Σ_{i observed in t} x_it e_it,   S = Σ_{j=0}^{L} w_j (Γ_j + Γ_jᵀ) of the s_t (Γ₀ once),
    ///     V = c · B S B,   c = N/(N − K) with the correction, else 1,
    ///
    /// so errors may correlate across series within a period and over time up to lag L.
    /// Matches statsmodels 0.15 `OLS(...).fit(cov_type="hac-groupsum", cov_kwds={"time": period,
    /// "maxlags": L, "use_correction": "hac" or False})` (`sandwich_covariance.cov_nw_groupsum`,
    /// tested there against Stata `xtscc`). Reference: Driscoll & Kraay (1998), *Rev. Econ. Stat.*
    /// 80(4), 549–560; Hoechle (2007), *Stata Journal* 7(3).
    ///
    /// - Parameters:
    ///   - design: `N × K` stacked rows of all series, in any order.
    ///   - period: the period code (`0..<T`, consecutive equally spaced periods) of each row.
    ///   - bread: `(XᵀX)⁻¹`.
    ///   - smallSampleCorrection: multiply by `N/(N − K)`, N the stacked rows (statsmodels `"hac"`).
    public static func driscollKraayCovariance(
        design: Matrix, residuals: [Double], period: [Int], bread: Matrix, maxLag: Int,
        smallSampleCorrection: Bool
    ) -> Matrix {
        let n = design.rows
        let k = design.columns
        precondition(residuals.count == n && period.count == n, "One residual and one period per row")
        precondition(bread.rows == k && bread.columns == k, "Bread must be K × K")
        precondition(n > k || !smallSampleCorrection, "The correction N/(N − K) needs N > K")
        let periods = (period.max() ?? -1) + 1
        precondition(period.allSatisfy { $0 >= 0 }, "Period codes must be non-negative")
        var sums = [Double](repeating: 0, count: periods * k)
        for j in 0..<k {
            for i in 0..<n { sums[j * periods + period[i]] += design[i, j] * residuals[i] }
        }
        let s = meat(scores: Matrix(rows: periods, columns: k, columnMajor: sums), maxLag: maxLag)
        return sandwich(bread: bread, meat: s, factor: smallSampleCorrection ? Double(n) / Double(n - k) : 1)
    }
}
