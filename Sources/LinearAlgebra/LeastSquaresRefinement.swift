import CLinearAlgebra

/// When ``leastSquares(_:_:relativeTolerance:refinement:)`` refines the QR solution by Björck's
/// iterative refinement of the augmented system.
///
/// The augmented system `[I A; Aᵀ 0] [r; x] = [b; 0]` holds the residual `r` and the solution
/// `x` together. Each step computes its residuals `f = b − r − A x` and `g = −Aᵀ r` with
/// compensated (doubled-precision) sums, solves for the corrections with the QR already at hand
/// (`h = T⁻ᵀ g`, `d = Qᵀ f`, `δx = T⁻¹(d₁ − h)`, `δr = Q [h; d₂]`) and updates both. Because the
/// residual is refined together with `x`, the `κ² ‖r‖` term of the least-squares error bound
/// disappears, and the iteration converges to the correctly rounded solution whenever
/// `κ · u ≪ 1` (Björck, "Iterative refinement of linear least squares solutions I", BIT 7,
/// 1967; Björck, *Numerical Methods for Least Squares Problems*, 1996, ch. 2; Higham 2002, ch. 20).
/// On the NIST StRD designs it turns statsmodels-level accuracy (5.8 digits on Wampler5,
/// 7.6 on Filip) into 15 digits; see `datasets/reference/accuracy.json`.
///
/// A step costs about four passes over the kept columns (two compensated sums, `Qᵀ` and `Q`;
/// 40 ms on a 480,000 × 10 design, where the QR takes 50 ms), so the default refines only when
/// the QR solution may have lost digits that matter.
public enum LeastSquaresRefinement: Sendable, Equatable, CustomStringConvertible {
    /// Never refine: the plain QR solution, as statsmodels `OLS.fit(method="qr")` and R `lm.fit`.
    case never
    /// Refine when the design is small (`rows · rank ≤ 2¹⁶`, where a step costs under a
    /// millisecond), or when the rounding error the QR solution may carry exceeds 10⁻⁸ of some
    /// coefficient's magnitude or standard error, whichever is larger.
    ///
    /// The error is the first-order bound of Householder least squares (Higham 2002, ch. 20;
    /// Golub & Van Loan 2013, §5.3) in the coordinates `x_N` of the unit-length columns:
    /// `E = u κ (‖x_N‖₂ + κ ‖r‖₂)`, `u = 2⁻⁵³`, compared with `max(|x_N,j|, se_N,j)`,
    /// `se_N,j = σ̂ √((A_NᵀA_N)⁻¹_jj)`, `σ̂² = ‖r‖²/(m − rank)`. Measuring against the standard
    /// error as well as the value keeps a coefficient that is statistically zero from forcing
    /// refinement on every large noisy design (where `E/se` is about `u κ² √m`, 10⁻¹³ for κ = 10
    /// and half a million rows), while an exact or nearly exact fit (`se` → 0) is held to its
    /// value: the big Wampler-type polynomial with κ = 2 × 10³ is refined.
    case automatic
    /// Always refine.
    case always

    /// Largest `rows · rank` refined unconditionally by `.automatic`.
    public static let smallDesignSize = 1 << 16
    /// Largest `E / max(|x_N,j|, se_N,j)` that `.automatic` leaves unrefined on a large design.
    public static let errorRatioThreshold = 1e-8

    /// Whether this policy refines a solve of `rows` rows and `rank` kept columns whose estimated
    /// rounding error, relative to the larger of each coefficient and its standard error, is
    /// at most `errorRatio` (see ``LeastSquaresFactorization/roundingErrorRatio(solution:residualNorm:conditionNumber:scaledCovariance:)``).
    func applies(rows: Int, rank: Int, errorRatio: Double) -> Bool {
        guard rank > 0 else { return false }
        switch self {
        case .never: return false
        case .always: return true
        case .automatic:
            // ∞ (a coefficient and its standard error both zero, with a positive bound) refines.
            return rows * rank <= Self.smallDesignSize || errorRatio > Self.errorRatioThreshold
        }
    }

    /// `"never"`, `"automatic"` or `"always"`.
    public var description: String {
        switch self {
        case .never: return "never"
        case .automatic: return "automatic"
        case .always: return "always"
        }
    }
}

extension LeastSquaresFactorization {
    /// `max_j E / max(|x_N,j|, se_N,j)` with `E = u κ (‖x_N‖₂ + κ ‖r‖₂)`: how large the rounding
    /// error of the QR solution may be relative to each coefficient or its standard error (see
    /// ``LeastSquaresRefinement/automatic``). `x_N,j = x_s,j ‖t_j‖` and
    /// `(A_NᵀA_N)⁻¹_jj = (T⁻¹T⁻ᵀ)_jj ‖t_j‖²` come from the scaled triangle.
    func roundingErrorRatio(
        solution xs: [Double], residualNorm: Double, conditionNumber kappa: Double, scaledCovariance: Matrix
    ) -> Double {
        guard rank > 0 else { return 0 }
        let columnNorms = (0..<rank).map { j in
            (0...j).reduce(0.0) { $0 + triangle[$1, j] * triangle[$1, j] }.squareRoot()
        }
        let unitCoefficients = (0..<rank).map { xs[$0] * columnNorms[$0] }
        let solutionNorm = unitCoefficients.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        let bound = Double.ulpOfOne / 2 * kappa * (solutionNorm + kappa * residualNorm)
        guard bound > 0 else { return 0 }
        let residualDF = Double(Swift.max(residualCount - rank, 1))
        let sigma = residualNorm / residualDF.squareRoot()
        var worst = 0.0
        for j in 0..<rank {
            let standardError = sigma * scaledCovariance[j, j].squareRoot() * columnNorms[j]
            let scale = Swift.max(Swift.abs(unitCoefficients[j]), standardError)
            worst = Swift.max(worst, scale > 0 ? bound / scale : .infinity)
        }
        return worst
    }

    /// Largest number of refinement steps; convergence usually takes two.
    static let maximumRefinementSteps = 4

    /// Björck's refinement of the scaled solution `x_s` (kept order) and the residuals `r`.
    ///
    /// Corrections must shrink by at least half from one step to the next. The first correction
    /// can be large (the QR solution may have lost most of its digits to the `κ² ‖r‖` term), so
    /// it is kept only if the second step confirms that the iteration contracts; otherwise, as
    /// for a design too ill-conditioned for the iteration (`κ · u ≈ 1`), the unrefined QR
    /// solution is returned. Stops once every component's correction is below the unit roundoff
    /// relative to that component.
    ///
    /// - Returns: the number of corrections applied (0 when the QR solution is kept).
    func refine(_ a: Matrix, _ b: [Double], solution xs: inout [Double], residuals r: inout [Double]) -> Int {
        guard rank > 0 else { return 0 }
        let m = a.rows
        let scales = kept.map { scaling.scales[$0] }
        let unitRoundoff = Double.ulpOfOne / 2
        let unrefined = (solution: xs, residuals: r)
        var previousSize = Double.infinity
        var applied = 0
        for _ in 0..<Self.maximumRefinementSteps {
            let (dx, dr) = correction(a, b, solution: xs, residuals: r, scales: scales)
            let size = dx.reduce(0) { Swift.max($0, Swift.abs($1)) }
            guard size.isFinite, size <= 0.5 * previousSize else {
                if applied == 1 {
                    // The one correction applied was never confirmed by a contracting step.
                    (xs, r) = unrefined
                    applied = 0
                }
                break
            }
            var converged = true
            for i in 0..<rank {
                if Swift.abs(dx[i]) > unitRoundoff * Swift.abs(xs[i]) { converged = false }
                xs[i] += dx[i]
            }
            for i in 0..<m { r[i] += dr[i] }
            applied += 1
            previousSize = size
            if converged { break }
        }
        return applied
    }

    /// One step's corrections `(δx_s, δr)` from the augmented system's compensated residuals.
    private func correction(
        _ a: Matrix, _ b: [Double], solution xs: [Double], residuals r: [Double], scales: [Double]
    ) -> (dx: [Double], dr: [Double]) {
        let m = a.rows
        // x = D x_s exactly (powers of two), so A x equals A_s x_s without rounding differences.
        let x = (0..<rank).map { xs[$0] * scales[$0] }
        var f = CompensatedArithmetic.augmentedResidual(a, columns: kept, coefficients: x, b: b, r: r)
        var h = [Double](repeating: 0, count: rank)
        a.elements.withUnsafeBufferPointer { pa in
            r.withUnsafeBufferPointer { pr in
                for (position, j) in kept.enumerated() {
                    // g_s = −D A_Kᵀ r, the second block of the augmented residual, scaled.
                    let dot = CompensatedArithmetic.dot(pa.baseAddress! + j * m, pr.baseAddress!, count: m)
                    h[position] = -scales[position] * dot
                }
            }
        }
        solveTriangle(&h, transpose: true)  // h = T⁻ᵀ g_s
        applyTranspose(&f)  // d = Qᵀ f
        var dx = (0..<rank).map { f[$0] - h[$0] }
        solveTriangle(&dx, transpose: false)  // δx_s = T⁻¹ (d₁ − h)
        for i in 0..<rank { f[i] = h[i] }
        apply(&f)  // δr = Q [h; d₂]
        return (dx, f)
    }

    /// `v ← T⁻¹ v` or `v ← T⁻ᵀ v` (`dtrsv`; `T` is non-singular by construction).
    func solveTriangle(_ v: inout [Double], transpose: Bool) {
        let n = blasInt(rank)
        triangle.elements.withUnsafeBufferPointer { pt in
            cblas_dtrsv(
                CblasColMajor, CblasUpper, transpose ? CblasTrans : CblasNoTrans, CblasNonUnit, n,
                pt.baseAddress, n, &v, 1)
        }
    }
}
