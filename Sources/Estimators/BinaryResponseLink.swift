import Distributions
import Foundation

/// The link of a binary-response model `P(y = 1 | x) = F(xᵀb)`: logit or probit.
///
/// Every quantity the fit needs is a function of the linear predictor `η = xᵀb` for one
/// observation, computed so that tails keep full relative precision (`1 − F(η)` is evaluated as
/// `F(−η)`, logs through `log1p`): a row fitted with probability `1 − 1e-12` still has an exact
/// weight and score. Formulas follow McCullagh & Nelder (1989, §4.3–4.5) and statsmodels
/// `Logit`/`Probit` (`loglike`, `score_obs`, `hessian`).
public enum BinaryResponseLink: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    /// `F(η) = 1/(1 + e^{−η})`, the canonical link: expected and observed information coincide.
    case logit
    /// `F(η) = Φ(η)`, the standard normal cdf.
    case probit

    /// `Logit` or `Probit`.
    public var description: String { self == .logit ? "Logit" : "Probit" }

    /// `F(η)`, the probability that y = 1.
    public func probability(_ eta: Double) -> Double {
        switch self {
        case .logit: return 1 / (1 + exp(-eta))
        case .probit: return Self.normal.cdf(eta)
        }
    }

    /// `F⁻¹(μ)`, the linear predictor of a probability (used for IRLS start values).
    func linearPredictor(_ mu: Double) -> Double {
        switch self {
        case .logit: return log(mu / (1 - mu))
        case .probit: return Self.normal.quantile(mu)
        }
    }

    /// `log F(η)` if `y = 1`, `log(1 − F(η))` if `y = 0`: the log-likelihood of one observation.
    ///
    /// Logit: `−log(1 + e^{∓η})` by a stable softplus. Probit: `log Φ(±η)`, by `log1p` of the
    /// small tail above zero and by Laplace's continued fraction for Mills' ratio below −37, where
    /// `Φ` underflows (`log Φ(t) = log φ(t) + log R(−t)`).
    func logLikelihood(_ eta: Double, y: Double) -> Double {
        let t = y == 1 ? eta : -eta
        switch self {
        case .logit:
            return -Self.softplus(-t)
        case .probit:
            if t > 0 { return log1p(-Self.normal.cdf(-t)) }
            if t > -37 { return log(Self.normal.cdf(t)) }
            return -0.5 * t * t - 0.918_938_533_204_672_741_78 + log(Self.millsRatio(-t))
        }
    }

    /// The derivatives of the log-likelihood of one observation with respect to η:
    /// `score = ∂ℓ/∂η`, the observed weight `−∂²ℓ/∂η²` and the expected (Fisher) weight
    /// `f²/(F(1 − F))`, with `f = F′`.
    ///
    /// Logit: `score = y − F`, both weights `F(1 − F)`. Probit with `q = 2y − 1` and
    /// `λ = q φ(qη)/Φ(qη)`: `score = λ`, observed weight `λ(λ + η)` (statsmodels `Probit.hessian`;
    /// positive because `log Φ` is concave), expected weight `φ²/(Φ(η)Φ(−η))`.
    func derivatives(_ eta: Double, y: Double) -> (score: Double, observed: Double, expected: Double) {
        switch self {
        case .logit:
            let mu = 1 / (1 + exp(-eta))
            let complement = 1 / (1 + exp(eta))
            // F(1 − F) from both tails so that it does not round to 0 near F = 1.
            let w = max(mu * complement, Double.leastNormalMagnitude)
            return (y == 1 ? complement : -mu, w, w)
        case .probit:
            let q = y == 1 ? 1.0 : -1.0
            let t = q * eta
            let ratio = t > -37 ? Self.normal.density(t) / Self.normal.cdf(t) : 1 / Self.millsRatio(-t)
            let lambda = q * ratio
            let observed = max(lambda * (lambda + eta), Double.leastNormalMagnitude)
            let density = Self.normal.density(eta)
            let tails = Self.normal.cdf(eta) * Self.normal.cdf(-eta)
            let expected = tails > 0 ? max(density * density / tails, Double.leastNormalMagnitude) : observed
            return (lambda, observed, expected)
        }
    }

    private static let normal = Normal()

    /// `log(1 + eˣ)` without overflow or cancellation.
    static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }

    /// Mills' ratio `R(s) = (1 − Φ(s))/φ(s)` for `s ≥ 37` by Laplace's continued fraction
    /// `1/(s + 1/(s + 2/(s + 3/(s + …))))` (Abramowitz & Stegun 26.2.14), evaluated bottom-up;
    /// 12 terms are exact to rounding at s ≥ 37.
    static func millsRatio(_ s: Double) -> Double {
        var tail = s
        for n in stride(from: 12.0, through: 1, by: -1) { tail = s + n / tail }
        return 1 / tail
    }
}
