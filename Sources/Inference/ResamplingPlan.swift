/// How a bootstrap replicate resamples the data: which units are drawn, with replacement, and how
/// many times each (Davison & Hinkley 1997, ch. 2–3 and 8).
///
/// Each plan turns a replicate number into frequency weights over its resampling units (rows,
/// clusters or periods): `f_u` = how many times unit u is in the resample, Σ f_u = the sample's
/// size. Draws come from `RandomStream(seed, replicate)`, so a replicate's resample depends only on
/// the seed and its number, never on thread scheduling. Residual-based schemes (wild, multiplier)
/// reweight scores instead of units and live in `WildClusterBootstrap` and the influence-function
/// estimators.
public enum ResamplingPlan: Sendable, Equatable {
    /// Pairs (case) bootstrap: n rows drawn from n (`boot(…, sim = "ordinary")`).
    case pairs(rows: Int)
    /// Cluster bootstrap: G whole clusters drawn from G (Cameron, Gelbach & Miller 2008).
    case cluster(count: Int)
    /// Stratified bootstrap: within each stratum (e.g. trained and untrained groups), as many units
    /// drawn from that stratum as it has, so the group sizes stay fixed (`boot(…, strata =)`).
    /// `strata[u]` is unit u's stratum code.
    case stratified(strata: [Int])
    /// Moving-block bootstrap for a time series of `length` periods: ⌈T/ℓ⌉ blocks of ℓ consecutive
    /// periods with uniformly drawn starts, concatenated and cut to T (Künsch 1989; `tsboot(…,
    /// sim = "fixed")`), which keeps the dependence within blocks.
    case movingBlock(length: Int, blockLength: Int)

    /// Number of resampling units (rows, clusters, stratified units or periods).
    public var unitCount: Int {
        switch self {
        case .pairs(let rows): return rows
        case .cluster(let count): return count
        case .stratified(let strata): return strata.count
        case .movingBlock(let length, _): return length
        }
    }

    /// A label for reports, e.g. "cluster bootstrap (G = 30)".
    public var label: String {
        switch self {
        case .pairs(let rows): return "pairs bootstrap (n = \(rows))"
        case .cluster(let count): return "cluster bootstrap (G = \(count))"
        case .stratified(let strata): return "stratified bootstrap (\(Set(strata).count) strata, n = \(strata.count))"
        case .movingBlock(let length, let block): return "moving-block bootstrap (T = \(length), block length \(block))"
        }
    }

    /// The resampled unit indices of replicate `r`, in draw order (for a moving block, in time
    /// order within each block).
    public func indices(forReplicate r: Int, seed: UInt64) -> [Int] {
        var stream = RandomStream(seed: seed, stream: UInt64(r))
        switch self {
        case .pairs(let n), .cluster(let n):
            return (0..<n).map { _ in stream.nextInt(below: n) }
        case .stratified(let strata):
            var members: [Int: [Int]] = [:]
            for (u, s) in strata.enumerated() { members[s, default: []].append(u) }
            var out: [Int] = []
            out.reserveCapacity(strata.count)
            // Strata in ascending code order, so the draw sequence is fixed.
            for s in members.keys.sorted() {
                let units = members[s]!
                for _ in units.indices { out.append(units[stream.nextInt(below: units.count)]) }
            }
            return out
        case .movingBlock(let length, let blockLength):
            var out: [Int] = []
            out.reserveCapacity(length + blockLength)
            while out.count < length {
                let start = stream.nextInt(below: length - blockLength + 1)
                for t in start..<(start + blockLength) where out.count < length { out.append(t) }
            }
            return out
        }
    }

    /// Frequency weights of replicate `r`: how many times each unit is drawn.
    public func weights(forReplicate r: Int, seed: UInt64) -> [Double] {
        var w = [Double](repeating: 0, count: unitCount)
        for u in indices(forReplicate: r, seed: seed) { w[u] += 1 }
        return w
    }

    /// Checks the plan's own consistency (traps on programmer errors: empty plans, blocks longer
    /// than the series).
    func validate() {
        switch self {
        case .pairs(let n): precondition(n >= 2, "a pairs bootstrap needs at least two rows")
        case .cluster(let g): precondition(g >= 2, "a cluster bootstrap needs at least two clusters")
        case .stratified(let strata): precondition(!strata.isEmpty, "a stratified bootstrap needs units")
        case .movingBlock(let length, let block):
            precondition(block >= 1 && block <= length, "the block length must lie in 1…T")
        }
    }
}
