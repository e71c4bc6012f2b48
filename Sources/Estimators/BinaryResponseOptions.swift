/// Iteration and inference choices of `BinaryResponseModel` that are not part of the formula.
///
/// The defaults reproduce statsmodels `Logit`/`Probit` (Newton–Raphson, observed information)
/// with R `glm`'s convergence rule at a tighter tolerance; `information = .expected` reproduces
/// R `glm(family = binomial(link = "probit"))` (Fisher scoring) exactly, iteration count included.
public struct BinaryResponseOptions: Sendable, Equatable {
    /// Which information matrix drives the IRLS weights and forms the bread of every covariance.
    public enum Information: String, Sendable, Equatable, Hashable, CustomStringConvertible {
        /// `−∂²ℓ/∂b∂bᵀ` at the estimate: IRLS is then Newton–Raphson (quadratic convergence for
        /// both links), as statsmodels `Probit` and Stata `probit` use.
        case observed
        /// `E[−∂²ℓ/∂b∂bᵀ] = XᵀWX` with `Wᵢ = fᵢ²/(Fᵢ(1 − Fᵢ))`: IRLS is Fisher scoring, as R `glm`
        /// uses. For probit it converges linearly, so the deviance rule stops with a gradient near
        /// `√tolerance` (coefficients good to ~1e-6 relative at 1e-10, as R's): use a tolerance of
        /// 1e-15 for ~1e-9.
        case expected

        /// `observed information` or `expected information`.
        public var description: String { "\(rawValue) information" }
    }

    /// Maximum IRLS iterations (R `glm.control(maxit = 25)`).
    public var maxIterations: Int
    /// Convergence when `|D − D_old| / (|D| + 0.1) < tolerance`, D the deviance `−2ℓ`: R
    /// `glm.control`'s rule, at 1e-10 instead of R's 1e-8 so that Newton iterates are exact to
    /// rounding (quadratic convergence overshoots the rule by many digits).
    public var tolerance: Double
    /// Observed (default; identical to expected for logit) or expected information.
    public var information: Information
    /// Run the per-regressor separation check before fitting (recommended; see
    /// `BinaryResponseSeparation`). Divergence is still detected after the fit when this is off.
    public var checksSeparation: Bool
    /// Return a fit that did not converge (with `converged == false` and a warning) instead of
    /// throwing `BinaryResponseError.notConverged`.
    public var allowsNonConvergence: Bool
    /// Coefficients to start IRLS from, one per design column (R `glm(start =)`; entries of columns
    /// dropped as collinear are ignored), e.g. the full-sample estimate for bootstrap replicates.
    /// Costs one extra QR, for the rank decision on the unweighted design.
    /// `nil` starts from R's probabilities `(p y + ½)/(p + 1)`.
    public var startingValues: [Double]?

    /// R-compatible iteration limits, tolerance 1e-10, observed information, separation check on,
    /// non-convergence an error, R's start values.
    public init(
        maxIterations: Int = 25, tolerance: Double = 1e-10, information: Information = .observed,
        checksSeparation: Bool = true, allowsNonConvergence: Bool = false, startingValues: [Double]? = nil
    ) {
        precondition(maxIterations >= 1, "maxIterations must be at least 1")
        precondition(tolerance > 0 && tolerance < 1, "tolerance must lie in (0, 1)")
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.information = information
        self.checksSeparation = checksSeparation
        self.allowsNonConvergence = allowsNonConvergence
        self.startingValues = startingValues
    }
}
