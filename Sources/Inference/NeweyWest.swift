import Foundation
import LinearAlgebra

/// Newey–West heteroskedasticity- and autocorrelation-consistent (HAC) covariance of
/// least-squares coefficients for one equally spaced time series.
///
///     V = c · B S B,   B = (XᵀX)⁻¹,
///     S = Γ₀ + Σ_{j=1}^{L} w_j (Γ_j + Γ_jᵀ),   Γ_j = Σ_{t>j} (x_t e_t)(x_{t−j} e_{t−j})ᵀ,
///     w_j = 1 − j/(L + 1)   (Bartlett kernel, so S is positive semi-definite),
///
/// with `c = N/(N − K)` when the small-sample correction is on and 1 otherwise. Rows must be
/// consecutive, equally spaced periods in time order: the lags count rows.
///
/// Matches statsmodels 0.15 `OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L,
/// "use_correction": c})` (`sandwich_covariance.cov_hac_simple`), and R
/// `sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = c)`. Reference: Newey & West
/// (1987), *Econometrica* 55(3), 703–708; lag rule Newey & West (1994), *Rev. Econ. Stud.* 61(4).
public enum NeweyWest {
    /// The Newey–West (1994) rule of thumb for the Bartlett kernel, `L = ⌊4 (N/100)^{2/9}⌋`
    /// (statsmodels `S_hac_simple` with `nlags=None`; Stata `newey` users' common default).
    public static func automaticLag(observations: Int) -> Int {
        precondition(observations > 0, "A lag rule needs at least one observation")
        return Int((4 * pow(Double(observations) / 100, 2.0 / 9.0)).rounded(.down))
    }

    /// The Bartlett weight `1 − j/(L + 1)` of lag `j` in a window of `maxLag` lags (statsmodels `weights_bartlett`).
    public static func bartlettWeight(lag: Int, maxLag: Int) -> Double {
        precondition(lag >= 0 && maxLag >= 0, "Lags are non-negative")
        return lag > maxLag ? 0 : 1 - Double(lag) / Double(maxLag + 1)
    }

    /// The HAC meat `S` of the scores `x_t e_t` (see the type's formula); `O(N K² L)`.
    ///
    /// - Parameters:
    ///   - design: `N × K`, rows in time order.
    ///   - residuals: `e_t`, one per row.
    ///   - maxLag: the truncation lag `L ≥ 0` (`L = 0` gives the HC0 meat).
    public static func meat(design: Matrix, residuals: [Double], maxLag: Int) -> Matrix {
        let n = design.rows
        precondition(residuals.count == n, "One residual per design row is required")
        // Scores u_t = x_t e_t as an N × K column-major matrix.
        var scores = design.elements
        for j in 0..<design.columns {
            for t in 0..<n { scores[j * n + t] *= residuals[t] }
        }
        return meat(scores: Matrix(rows: n, columns: design.columns, columnMajor: scores), maxLag: maxLag)
    }

    /// `Σ_j w_j (Γ_j + Γ_jᵀ)` of a `T × K` score matrix whose rows are consecutive periods.
    static func meat(scores: Matrix, maxLag: Int) -> Matrix {
        precondition(maxLag >= 0, "The lag must be non-negative")
        let n = scores.rows
        let k = scores.columns
        let u = scores.elements
        var s = scores.gram()
        for lag in stride(from: 1, through: min(maxLag, n - 1), by: 1) {
            let w = bartlettWeight(lag: lag, maxLag: maxLag)
            // Γ_j[a, b] = Σ_{t ≥ j} u_t[a] u_{t−j}[b]; add w (Γ_j + Γ_jᵀ).
            for a in 0..<k {
                for b in 0..<k {
                    var g = 0.0
                    for t in lag..<n { g += u[a * n + t] * u[b * n + t - lag] }
                    s[a, b] += w * g
                    s[b, a] += w * g
                }
            }
        }
        return s
    }

    /// The HAC covariance `c · B S B` (see the type's formula), symmetrized.
    ///
    /// - Parameters:
    ///   - bread: `(XᵀX)⁻¹`, `K × K`, e.g. `LeastSquaresSolution.unscaledCovariance`.
    ///   - smallSampleCorrection: multiply by `N/(N − K)` (statsmodels `use_correction=True`).
    public static func covariance(
        design: Matrix, residuals: [Double], bread: Matrix, maxLag: Int, smallSampleCorrection: Bool
    ) -> Matrix {
        let n = design.rows
        let k = design.columns
        precondition(bread.rows == k && bread.columns == k, "Bread must be K × K")
        precondition(n > k || !smallSampleCorrection, "The correction N/(N − K) needs N > K")
        let s = meat(design: design, residuals: residuals, maxLag: maxLag)
        return sandwich(bread: bread, meat: s, factor: smallSampleCorrection ? Double(n) / Double(n - k) : 1)
    }

    /// `factor · B S B`, symmetrized.
    static func sandwich(bread: Matrix, meat: Matrix, factor: Double) -> Matrix {
        var v = Matrix.product(bread, Matrix.product(meat, bread))
        for j in 0..<v.columns {
            for i in 0..<v.rows { v[i, j] *= factor }
        }
        return v.symmetrized()
    }
}
