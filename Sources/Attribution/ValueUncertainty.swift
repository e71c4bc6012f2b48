import Distributions
import Inference

/// How uncertain an assumed value (a conversion value per unit) is, as a distribution to sample
/// inside each bootstrap replicate.
///
/// - `uniform(lower:upper:)`: a stated range, every value in it equally likely. Density 1/(b − a).
///   Draw: a + (b − a)·U.
/// - `triangular(lower:mode:upper:)`: a range with a most likely value. Draw by inverting the cdf:
///   with F_c = (c − a)/(b − a), x = a + √(U (b − a)(c − a)) if U < F_c, else b − √((1 − U)(b − a)(b − c))
///   (Kotz & van Dorp 2004, *Beyond Beta*, ch. 1).
/// - `normal(mean:standardDeviation:)`: x = μ + σ Φ⁻¹(U) (inversion keeps one uniform per draw, so
///   a replicate's draws depend only on its stream).
///
/// U is the next uniform of the replicate's own `RandomStream`, so draws are identical on any
/// thread count. Validation happens once, through `validated(item:)`.
public enum ValueUncertainty: Sendable, Equatable, Codable {
    case uniform(lower: Double, upper: Double)
    case triangular(lower: Double, mode: Double, upper: Double)
    case normal(mean: Double, standardDeviation: Double)

    /// The central value used for point figures: the range's midpoint, the mode, or the mean.
    public var central: Double {
        switch self {
        case .uniform(let a, let b): return (a + b) / 2
        case .triangular(_, let c, _): return c
        case .normal(let mu, _): return mu
        }
    }

    /// The smallest value the distribution allows (−∞ for a normal).
    public var lowest: Double {
        switch self {
        case .uniform(let a, _), .triangular(let a, _, _): return a
        case .normal: return -.infinity
        }
    }

    /// Checks the parameters; `item` names the KPI in the error.
    /// - Throws: `AttributionError.invalidUncertainty` when a bound is not finite, the range is
    ///   reversed, the mode lies outside it, or the standard deviation is negative.
    public func validated(item: String) throws -> ValueUncertainty {
        let ok: Bool
        switch self {
        case .uniform(let a, let b): ok = a.isFinite && b.isFinite && a <= b
        case .triangular(let a, let c, let b): ok = a.isFinite && b.isFinite && c.isFinite && a <= c && c <= b
        case .normal(let mu, let sd): ok = mu.isFinite && sd.isFinite && sd >= 0
        }
        guard ok else { throw AttributionError.invalidUncertainty(item: item, detail: "\(self)") }
        return self
    }

    /// One draw from `stream` (one uniform consumed).
    public func sample(using stream: inout RandomStream) -> Double {
        let u = stream.nextUniform()
        switch self {
        case .uniform(let a, let b):
            return a + (b - a) * u
        case .triangular(let a, let c, let b):
            guard b > a else { return a }  // a degenerate range is the single value
            let fc = (c - a) / (b - a)
            return u < fc ? a + ((u * (b - a) * (c - a))).squareRoot() : b - (((1 - u) * (b - a) * (b - c))).squareRoot()
        case .normal(let mu, let sd):
            // nextUniform is in [0, 1); U = 0 would give −∞, so use the open-interval midpoint rule.
            let open = u == 0 ? 0x1.0p-54 : u
            return mu + sd * Normal().quantile(open)
        }
    }
}
