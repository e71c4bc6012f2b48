import LinearAlgebra

/// The meat functions of the sandwich, one per family (R `sandwich::meatHC`, `meatCL`).
extension SandwichComponents {
    /// Heteroskedasticity meat `Xᵀ diag(ω) X = Σ ωᵢ xᵢxᵢᵀ` for per-observation weights `ω ≥ 0`
    /// (scale rows by `√ωᵢ`, then `dsyrk`).
    func heteroskedasticMeat(_ omega: [Double]) -> Matrix {
        design.weightedGram(omega)
    }

    /// Cluster meat `Σ_g s_g s_gᵀ` with score sums `s_g = Σ_{i∈g} xᵢ uᵢ` (Liang & Zeger 1986),
    /// without any small-sample factor.
    ///
    /// One pass over each design column accumulates the `G × k` score matrix S; the meat is then
    /// `SᵀS` by `dsyrk`, `O(N k + G k²)` instead of forming per-cluster outer products.
    func clusterMeat(_ cluster: ClusterVariable, multipliers u: [Double]) -> Matrix {
        let n = design.rows
        let k = design.columns
        let g = cluster.count
        precondition(
            cluster.codes.count == n, "Cluster '\(cluster.name)' has \(cluster.codes.count) codes for \(n) rows")
        var scores = [Double](repeating: 0, count: g * k)
        design.elements.withUnsafeBufferPointer { x in
            cluster.codes.withUnsafeBufferPointer { codes in
                u.withUnsafeBufferPointer { u in
                    scores.withUnsafeMutableBufferPointer { s in
                        for j in 0..<k {
                            let xOffset = j * n
                            let sOffset = j * g
                            for i in 0..<n {
                                s[sOffset + Int(codes[i])] += x[xOffset + i] * u[i]
                            }
                        }
                    }
                }
            }
        }
        return Matrix(rows: g, columns: k, columnMajor: scores).gram()
    }

    /// `B M B`, symmetrized so that rounding leaves no asymmetry for later eigen-decompositions.
    func sandwich(meat: Matrix) -> Matrix {
        let v = Matrix.product(bread, Matrix.product(meat, bread))
        return v.symmetrized()
    }
}

extension Matrix {
    /// `(A + Aᵀ)/2` for a square matrix.
    func symmetrized() -> Matrix {
        precondition(rows == columns, "Only a square matrix can be symmetrized")
        var s = self
        for j in 0..<columns {
            for i in 0..<j {
                let m = 0.5 * (self[i, j] + self[j, i])
                s[i, j] = m
                s[j, i] = m
            }
        }
        return s
    }
}
