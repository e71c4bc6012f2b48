/// The isolated effect per unit per month, as a constant or as a path over months since training.
///
/// `.constant(e)` is a static estimate (a 2×2 DiD, a matched comparison): e in every month.
/// `.eventTime([e₁, e₂, …])` is a dynamic estimate (event study, Callaway–Sant'Anna dynamic
/// aggregation): eₖ is the effect k months after training, k = 1, 2, …; the data support the
/// path's length and no more.
public enum EffectPath: Sendable, Equatable, Codable {
    case constant(Double)
    case eventTime([Double])

    /// The estimated effect k months after training (1-based), nil beyond an event-time path.
    public func effect(month k: Int) -> Double? {
        precondition(k >= 1, "months since training start at 1")
        switch self {
        case .constant(let e): return e
        case .eventTime(let path): return k <= path.count ? path[k - 1] : nil
        }
    }

    /// Months after training the path itself estimates; nil for a constant.
    public var estimatedMonths: Int? {
        if case .eventTime(let path) = self { return path.count }
        return nil
    }

    /// True when every value is finite (a failed bootstrap replicate is not).
    public var isFinite: Bool {
        switch self {
        case .constant(let e): return e.isFinite
        case .eventTime(let path): return !path.isEmpty && path.allSatisfy(\.isFinite)
        }
    }
}

/// What to do in months of the horizon the data do not estimate (issue 5, bad input: a horizon
/// longer than the data support is an error or an explicit, reported choice).
public enum ExtrapolationChoice: String, Sendable, Equatable, Codable, CaseIterable {
    /// Refuse: `AttributionError.horizonBeyondData`.
    case refuse
    /// Count no benefit in unestimated months (guiding principle 6: no data, no improvement; the
    /// conservative choice, principle 4).
    case assumeNoEffect
    /// Carry the last estimated effect forward, decayed at the stream's decay rate.
    case carryLastEffectForward
}
