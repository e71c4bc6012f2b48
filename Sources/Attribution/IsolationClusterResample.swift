import DataFrameModule
import Estimators
import Inference

/// The pairs cluster bootstrap by refitting: the resampled long frame of one replicate, for the
/// estimators that have no resampling shortcut (Sun–Abraham, imputation).
///
/// Cluster g drawn f_g times appears f_g times, and every copy is a new cluster with new unit ids
/// (a duplicated team's employees are distinct employees in the resample), as the refit of a
/// cluster bootstrap requires (Cameron, Gelbach & Miller 2008, §3.1; the same renumbering
/// `ClusterBootstrapFixedEffects` reproduces). Clusters are numbered in sorted order of their
/// text values, so replicate r's frame depends only on the seed and r.
struct IsolationClusterResample: Sendable {
    /// The original frame.
    let data: DataFrame
    /// Unit and cluster column names (they may be the same column).
    let unit: String
    let cluster: String
    /// Rows of each cluster, in row order; clusters in sorted order of their values.
    let rowsOfCluster: [[Int]]
    /// Dense unit code of every row.
    let unitCode: [Int]
    /// Number of distinct units.
    let unitCount: Int

    /// Indexes the clusters and units of `data`; rows with a missing unit or cluster are left out
    /// (the estimators drop them too).
    init(data: DataFrame, unit: String, cluster: String) throws {
        let unitColumn = try data.column(named: unit)
        let clusterColumn = try data.column(named: cluster)
        let rows = (0..<data.rowCount).filter { !unitColumn.isMissing($0) && !clusterColumn.isMissing($0) }
        let clusterText = rows.map { clusterColumn.text(at: $0) }
        let clusterLevels = Array(Set(clusterText)).sorted()
        let clusterIndex = Dictionary(uniqueKeysWithValues: clusterLevels.enumerated().map { ($1, $0) })
        var members = [[Int]](repeating: [], count: clusterLevels.count)
        for (k, row) in rows.enumerated() { members[clusterIndex[clusterText[k]]!].append(row) }
        var units: [String: Int] = [:]
        var codes = [Int](repeating: -1, count: data.rowCount)
        for row in rows {
            let text = unitColumn.text(at: row)
            if let code = units[text] {
                codes[row] = code
            } else {
                codes[row] = units.count
                units[text] = units.count
            }
        }
        self.data = data
        self.unit = unit
        self.cluster = cluster
        self.rowsOfCluster = members
        self.unitCode = codes
        self.unitCount = units.count
    }

    /// Number of clusters G.
    var clusterCount: Int { rowsOfCluster.count }

    /// The resampled frame for cluster frequencies `f` (one per cluster, whole numbers): the unit
    /// and cluster columns become integer ids of the copies.
    func frame(frequencies f: [Double]) throws -> DataFrame {
        precondition(f.count == clusterCount, "one frequency per cluster")
        var rows: [Int] = []
        var newUnit: [Int] = []
        var newCluster: [Int] = []
        var copy = 0
        for g in 0..<clusterCount {
            for _ in 0..<Int(f[g].rounded()) {
                for row in rowsOfCluster[g] {
                    rows.append(row)
                    newUnit.append(copy * unitCount + unitCode[row])
                    newCluster.append(copy)
                }
                copy += 1
            }
        }
        let complete = [Bool](repeating: false, count: rows.count)
        var frame = try data.taking(rows: rows).replacing(Column(name: unit, values: .integer(newUnit, missing: complete)))
        if cluster != unit {
            frame = try frame.replacing(Column(name: cluster, values: .integer(newCluster, missing: complete)))
        }
        return frame
    }

    /// Replicates of `statistic` on the resampled frames; a replicate whose refit throws fails and
    /// is counted.
    func run(
        _ bootstrap: IsolationBootstrap, statistic: @Sendable @escaping (DataFrame) throws -> Double
    ) -> BootstrapReplicates {
        let resample = self
        let result = Bootstrap.run(
            plan: .cluster(count: clusterCount), replicates: bootstrap.replicates, seed: bootstrap.seed,
            threads: bootstrap.threads
        ) { weights in
            [try statistic(try resample.frame(frequencies: weights))]
        }
        return BootstrapReplicates(
            replicates: result.replicates, statisticCount: 1, values: result.values, failed: result.failed,
            seed: bootstrap.seed, scheme: "cluster bootstrap by refit (\(cluster), G = \(clusterCount))")
    }
}
