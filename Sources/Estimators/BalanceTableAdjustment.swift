/// The adjustment whose weights produce the "after" columns of a ``BalanceTable``.
public enum BalanceAdjustment: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Inverse-probability weights for the target (ATE `D/p̂ + (1 − D)/(1 − p̂)`, ATT `D + (1 − D)p̂/(1 − p̂)`).
    case inverseProbabilityWeighting(ControlGroupEffect)
    /// Matching weights of nearest-neighbour matching on the propensity score (unmatched units weigh 0).
    case nearestNeighbourMatching(NearestNeighbourMatchingSpecification)
    /// Weights supplied by the caller, with a label for summaries.
    case weights(label: String)

    public var description: String {
        switch self {
        case .inverseProbabilityWeighting(let target): return "IPW (\(target))"
        case .nearestNeighbourMatching(let specification): return specification.description
        case .weights(let label): return label
        }
    }
}
