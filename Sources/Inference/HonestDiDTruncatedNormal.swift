import Distributions
import Foundation

/// The quantile of a standard normal truncated to `[lower, upper]`, as the ARP conditional test
/// needs it: `F⁻¹(p) = Φ⁻¹(Φ(l) + p (Φ(u) − Φ(l)))`.
///
/// Computed in the lower tail when the interval lies below 0 and in the upper tail (by survival
/// functions, `S⁻¹(S(l) − p (S(l) − S(u)))`) otherwise, so that intervals far in a tail keep their
/// digits. Beyond ~37 standard deviations both tail areas underflow; there the truncated normal
/// is, to first order, `l` plus an exponential with rate `l` (Mills ratio), whose quantile is used.
/// Matches `HonestDiD:::.norminvp_generalized` (scipy `truncnorm.ppf` in the Python port).
enum HonestDiDTruncatedNormal {
    static func quantile(_ p: Double, lower l: Double, upper u: Double) -> Double {
        if l >= u { return l }
        let normal = Normal()
        if l == -.infinity && u == .infinity { return normal.quantile(p) }
        if l >= 0 {
            let sl = normal.survival(l)
            let su = normal.survival(u)
            let target = sl - p * (sl - su)
            if sl > 0 && target > 0 { return min(max(normal.inverseSurvival(target), l), u) }
            // P(X ≤ l + t | l ≤ X ≤ u) ≈ (1 − e^{−lt}) / (1 − e^{−l(u−l)}), solved for t.
            let t = -log1p(-p * -expm1(-l * (u - l))) / l
            return min(l + t, u)
        }
        if u <= 0 {
            let fl = normal.cdf(l)
            let fu = normal.cdf(u)
            let target = fl + p * (fu - fl)
            if fu > 0 && target > 0 { return min(max(normal.quantile(target), l), u) }
            // The mirror image: P(X ≥ u − t | l ≤ X ≤ u) ≈ (1 − e^{−|u|t}) / (1 − e^{−|u|(u−l)}).
            let t = -log1p(-(1 - p) * -expm1(u * (u - l))) / -u
            return max(u - t, l)
        }
        // The interval straddles 0: both tails are moderate, the cdf form is accurate.
        let fl = normal.cdf(l)
        let fu = normal.cdf(u)
        return min(max(normal.quantile(fl + p * (fu - fl)), l), u)
    }
}
