import LinearAlgebra
import ModelSpec

/// Per-cluster sufficient statistics of a linear model, `X_gᵀW_gX_g` and `X_gᵀW_gy_g`, so that a
/// cluster-bootstrap replicate costs `O(G·k²)` instead of `O(N·k²)`.
///
/// A replicate that draws cluster g `w_g` times (pairs cluster bootstrap; any non-negative
/// weights for Bayesian or weighted variants) has coefficients solving
/// `(Σ_g w_g X_gᵀW_gX_g) b = Σ_g w_g X_gᵀW_gy_g` (Cameron, Gelbach & Miller 2008, §3; the
/// "sufficient statistics" shortcut of Roodman, MacKinnon, Nielsen & Webb 2019, §5).
public struct ClusterSufficientStatistics: Sendable {
    /// Number of clusters G.
    public let clusterCount: Int
    /// Number of coefficients k (selected columns).
    public let parameterCount: Int
    /// Names of the selected design columns.
    public let columnNames: [String]
    /// `G` blocks of `k × k` (column-major, both triangles), cluster-major.
    let crossProducts: [Double]
    /// `G` blocks of k, cluster-major.
    let crossMoments: [Double]

    /// Accumulates the statistics in one pass over the rows.
    ///
    /// - Parameters:
    ///   - clusterCodes: a dense code `0..<G` per design row (programmer error otherwise).
    ///   - columns: the design columns to use, default all; pass a fit's `keptColumns` when the
    ///     design has collinear columns (otherwise every replicate is singular).
    public init(design: DesignMatrix, clusterCodes: [Int32], columns: [Int]? = nil) {
        let n = design.y.count
        // The statistics are those of the raw columns; absorbed fixed effects would be ignored.
        precondition(design.absorbed.isEmpty, "Cluster sufficient statistics need a design without absorbed effects")
        precondition(clusterCodes.count == n, "One cluster code per design row is required")
        let selected = columns ?? Array(0..<design.x.columns)
        let k = selected.count
        let g = Int(clusterCodes.max() ?? -1) + 1
        precondition(clusterCodes.allSatisfy { $0 >= 0 }, "Cluster codes must be dense non-negative codes")
        var xx = [Double](repeating: 0, count: g * k * k)
        var xy = [Double](repeating: 0, count: g * k)
        var row = [Double](repeating: 0, count: k)
        let x = design.x
        let weights = design.weights
        x.elements.withUnsafeBufferPointer { xe in
            for i in 0..<n {
                let w = weights?[i] ?? 1
                for (a, j) in selected.enumerated() { row[a] = xe[i + j * n] }
                let c = Int(clusterCodes[i])
                let blockXX = c * k * k
                let blockXY = c * k
                // Upper triangle only; mirrored below.
                for b in 0..<k {
                    let wxb = w * row[b]
                    xy[blockXY + b] += wxb * design.y[i]
                    for a in 0...b { xx[blockXX + a + b * k] += row[a] * wxb }
                }
            }
        }
        for c in 0..<g {
            let block = c * k * k
            for b in 0..<k { for a in 0..<b { xx[block + b + a * k] = xx[block + a + b * k] } }
        }
        self.clusterCount = g
        self.parameterCount = k
        self.columnNames = selected.map { design.columnNames[$0] }
        self.crossProducts = xx
        self.crossMoments = xy
    }

    /// `X_gᵀW_gX_g` of cluster g.
    public func crossProduct(cluster g: Int) -> Matrix {
        let k = parameterCount
        return Matrix(rows: k, columns: k, columnMajor: Array(crossProducts[(g * k * k)..<((g + 1) * k * k)]))
    }

    /// `X_gᵀW_gy_g` of cluster g.
    public func crossMoment(cluster g: Int) -> [Double] {
        Array(crossMoments[(g * parameterCount)..<((g + 1) * parameterCount)])
    }

    /// Coefficients of the replicate with cluster weights `w_g` (e.g. how often cluster g was drawn).
    ///
    /// Solves `(Σ w_g X_gᵀX_g) b = Σ w_g X_gᵀy_g` by Cholesky.
    /// - Throws: `EstimationError.singularReplicate` if the weighted cross-product is not positive
    ///   definite or is numerically singular (reciprocal condition estimate of its Cholesky factor's
    ///   diagonal below 1e-7, the rank tolerance of the fit), so the caller can count the replicate.
    public func coefficients(clusterWeights: [Double]) throws -> [Double] {
        precondition(clusterWeights.count == clusterCount, "One weight per cluster is required")
        precondition(clusterWeights.allSatisfy { $0 >= 0 }, "Cluster weights must be non-negative")
        let k = parameterCount
        var a = [Double](repeating: 0, count: k * k)
        var c = [Double](repeating: 0, count: k)
        crossProducts.withUnsafeBufferPointer { xx in
            crossMoments.withUnsafeBufferPointer { xy in
                for g in 0..<clusterCount {
                    let w = clusterWeights[g]
                    if w == 0 { continue }
                    let block = g * k * k
                    for e in 0..<(k * k) { a[e] += w * xx[block + e] }
                    for e in 0..<k { c[e] += w * xy[g * k + e] }
                }
            }
        }
        let factor: Cholesky
        do {
            factor = try Cholesky(Matrix(rows: k, columns: k, columnMajor: a))
        } catch {
            throw EstimationError.singularReplicate(parameters: k)
        }
        // The Cholesky diagonal is |R_jj| of an unpivoted QR of the stacked weighted design; a pivot
        // below 1e-7 of the largest marks numerical rank deficiency (the tolerance of R's lm).
        let diagonal = (0..<k).map { abs(factor.upper[$0, $0]) }
        if let largest = diagonal.max(), diagonal.contains(where: { $0 <= 1e-7 * largest }) {
            throw EstimationError.singularReplicate(parameters: k)
        }
        return factor.solve(c)
    }
}
