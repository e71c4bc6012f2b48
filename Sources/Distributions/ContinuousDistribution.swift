/// A univariate continuous distribution on the real line: distribution function, survival
/// function and their inverses.
///
/// The contract every conforming type follows (and the reference tests check, see
/// `datasets/reference/distributions.json`, relative tolerance 1e-12):
/// - `cdf(x) = P(X ≤ x)` and `survival(x) = P(X > x)` are each computed directly, so the one
///   that is small keeps full relative precision (`survival` is never `1 - cdf`).
/// - `quantile(p)` solves `cdf(x) = p`; `inverseSurvival(q)` solves `survival(x) = q` and keeps
///   full relative precision for tiny `q` (use it for upper-tail critical values instead of
///   `quantile(1 - q)`, which loses `q` to rounding). `p, q ∈ [0, 1]`; 0 and 1 map to the ends
///   of the support.
/// - A probability outside `[0, 1]` is a programmer error and traps; `NaN` in gives `NaN` out.
public protocol ContinuousDistribution: Sendable {
    /// Distribution function `F(x) = P(X ≤ x)`.
    func cdf(_ x: Double) -> Double
    /// Survival function `S(x) = P(X > x) = 1 − F(x)`, computed directly (accurate in the upper tail).
    func survival(_ x: Double) -> Double
    /// Quantile function `F⁻¹(p)`: the `x` with `F(x) = p`, for `p ∈ [0, 1]`.
    func quantile(_ p: Double) -> Double
    /// Inverse survival function `S⁻¹(q)`: the `x` with `S(x) = q`, for `q ∈ [0, 1]`, accurate for tiny `q`.
    func inverseSurvival(_ q: Double) -> Double
}

/// Shared argument checks, so every distribution reports the same message.
enum ProbabilityArgument {
    /// Traps unless `p` is `NaN` or lies in `[0, 1]` (`NaN` is let through: NaN in, NaN out).
    static func check(_ p: Double, _ name: StaticString, _ function: StaticString) {
        precondition(p.isNaN || (p >= 0 && p <= 1), "\(function): \(name) must lie in [0, 1], got \(p)")
    }
}
