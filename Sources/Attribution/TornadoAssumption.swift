import Inference

/// One assumption of the ROI chain with the range over which a tornado varies it, the others held
/// at their central values.
///
/// The central values are those of the `BenefitStream`, `CostLedger` and effect passed to
/// `TornadoAnalysis`; each case states its range in the units of that setting.
public enum TornadoAssumption: Sendable, Equatable, Codable {
    /// Money per unit of outcome (the central value is the conversion's `valuePerUnit`).
    case valuePerUnit(low: Double, high: Double)
    /// Share of the stream's benefiting population that benefits (the central value is 1, the
    /// stream's population; 0.8 means 80 % of it).
    case populationShare(low: Double, high: Double)
    /// Months of benefit counted.
    case horizonMonths(low: Double, high: Double)
    /// Annual decay rate of a constant effect, in [0, 1).
    case decayRate(low: Double, high: Double)
    /// Annual discount rate, in [0, 1): it moves the present value (NPV), not the undiscounted ROI.
    case discountRate(low: Double, high: Double)
    /// The amount in money of one ledger item, by name (replaced by a fixed sum at each end).
    case costItem(name: String, low: Double, high: Double)
    /// The effect at its interval ends: the summary effect (a constant's value, or an event-time
    /// path's mean over the horizon); an event-time path is shifted by the same amount every month.
    case effect(low: Double, high: Double)

    /// The label shown on the tornado's bar.
    public var name: String {
        switch self {
        case .valuePerUnit: return "value per unit"
        case .populationShare: return "share of population benefiting"
        case .horizonMonths: return "horizon (months)"
        case .decayRate: return "annual decay rate"
        case .discountRate: return "annual discount rate"
        case .costItem(let name, _, _): return "cost: \(name)"
        case .effect: return "effect"
        }
    }

    /// The low and high ends of the range.
    public var range: (low: Double, high: Double) {
        switch self {
        case .valuePerUnit(let l, let h), .populationShare(let l, let h), .horizonMonths(let l, let h),
            .decayRate(let l, let h), .discountRate(let l, let h), .costItem(_, let l, let h), .effect(let l, let h):
            return (l, h)
        }
    }

    /// The effect at the ends of its bootstrap interval (e.g. `ROIChainResult.effect.interval`).
    public static func effect(interval: BootstrapConfidenceInterval) -> TornadoAssumption {
        .effect(low: interval.lower, high: interval.upper)
    }

    /// The value per unit over the range its uncertainty states: a uniform or triangular range's
    /// ends, a normal's mean ± `normalWidth` standard deviations; nil when the value is taken as known.
    public static func valuePerUnit(of conversion: MonetaryConversion, normalWidth: Double = 1.96) -> TornadoAssumption? {
        precondition(normalWidth.isFinite && normalWidth >= 0, "the width must be finite and ≥ 0")
        switch conversion.uncertainty {
        case nil: return nil
        case .uniform(let a, let b), .triangular(let a, _, let b): return .valuePerUnit(low: a, high: b)
        case .normal(let mu, let sd): return .valuePerUnit(low: mu - normalWidth * sd, high: mu + normalWidth * sd)
        }
    }

    /// One `costItem` range per ledger item: its amount × (1 ∓ `fraction`), e.g. ±20 % for 0.2.
    public static func costItems(of ledger: CostLedger, plusMinus fraction: Double) -> [TornadoAssumption] {
        precondition(fraction.isFinite && fraction >= 0 && fraction <= 1, "the fraction must be in [0, 1]")
        return ledger.items.map { .costItem(name: $0.name, low: $0.total * (1 - fraction), high: $0.total * (1 + fraction)) }
    }
}
