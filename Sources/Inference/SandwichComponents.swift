import LinearAlgebra

/// The pieces of a linear model's sandwich covariance `V = B M B`: the design, the residuals,
/// the weights and the bread `B = (XᵀWX)⁻¹`.
///
/// The score of observation i is `xᵢ uᵢ` with `uᵢ = wᵢ eᵢ` (`wᵢ = 1` for OLS). This is the
/// whitened score statsmodels uses for WLS (`wexog * wresid` = `√wᵢxᵢ · √wᵢeᵢ`), and the
/// `estfun` of R `sandwich` for `lm` with weights. Only the columns kept by the fit enter:
/// `design` is `n × k` with `k` the rank.
public struct SandwichComponents: Sendable {
    /// Kept design columns, `n × k`, unweighted.
    public let design: Matrix
    /// Residuals `eᵢ = yᵢ − xᵢᵀb` on the original (unweighted) scale.
    public let residuals: [Double]
    /// Analytic (WLS) weights, positive; `nil` for OLS.
    public let weights: [Double]?
    /// `(XᵀWX)⁻¹`, `k × k`, from the fit (R⁻¹R⁻ᵀ of the pivoted QR).
    public let bread: Matrix

    /// Components of a fitted linear model; dimensions must agree (programmer error otherwise).
    public init(design: Matrix, residuals: [Double], weights: [Double]? = nil, bread: Matrix) {
        precondition(residuals.count == design.rows, "One residual per design row is required")
        precondition(weights.map { $0.count == design.rows } ?? true, "One weight per design row is required")
        precondition(bread.rows == design.columns && bread.columns == design.columns, "Bread must be k × k")
        self.design = design
        self.residuals = residuals
        self.weights = weights
        self.bread = bread
    }

    /// Number of observations N.
    public var observationCount: Int { design.rows }
    /// Number of estimated coefficients K (the rank of the fit).
    public var parameterCount: Int { design.columns }
    /// N − K.
    public var residualDegreesOfFreedom: Int { design.rows - design.columns }

    /// Score multipliers `uᵢ = wᵢ eᵢ`, so that the score of observation i is `xᵢ uᵢ`.
    public func scoreMultipliers() -> [Double] {
        guard let w = weights else { return residuals }
        var u = residuals
        for i in u.indices { u[i] *= w[i] }
        return u
    }

    /// Weighted residual sum of squares `Σ wᵢ eᵢ²`.
    public func weightedResidualSumOfSquares() -> Double {
        var s = 0.0
        if let w = weights {
            for i in residuals.indices { s += w[i] * residuals[i] * residuals[i] }
        } else {
            for e in residuals { s += e * e }
        }
        return s
    }

    /// Leverages `hᵢᵢ = wᵢ xᵢᵀ (XᵀWX)⁻¹ xᵢ`, the diagonal of the hat matrix of the whitened design
    /// (statsmodels `_abat_diagonal(wexog, normalized_cov_params)`).
    ///
    /// Computed as the row sums of `X ∘ (X B)`: one `n × k` product, `O(n k²)`.
    public func leverage() -> [Double] {
        let n = design.rows
        let k = design.columns
        let xb = Matrix.product(design, bread)
        var h = [Double](repeating: 0, count: n)
        design.elements.withUnsafeBufferPointer { x in
            xb.elements.withUnsafeBufferPointer { t in
                h.withUnsafeMutableBufferPointer { out in
                    for j in 0..<k {
                        let offset = j * n
                        for i in 0..<n { out[i] += x[offset + i] * t[offset + i] }
                    }
                }
            }
        }
        if let w = weights {
            for i in 0..<n { h[i] *= w[i] }
        }
        return h
    }
}
