/// Problems in the isolation step (an estimator's failure keeps its own typed error), each with advice.
public enum IsolationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer than two bootstrap replicates of a method succeeded.
    case bootstrapFailed(method: String, failed: Int, of: Int)
    /// The estimator returned no overall effect (e.g. Sun–Abraham with no post-treatment event time).
    case noOverallEffect(method: String)
    /// Triangulation was asked to compare no methods.
    case noMethods
    /// Triangulated methods estimate different KPIs.
    case mixedKPIs([String])
    /// A block bootstrap of a series of `periods` periods with blocks of `blockLength` would draw fewer
    /// than two blocks.
    case tooFewBlocks(periods: Int, blockLength: Int)

    public var description: String {
        switch self {
        case .bootstrapFailed(let method, let failed, let total):
            return "\(method): \(failed) of \(total) bootstrap replicates failed, too few are left for an interval. "
                + "Check for clusters without treated or untreated rows, or use more clusters."
        case .noOverallEffect(let method):
            return "\(method) gives no overall effect: no post-treatment cell could be estimated. "
                + "Check the treatment timing and the event window."
        case .noMethods:
            return "Triangulation needs at least one isolation method's estimate."
        case .mixedKPIs(let kpis):
            return "Triangulated estimates must be on one KPI, got \(kpis.joined(separator: ", ")). "
                + "Triangulate each KPI separately."
        case .tooFewBlocks(let periods, let blockLength):
            return "A series of \(periods) periods holds fewer than two blocks of \(blockLength) periods, so a block "
                + "bootstrap cannot vary. Use a block length of at most \(periods / 2), or a longer series."
        }
    }
}
