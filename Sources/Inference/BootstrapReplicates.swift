/// The replicates of a bootstrap run: one row of statistics per replicate, with provenance.
///
/// A replicate whose statistic could not be computed (a singular resample, for instance) is kept
/// as a row of `.nan` and counted in `failed`; interval methods skip it and reports say how many.
public struct BootstrapReplicates: Sendable, Equatable {
    /// Number of replicates requested.
    public let replicates: Int
    /// Number of statistics per replicate.
    public let statisticCount: Int
    /// Row-major `replicates × statisticCount` values (`.nan` rows for failed replicates).
    public let values: [Double]
    /// Replicates that failed and are excluded from intervals.
    public let failed: Int
    /// The seed the streams were derived from.
    public let seed: UInt64
    /// A label for the resampling scheme, e.g. "cluster bootstrap (team_id, G = 30)".
    public let scheme: String

    public init(replicates: Int, statisticCount: Int, values: [Double], failed: Int, seed: UInt64, scheme: String) {
        precondition(values.count == replicates * statisticCount, "values must be replicates × statisticCount")
        self.replicates = replicates
        self.statisticCount = statisticCount
        self.values = values
        self.failed = failed
        self.seed = seed
        self.scheme = scheme
    }

    /// The finite-or-infinite (non-NaN) replicate values of statistic `j`, in replicate order.
    public func statistic(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < statisticCount, "statistic index out of range")
        var out: [Double] = []
        out.reserveCapacity(replicates)
        for r in 0..<replicates {
            let v = values[r * statisticCount + j]
            if !v.isNaN { out.append(v) }
        }
        return out
    }

    /// Bootstrap standard error of statistic `j`: the sample standard deviation (divisor B − 1)
    /// of its successful replicates, as R `boot` prints it.
    public func standardError(_ j: Int) -> Double {
        let v = statistic(j).filter(\.isFinite)
        guard v.count > 1 else { return .nan }
        let mean = v.reduce(0, +) / Double(v.count)
        let ss = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (ss / Double(v.count - 1)).squareRoot()
    }
}
