import Estimators

/// The rows of a 2×2 DiD fit prepared for the cluster bootstrap: per-cluster sufficient statistics
/// over exactly the fit's design (same rows, same kept columns) and its dense cluster codes.
struct BootstrapSample {
    let statistics: ClusterSufficientStatistics
    let clusterCount: Int
    let treatedUnitsObservedPost: Int

    init(did: DiD2x2Result) throws {
        statistics = ClusterSufficientStatistics(
            design: did.design, clusterCodes: did.clusters.codes, columns: did.regression.keptColumns)
        clusterCount = did.clusters.count
        treatedUnitsObservedPost = did.treatedUnitsObservedPost
        // Every cluster drawn once is the original sample: it must give back the fitted effect
        // (normal equations vs the fit's QR agree to far better than 1e-6 on a full-rank design).
        let all = try statistics.coefficients(clusterWeights: [Double](repeating: 1, count: clusterCount))
        let effect = all[statistics.columnNames.firstIndex(of: did.interactionName)!]
        precondition(
            abs(effect - did.effect) <= 1e-6 * max(1, abs(did.effect)),
            "Sufficient statistics give \(effect), the fit \(did.effect)")
    }
}
