/// The rows of each cluster of a `ClusterVariable`, grouped by a counting sort.
///
/// Rows of cluster g are `rows[starts[g] ..< starts[g + 1]]`, in increasing row order, so every
/// per-cluster computation visits the same rows in the same order whatever the thread count.
struct ClusterMembership: Sendable {
    /// `G + 1` offsets into `rows`.
    let starts: [Int]
    /// All row indices, grouped by cluster.
    let rows: [Int]

    /// Groups the rows of `cluster` (one pass to count, one to place: `O(N + G)`).
    init(_ cluster: ClusterVariable) {
        var starts = [Int](repeating: 0, count: cluster.count + 1)
        for c in cluster.codes { starts[Int(c) + 1] += 1 }
        for g in 0..<cluster.count { starts[g + 1] += starts[g] }
        var next = starts
        var rows = [Int](repeating: 0, count: cluster.codes.count)
        for (i, c) in cluster.codes.enumerated() {
            rows[next[Int(c)]] = i
            next[Int(c)] += 1
        }
        self.starts = starts
        self.rows = rows
    }

    /// Number of clusters G.
    var count: Int { starts.count - 1 }

    /// The rows of cluster `g`, ascending.
    func rows(of g: Int) -> [Int] { Array(rows[starts[g]..<starts[g + 1]]) }

    /// Number of rows of cluster `g`.
    func size(of g: Int) -> Int { starts[g + 1] - starts[g] }
}
