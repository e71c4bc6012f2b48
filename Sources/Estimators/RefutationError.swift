/// Problems that stop a refutation check, each with advice.
public enum RefutationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No cohort has enough pre-treatment periods (and comparison units) for a placebo date k periods earlier.
    case noPlaceboCohort(shift: Int)
    /// Leave-one-cohort-out needs at least two treated cohorts.
    case tooFewCohorts(count: Int)
    /// Cluster-level randomization was asked for a panel without a cluster variable.
    case noClusterVariable
    /// Cluster-level randomization needs one cohort per cluster.
    case cohortVariesWithinCluster(cluster: Int)
    /// The panel has no pre-treatment group-time effect with a standard error to test.
    case noPreTreatmentEffects
    /// The covariance of the pre-treatment effects is singular (more effects than clusters, or
    /// collinear effects), so the joint Wald statistic is undefined.
    case singularPreTrendCovariance(effects: Int, clusters: Int)
    /// Every permutation failed to estimate.
    case allPermutationsFailed(permutations: Int)

    public var description: String {
        switch self {
        case .noPlaceboCohort(let shift):
            return "No cohort has at least \(shift + 1) untreated periods and untreated comparison units, so no "
                + "placebo date \(shift) period(s) earlier can be tested. Use a smaller shift."
        case .tooFewCohorts(let count):
            return "Leave-one-cohort-out needs at least two treated cohorts; the panel has \(count)."
        case .noClusterVariable:
            return "Randomization by cluster needs a panel with a cluster variable (team, site). Build the panel "
                + "with `cluster:`, or permute across units."
        case .cohortVariesWithinCluster(let cluster):
            return "Cluster \(cluster) (0-based code) holds units of different cohorts, so treatment was not "
                + "assigned by cluster. Permute across units instead."
        case .noPreTreatmentEffects:
            return "There is no pre-treatment group-time effect with a standard error: every cohort starts in "
                + "the second period or the panel has too few periods. The pre-trend test needs earlier periods."
        case .singularPreTrendCovariance(let effects, let clusters):
            return "The covariance of the \(effects) pre-treatment effects is singular (\(clusters) clusters), "
                + "so their joint Wald test is undefined. Use a universal base period or more clusters."
        case .allPermutationsFailed(let permutations):
            return "All \(permutations) permutations failed to estimate. Check that the estimator runs on the "
                + "panel with its cohorts reshuffled."
        }
    }
}
