import Foundation

/// The least-squares fit `min ‖A x − b‖₂`, with linearly dependent columns dropped as R does.
///
/// Dropped columns get coefficient `.nan`, as R's `lm` reports `NA`; the kept coefficients are
/// those of the regression on the kept columns alone. Produced by
/// ``leastSquares(_:_:relativeTolerance:refinement:)``.
public struct LeastSquaresSolution: Sendable {
    /// Coefficients in the original column order, length `n`; `.nan` for dropped columns.
    public let coefficients: [Double]
    /// Numerical rank, the number of kept columns.
    public let rank: Int
    /// Original indices of the columns used in the fit, ascending.
    public let keptColumns: [Int]
    /// Original indices of the columns dropped as linearly dependent on earlier ones, ascending.
    public let droppedColumns: [Int]
    /// Fitted values `A_K x_K`, computed as `b − residuals` (as R's `lm.fit`).
    ///
    /// Derived on access from the response and the residuals rather than stored: callers that
    /// only need the residuals (the fixed-effects engine) then never hold a third `m`-vector.
    /// Traps on a solution from the package-internal entry that hands its response over.
    public var fitted: [Double] {
        precondition(
            response.count == residuals.count,
            "fitted is unavailable: this solution was computed without keeping its response")
        var fitted = response
        for i in fitted.indices { fitted[i] -= residuals[i] }
        return fitted
    }
    /// The response `b` of the fit (shares storage with the caller's array; no copy).
    let response: [Double]
    /// Residuals `b − A_K x_K`, computed through `Q` (as R's `qr.resid`) so they are orthogonal to
    /// the kept columns to machine precision; after iterative refinement, the refined residual of
    /// the augmented system.
    public let residuals: [Double]
    /// `(A_Kᵀ A_K)⁻¹` for the kept columns, in the order of `keptColumns`.
    ///
    /// Computed as `D (T⁻¹ T⁻ᵀ) D` from the triangular factor `T` of the column-equilibrated
    /// design `A_K D` (`dpotri` = `dtrtri` + `dlauum`; `D` holds powers of two, so unscaling is
    /// exact), never by forming and inverting `AᵀA`: its accuracy depends on `cond(A_K D)` rather
    /// than `cond(A)²`. Multiply by `σ̂² = RSS / (m − rank)` for the classical covariance.
    public let unscaledCovariance: Matrix
    /// 2-norm condition number `κ₂(A_K N) = σ_max / σ_min` of the kept columns scaled to unit
    /// length, `N = diag(1/‖aⱼ‖₂)`; `.infinity` if `σ_min = 0`, NaN when no column is kept.
    ///
    /// Scaling first makes the number independent of the units of the regressors (a column in
    /// cents instead of dollars does not change it), and by van der Sluis (1969) it is within a
    /// factor `√rank` of the smallest condition number any column scaling can reach. Computed from
    /// the singular values of the `rank × rank` triangle `T` (`dgesdd`, values only; `A_K N` and
    /// `T N` share them because `A_K = Q T`), at `O(rank³)` cost, below the `O(m · rank²)` of the QR.
    ///
    /// About `log₁₀ κ` significant digits of the covariance (and, without refinement, of the
    /// coefficients) are at risk from rounding. R's `kappa(fit, exact = TRUE)` and statsmodels'
    /// `condition_number` are the same 2-norm ratio for the unscaled design, which also reflects
    /// the units (Longley: 4.9 × 10⁹ unscaled, 4.3 × 10⁴ scaled).
    public let conditionNumber: Double
    /// Number of iterative-refinement steps whose corrections were applied (0 if none).
    public let refinementSteps: Int

    /// The residual sum of squares `Σ eᵢ²`.
    public var residualSumOfSquares: Double {
        residuals.reduce(0) { $0 + $1 * $1 }
    }

    /// `log₁₀ κ`, the number of significant decimal digits rounding errors may cost (of the 15.9
    /// a double carries); 0 for a perfectly conditioned design.
    public var digitsAtRisk: Double {
        Swift.max(0, log10(conditionNumber))
    }
}
