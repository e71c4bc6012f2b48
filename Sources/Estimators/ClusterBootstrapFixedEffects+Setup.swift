import LinearAlgebra
import ModelSpec

/// The set-up steps of the fast fixed-effects cluster bootstrap: cluster codes, the nesting test,
/// the dummy columns of crossed effects and the per-cluster sufficient statistics.
extension ClusterBootstrapFixedEffects {
    /// Dense codes `0..<G` in order of first appearance, and G.
    static func denseCodes(_ raw: [Int32]) -> (codes: [Int32], count: Int) {
        var table: [Int32: Int32] = [:]
        let codes = raw.map { code -> Int32 in
            if let dense = table[code] { return dense }
            let dense = Int32(table.count)
            table[code] = dense
            return dense
        }
        return (codes, table.count)
    }

    /// Whether every level of `factor` occurs in one cluster only.
    static func isNested(_ factor: FixedEffectFactor, in clusters: [Int32], clusterCount: Int) -> Bool {
        var owner = [Int32](repeating: -1, count: factor.levelCount)
        for (level, cluster) in zip(factor.codes, clusters) {
            let l = Int(level)
            if owner[l] < 0 {
                owner[l] = cluster
            } else if owner[l] != cluster {
                return false
            }
        }
        return true
    }

    /// `x` with one indicator column per level of each crossed factor, the first level left out as
    /// the reference, except for the first factor when `spanConstant` (nothing nested absorbs the
    /// constant and the design has no intercept), which keeps every level so that the dummies span
    /// the constant as the absorbed factor did. Names follow patsy's Treatment coding:
    /// `month[T.2]` for a contrast, `month[1]` for a full set.
    static func withDummies(
        _ x: Matrix, names: [String], crossed: [FixedEffectFactor], spanConstant: Bool
    ) -> (matrix: Matrix, names: [String]) {
        guard !crossed.isEmpty else { return (x, names) }
        let n = x.rows
        var elements = x.elements
        var allNames = names
        for (q, factor) in crossed.enumerated() {
            let full = spanConstant && q == 0 && !names.contains("Intercept")
            let first = full ? 0 : 1
            guard first < factor.levelCount else { continue }
            let base = elements.count
            elements += [Double](repeating: 0, count: n * (factor.levelCount - first))
            for (i, code) in factor.codes.enumerated() where Int(code) >= first {
                elements[base + (Int(code) - first) * n + i] = 1
            }
            for level in first..<factor.levelCount {
                allNames.append(full ? "\(factor.name)[\(factor.levels[level])]" : "\(factor.name)[T.\(factor.levels[level])]")
            }
        }
        return (Matrix(rows: n, columns: allNames.count, columnMajor: elements), allNames)
    }

    /// Per cluster, the packed upper triangle of `X_gᵀW_gX_g` (column-major packing: element
    /// (a, b), a ≤ b, at `a + b(b+1)/2`, as LAPACK's 'U' packed storage) followed by `X_gᵀW_gy_g`,
    /// accumulated in one pass over the rows in row order.
    static func clusterStatistics(
        _ x: Matrix, _ y: [Double], weights: [Double]?, clusters: [Int32], clusterCount: Int
    ) -> [Double] {
        let n = x.rows
        let k = x.columns
        let packed = k * (k + 1) / 2
        let length = packed + k
        var out = [Double](repeating: 0, count: clusterCount * length)
        var row = [Double](repeating: 0, count: k)
        x.elements.withUnsafeBufferPointer { xe in
            out.withUnsafeMutableBufferPointer { s in
                for i in 0..<n {
                    let w = weights?[i] ?? 1
                    for j in 0..<k { row[j] = xe[i + j * n] }
                    let block = Int(clusters[i]) * length
                    for b in 0..<k {
                        let wxb = w * row[b]
                        let column = block + b * (b + 1) / 2
                        for a in 0...b { s[column + a] += row[a] * wxb }
                        s[block + packed + b] += wxb * y[i]
                    }
                }
            }
        }
        return out
    }
}
