import LinearAlgebra

/// Satterthwaite degrees of freedom for t tests with a CR2 covariance (Bell & McCaffrey 2002;
/// Pustejovsky & Tipton 2018, §3; Imbens & Kolesár 2016).
extension CovarianceEstimator {
    /// The Satterthwaite df of `cᵀ V^CR2 c` for each contrast c (a vector over the K kept coefficients).
    ///
    /// `cᵀVc = Σ_g (p_gᵀ ε)²` with `p_g = (I − H)_{g·}ᵀ A_g W_g X_g M c`; under the working model
    /// `ε ~ N(0, I)` its mean is `tr P` and its variance `2‖P‖²_F` for the G × G matrix
    /// `P_gh = p_gᵀ p_h`, and matching a scaled χ² gives `ν = (tr P)² / ‖P‖²_F`. This is
    /// `clubSandwich::coef_test(fit, vcov, test = "Satterthwaite")` (per coefficient) and the df of
    /// `linear_contrast(test = "Satterthwaite")` / one-constraint `Wald_test(test = "HTZ")`.
    ///
    /// P is never formed. With `q_g = A_g W_g X_g z`, `z = M c`, `a_g = X_gᵀq_g`, `b_g = X_gᵀW_g q_g`,
    /// `f_g = M a_g`, `d_g = ‖q_g‖²` and `S = XᵀW²X`:
    /// `P = diag(d) − L`, `L_gh = f_gᵀb_h + b_gᵀf_h − f_gᵀS f_h = ζ_gᵀ C ζ_h` with `ζ_g = (f_g, b_g)` and
    /// `C = [[−S, I], [I, 0]]`. Hence `tr P = Σ (d_g − L_gg)` and
    /// `‖P‖² = Σ d_g² − 2 Σ d_g L_gg + tr(CΓCΓ)`, `Γ = Σ_g ζ_g ζ_gᵀ`: `O(N K² + G K² q)` time and
    /// `O(K² q)` memory for q contrasts, whatever G. q_g lies in span(Q) of the cluster's QR, where it
    /// has coordinates `u = T R_w z` (see `ResidualAdjustmentBlock`), so `d_g = ‖u‖²`, `a_g = R_xᵀu`,
    /// `b_g = R_wᵀu`.
    ///
    /// - Parameters:
    ///   - contrasts: each of length K (programmer error otherwise).
    ///   - cluster: the CR2 cluster variable, G ≥ 2.
    /// - Throws: `InferenceError.singleCluster`; `LinearAlgebraError` if a factorization fails.
    public static func satterthwaiteDegreesOfFreedom(
        contrasts: [[Double]], components: SandwichComponents, cluster: ClusterVariable
    ) throws -> [Double] {
        let k = components.parameterCount
        precondition(contrasts.allSatisfy { $0.count == k }, "Each contrast needs one weight per kept coefficient")
        precondition(cluster.codes.count == components.observationCount, "One cluster code per row is required")
        guard cluster.count >= 2 else { throw InferenceError.singleCluster(variable: cluster.name) }
        let m = components.bread
        let w = components.weights ?? [Double](repeating: 1, count: components.observationCount)
        let s = components.design.weightedGram(w.map { $0 * $0 })
        let msm = components.weights == nil ? nil : workingModelCrossProduct(components)
        let q = contrasts.count
        // Z = M C (K × q): every contrast handled by matrix products, a few BLAS calls per cluster.
        let z = Matrix.product(m, Matrix(columnArrays: contrasts))
        var sums = (0..<q).map { _ in SatterthwaiteSums(parameters: k) }
        let membership = ClusterMembership(cluster)
        for g in 0..<cluster.count {
            let block = try ResidualAdjustmentBlock.cr2(rows: membership.rows(of: g), components: components, msm: msm)
            let u = Matrix.product(block.adjustment, Matrix.product(block.rw, z))  // r × q
            let a = Matrix.product(block.rx, u, transposeA: true)  // K × q
            let b = Matrix.product(block.rw, u, transposeA: true)
            let f = Matrix.product(m, a)
            let sf = Matrix.product(s, f)
            for j in 0..<q {
                var lgg = 0.0
                var d = 0.0
                var zeta = [Double](repeating: 0, count: 2 * k)
                for i in 0..<k {
                    lgg += 2 * f[i, j] * b[i, j] - f[i, j] * sf[i, j]
                    zeta[i] = f[i, j]
                    zeta[k + i] = b[i, j]
                }
                for i in 0..<u.rows { d += u[i, j] * u[i, j] }
                sums[j].add(d: d, lgg: lgg, zeta: zeta)
            }
        }
        return sums.indices.map { sums[$0].degreesOfFreedom(s: s) }
    }
}

/// Running sums over clusters for one contrast's Satterthwaite df.
private struct SatterthwaiteSums {
    let k: Int
    var traceD = 0.0
    var traceL = 0.0
    var squaresD = 0.0
    var crossDL = 0.0
    /// `Γ = Σ ζ_g ζ_gᵀ`, 2K × 2K, accumulated from `pending` by `dsyrk` a block at a time.
    var gamma: Matrix
    /// Up to `blockRows` vectors ζ_g not yet added to Γ, as the rows of a column-major matrix.
    var pending: Matrix
    var pendingCount = 0
    static let blockRows = 1024

    init(parameters k: Int) {
        self.k = k
        gamma = Matrix(rows: 2 * k, columns: 2 * k)
        pending = Matrix(rows: Self.blockRows, columns: 2 * k)
    }

    mutating func add(d: Double, lgg: Double, zeta: [Double]) {
        traceD += d
        traceL += lgg
        squaresD += d * d
        crossDL += d * lgg
        for j in 0..<(2 * k) { pending[pendingCount, j] = zeta[j] }
        pendingCount += 1
        if pendingCount == Self.blockRows { flush() }
    }

    /// Γ += PᵀP for the pending rows (zero rows beyond `pendingCount` add nothing).
    mutating func flush() {
        guard pendingCount > 0 else { return }
        gamma = gamma + pending.gram()
        pending = Matrix(rows: Self.blockRows, columns: 2 * k)
        pendingCount = 0
    }

    /// `(tr P)² / ‖P‖²_F` with `‖L‖²_F = tr(CΓCΓ)`, `C = [[−S, I], [I, 0]]`.
    mutating func degreesOfFreedom(s: Matrix) -> Double {
        flush()
        var c = Matrix(rows: 2 * k, columns: 2 * k)
        for j in 0..<k {
            for i in 0..<k { c[i, j] = -s[i, j] }
            c[j, k + j] = 1
            c[k + j, j] = 1
        }
        let cg = Matrix.product(c, gamma)
        var squaresL = 0.0
        for i in 0..<(2 * k) { for j in 0..<(2 * k) { squaresL += cg[i, j] * cg[j, i] } }
        let trace = traceD - traceL
        let squares = squaresD - 2 * crossDL + squaresL
        return trace * trace / squares
    }
}
