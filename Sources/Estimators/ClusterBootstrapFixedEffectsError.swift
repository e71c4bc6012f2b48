/// Why the fast cluster bootstrap of a fixed-effects regression (`ClusterBootstrapFixedEffects`)
/// cannot be set up, each with advice.
public enum ClusterBootstrapFixedEffectsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An absorbed effect crosses the clusters (some level occurs in two or more clusters) and has
    /// too many levels to enter as dummy columns.
    case effectNotNested(effect: String, levels: Int, cluster: String, limit: Int)
    /// Fewer than two clusters in the rows used: nothing to resample.
    case tooFewClusters(cluster: String, count: Int)

    public var description: String {
        switch self {
        case .effectNotNested(let effect, let levels, let cluster, let limit):
            return "The fixed effect '\(effect)' is not nested in the clusters '\(cluster)' (some of its levels occur "
                + "in several clusters) and has \(levels) levels, more than the \(limit) that can enter the "
                + "sufficient statistics as dummy columns. Demeaning within it would mix rows of different clusters, "
                + "so every resample would need a new projection (an O(N) refit per replicate). Cluster at a level "
                + "that contains '\(effect)', raise maximumDummyLevels (each replicate costs O(G·k²) with k the "
                + "regressors plus dummies), or refit each replicate with LinearRegression.fit."
        case .tooFewClusters(let cluster, let count):
            return "The rows used have \(count) cluster\(count == 1 ? "" : "s") of '\(cluster)'; a cluster bootstrap "
                + "needs at least two (and few clusters, under about 30, call for the wild cluster bootstrap)."
        }
    }
}
