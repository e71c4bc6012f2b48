/// Problems with the data of a nearest-neighbour matching, each with advice.
public enum NearestNeighbourMatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No treated unit found a control within the caliper (`caliperWidth` in distance units).
    case noMatches(treated: Int, caliperWidth: Double?)
    /// Fewer than two matched sets: no standard error can be estimated from the matched sample.
    case tooFewMatchedSets(sets: Int)
    /// An arm has no `neighbours` other units to estimate the conditional variance σ²(X, W) from
    /// (the Abadie–Imbens variance matches within each arm).
    case tooFewForConditionalVariance(arm: String, units: Int, neighbours: Int)

    public var description: String {
        switch self {
        case .noMatches(let treated, let width):
            let caliper = width.map { " within the caliper (width \($0) on the distance scale)" } ?? ""
            return "None of the \(treated) treated units has a control\(caliper), so the matched sample is empty. "
                + "Widen the caliper, or check overlap of the propensity scores between the groups."
        case .tooFewMatchedSets(let sets):
            return "Only \(sets) matched set\(sets == 1 ? "" : "s") formed; the standard error of the matched "
                + "comparison needs at least 2. Widen the caliper or use a larger sample."
        case .tooFewForConditionalVariance(let arm, let units, let neighbours):
            return "The \(arm) arm has \(units) unit\(units == 1 ? "" : "s"), too few to match each one to \(neighbours) "
                + "other\(neighbours == 1 ? "" : "s") of its arm for the Abadie–Imbens conditional variance. "
                + "Use fewer variance matches (J) or a larger sample."
        }
    }
}
