/// Problems with the data of a nearest-neighbour matching, each with advice.
public enum NearestNeighbourMatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No treated unit found a control within the caliper (`caliperWidth` in distance units).
    case noMatches(treated: Int, caliperWidth: Double?)
    /// Fewer than two matched sets: no standard error can be estimated from the matched sample.
    case tooFewMatchedSets(sets: Int)

    public var description: String {
        switch self {
        case .noMatches(let treated, let width):
            let caliper = width.map { " within the caliper (width \($0) on the distance scale)" } ?? ""
            return "None of the \(treated) treated units has a control\(caliper), so the matched sample is empty. "
                + "Widen the caliper, or check overlap of the propensity scores between the groups."
        case .tooFewMatchedSets(let sets):
            return "Only \(sets) matched set\(sets == 1 ? "" : "s") formed; the standard error of the matched "
                + "comparison needs at least 2. Widen the caliper or use a larger sample."
        }
    }
}
