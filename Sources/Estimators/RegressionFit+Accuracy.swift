import Foundation
import Inference
import LinearAlgebra

/// What rounding could have cost a least-squares fit, from ``LeastSquaresSolution``.
struct NumericalAccuracy: Sendable {
    /// `κ₂` of the kept design columns scaled to unit length (of `√W X` for WLS).
    let conditionNumber: Double
    /// Iterative-refinement steps applied to the coefficients.
    let refinementSteps: Int

    init(_ solution: LeastSquaresSolution) {
        conditionNumber = solution.conditionNumber
        refinementSteps = solution.refinementSteps
    }
}

extension RegressionFit {
    /// Condition number above which a fit warns that digits may be lost (10⁸: half of the 16 a
    /// double carries).
    public static let conditionWarningThreshold = 1e8

    /// 2-norm condition number of the kept design columns (whitened by `√w` for WLS) after
    /// scaling each to unit length: `σ_max / σ_min` of `X_K N`, `N = diag(1/‖xⱼ‖₂)`.
    ///
    /// Independent of the units of the regressors, and within `√K` of the best any column
    /// scaling achieves (van der Sluis 1969). Rounding may cost about `log₁₀ κ` significant
    /// digits of the standard errors (and of the coefficients, unless refined; see
    /// ``refinementSteps``). See `LeastSquaresSolution.conditionNumber` for how it is computed;
    /// statsmodels' `condition_number` is the unscaled `κ₂(X)`, which also reflects the units.
    public var conditionNumber: Double { core.accuracy.conditionNumber }

    /// Steps of Björck's iterative refinement applied to the QR coefficients (0 when the plain
    /// QR solution was accurate enough or the design too ill-conditioned for it to converge);
    /// see `LeastSquaresRefinement.automatic`.
    public var refinementSteps: Int { core.accuracy.refinementSteps }

    /// `conditionNumber` with three significant digits in `%g` form (`12.3`, `5.4e+08`): only its
    /// order of magnitude matters. Formatting only, for the summary.
    var conditionNumberText: String { String(format: "%.3g", conditionNumber) }

    /// The warning carried in `warnings` when `conditionNumber > conditionWarningThreshold`, e.g.
    /// "Ill-conditioned design: condition number 5.2e+09 (columns scaled to unit length); about
    /// 9.7 of the 16 significant digits may be lost to rounding: log10(cond) = 9.7. …", followed by
    /// what was refined and what to do.
    var accuracyWarnings: [String] {
        let kappa = conditionNumber
        guard kappa > Self.conditionWarningThreshold else { return [] }
        let digits = log10(kappa)
        let lost = kappa.isFinite ? String(format: "%.1f", digits) : "all"
        let kept = String(format: "%.0f", max(0, 16 - digits))
        var text =
            "Ill-conditioned design: condition number \(String(format: "%.2g", kappa)) (columns scaled to unit "
            + "length); about \(lost) of the 16 significant digits may be lost to rounding: log10(cond) = \(lost). "
        // The standard errors are singled out because the covariance comes from the triangular
        // factor and keeps its κ·u error, while refinement restores the coefficients.
        text +=
            refinementSteps > 0
            ? "Coefficients were iteratively refined (\(refinementSteps) steps); standard errors keep about \(kept) digits. "
            : "Coefficients and standard errors keep about \(kept) digits. "
        text += "Near-collinear regressors: centre or rescale them, use orthogonal polynomials, or drop one."
        return [text]
    }
}
