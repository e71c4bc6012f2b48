import LinearAlgebra

/// One cluster's share of a CR2 or CR3 covariance, in the coordinates of a thin QR of the cluster's
/// rows, so that nothing of size `n_g × n_g` is ever formed.
///
/// Both estimators multiply the cluster's residuals by an `n_g × n_g` matrix `A_g` built from the
/// cluster block of the hat matrix (Bell & McCaffrey 2002). Every such block is a low-rank update
/// of the identity, `I + Y C Yᵀ`, with `Y` the cluster's rows of at most `2K` columns. With the thin
/// QR `Y = Q R` (Q `n_g × r`, r ≤ min(n_g, 2K)) the update lives in span(Q):
/// `I + Y C Yᵀ = (I − QQᵀ) + Q (I_r + R C Rᵀ) Qᵀ`, so any matrix function of it is the identity off
/// span(Q) and the same function of the small `r × r` matrix `I_r + R C Rᵀ` on it. The adjusted score
/// `X_gᵀ W_g A_g e_g` then needs only R, the small function T and `Qᵀe_g`. Cost `O(n_g K²)` per
/// cluster instead of `O(n_g³)`.
struct ResidualAdjustmentBlock {
    /// Rows of R belonging to the design columns X_g (or `√W_g X_g` for CR3), `r × K`, original
    /// column order.
    let rx: Matrix
    /// Rows of R belonging to `W_g X_g` (CR2 with weights); equal to `rx` otherwise.
    let rw: Matrix
    /// The adjustment restricted to span(Q), `r × r`: `(I_r + K)^{+1/2}`-type for CR2,
    /// `(I_r + K)⁻¹` for CR3.
    let adjustment: Matrix
    /// `Qᵀ e_g` (or `Qᵀ √W_g e_g` for CR3), length r.
    let projectedResiduals: [Double]
    /// Whether `I − H_gg` (CR3) or `B_g` (CR2) has an eigenvalue at or below the tolerance.
    let isSingular: Bool

    /// Eigenvalues of the CR2 block `B_g` at or below this are treated as zero, i.e. `B_g^{−1/2}` is
    /// the pseudo-inverse square root: clubSandwich's `matrix_power(x, p, tol = -12)` uses the
    /// absolute cut `values > 10^-12`.
    static let pseudoInverseTolerance = 1e-12
    /// Eigenvalues of `I − H_gg` below this make CR3 undefined; the same cut as the leverage-one
    /// check of HC2/HC3 (`hᵢᵢ > 1 − 1e-10`).
    static let singularTolerance = 1e-10

    /// The adjusted score `X_gᵀ W_g A_g e_g = R_wᵀ T Qᵀe_g` (length K): the columns of X_gᵀW_g lie in
    /// span(Q), where `A_g` acts as T.
    var score: [Double] {
        rw.times(adjustment.times(projectedResiduals), transpose: true)
    }

    /// The CR2 block of `rows` with working model Φ = I (clubSandwich's default target for `lm`).
    ///
    /// `B_g = I − H_gg − H_ggᵀ + X_g M S M X_gᵀ` with `M = (XᵀWX)⁻¹`, `H_gg = X_g M X_gᵀ W_g` and
    /// `S = XᵀW²X` (clubSandwich `CR2()`, `inverse_var = FALSE`, `Theta = I`). Without weights this
    /// is `I − H_gg` and `Y = X_g`, `C = −M`; with weights `Y = [X_g, W_g X_g]` and
    /// `C = [[MSM, −M], [−M, 0]]`. `A_g = B_g^{+,−1/2}` (pseudo-inverse square root).
    ///
    /// - Parameter msm: `M S M`, required with weights.
    static func cr2(rows: [Int], components c: SandwichComponents, msm: Matrix?) throws -> ResidualAdjustmentBlock {
        let x = c.design.selectingRows(rows)
        let e = rows.map { c.residuals[$0] }
        let k = x.columns
        let (rx, rw, qe): (Matrix, Matrix, [Double])
        let small: Matrix
        if let w = c.weights {
            let msm = msm!
            var y = Matrix(rows: x.rows, columns: 2 * k)
            for j in 0..<k {
                for (t, i) in rows.enumerated() {
                    y[t, j] = x[t, j]
                    y[t, k + j] = w[i] * x[t, j]
                }
            }
            let (r, projected) = try thinFactor(y, e)
            rx = r.selectingColumns(Array(0..<k))
            rw = r.selectingColumns(Array(k..<(2 * k)))
            qe = projected
            // K = R_x MSM R_xᵀ − R_x M R_wᵀ − R_w M R_xᵀ.
            let rxM = Matrix.product(rx, c.bread)
            let cross = Matrix.product(rxM, rw, transposeB: true)
            small = Matrix.product(Matrix.product(rx, msm), rx, transposeB: true) - cross - cross.transposed
        } else {
            let (r, projected) = try thinFactor(x, e)
            rx = r
            rw = r
            qe = projected
            // K = −R_x M R_xᵀ: B_g = I − H_gg.
            small = -Matrix.product(Matrix.product(rx, c.bread), rx, transposeB: true)
        }
        let (adjustment, singular) = try symmetricFunction(ofIdentityPlus: small) { mu in
            // Pseudo-inverse square root, as clubSandwich's matrix_power(B_g, -1/2).
            mu > pseudoInverseTolerance ? 1 / mu.squareRoot() : 0
        }
        return ResidualAdjustmentBlock(
            rx: rx, rw: rw, adjustment: adjustment, projectedResiduals: qe, isSingular: singular)
    }

    /// The CR3 block of `rows`: `A_g = (I − H_gg)⁻¹`.
    ///
    /// With weights, `X_gᵀW_g (I − X_g M X_gᵀ W_g)⁻¹ e_g = X̃_gᵀ (I − H̃_gg)⁻¹ ẽ_g` for the whitened
    /// `X̃ = √W X`, `ẽ = √W e`, `H̃_gg = X̃_g M X̃_gᵀ` (push `W^{1/2}` through the inverse), so one
    /// symmetric formula serves OLS and WLS: `Y = X̃_g`, `C = −M`.
    static func cr3(rows: [Int], components c: SandwichComponents) throws -> ResidualAdjustmentBlock {
        var x = c.design.selectingRows(rows)
        var e = rows.map { c.residuals[$0] }
        if let w = c.weights {
            let root = rows.map { w[$0].squareRoot() }
            for j in 0..<x.columns { for t in rows.indices { x[t, j] *= root[t] } }
            for t in rows.indices { e[t] *= root[t] }
        }
        let (r, qe) = try thinFactor(x, e)
        let small = -Matrix.product(Matrix.product(r, c.bread), r, transposeB: true)
        let (inverse, singular) = try symmetricFunction(ofIdentityPlus: small) { mu in
            mu >= singularTolerance ? 1 / mu : 0
        }
        return ResidualAdjustmentBlock(rx: r, rw: r, adjustment: inverse, projectedResiduals: qe, isSingular: singular)
    }

    /// `R` (r × m, original column order) and `Qᵀ e` (length r) of the thin QR `Y = Q R`,
    /// r = min(n_g, m). Householder QR (LAPACK `dgeqp3`); the pivoting is undone on R's columns.
    /// A rank-deficient Y is fine: Q still has orthonormal columns spanning a superset of span(Y).
    static func thinFactor(_ y: Matrix, _ e: [Double]) throws -> (Matrix, [Double]) {
        // One row: Q = [1], R = y exactly (Householder would give Q = [−1], R = −y; the adjusted
        // score R_wᵀ T Qᵀe is the same). Spares a LAPACK call per singleton cluster.
        if y.rows == 1 { return (y, e) }
        let qr = try PivotedQR(y)
        let pivoted = qr.r
        let r = pivoted.rows
        var unpivoted = Matrix(rows: r, columns: y.columns)
        for (position, original) in qr.permutation.enumerated() {
            for i in 0..<r { unpivoted[i, original] = pivoted[i, position] }
        }
        return (unpivoted, Array(qr.qTransposeTimes(e).prefix(r)))
    }

    /// `V diag(f(μ)) Vᵀ` for the eigen-decomposition `I + K = V diag(μ) Vᵀ` of the symmetric `I + K`,
    /// and whether some μ fell at or below the tolerance of the caller's f (f returned 0 for it).
    static func symmetricFunction(
        ofIdentityPlus k: Matrix, _ f: (Double) -> Double
    ) throws -> (Matrix, Bool) {
        if k.rows == 1 {
            let value = f(1 + k[0, 0])
            return (Matrix(rows: 1, columns: 1, repeating: value), value == 0)
        }
        var b = k
        for i in 0..<b.rows { b[i, i] += 1 }
        let eigen = try SymmetricEigen(b.symmetrized())
        var scaled = eigen.vectors
        var singular = false
        for j in 0..<b.rows {
            let value = f(eigen.values[j])
            if value == 0 { singular = true }
            for i in 0..<b.rows { scaled[i, j] *= value }
        }
        return (Matrix.product(scaled, eigen.vectors, transposeB: true).symmetrized(), singular)
    }
}
