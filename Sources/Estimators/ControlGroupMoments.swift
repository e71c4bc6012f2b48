import LinearAlgebra

/// Stacked per-observation moment conditions `mᵢ(θ)` of an exactly identified M-estimator and the
/// mean Jacobian `G = (1/n) Σ ∂mᵢ/∂θᵀ`, giving the sandwich covariance of `θ̂`.
///
/// `V = G⁻¹ S G⁻ᵀ / n`, `S = (1/n) Σ mᵢ mᵢᵀ` (HC0, no small-sample factor). This is what
/// statsmodels `TreatmentEffect` reports: its GMM step is exactly identified, so its weight matrix
/// cancels and `cov_params` is this sandwich (statsmodels `sandbox/regression/gmm.py`,
/// `GMMResults.calc_cov_params`). statsmodels differentiates numerically (central differences,
/// step 1e-4) and centres `mᵢ` by their grand mean (≈ 0 at the solution); we use the analytic
/// Jacobian and uncentred moments, so SEs agree to about 1e-9 relative, not to the last bit.
struct ControlGroupMoments {
    /// `n × k`, one row per observation.
    var moments: Matrix
    /// `k × k` mean Jacobian.
    var jacobian: Matrix

    init(rows: Int, parameters: Int) {
        moments = Matrix(rows: rows, columns: parameters)
        jacobian = Matrix(rows: parameters, columns: parameters)
    }

    /// `G⁻¹ S G⁻ᵀ / n`; `G⁻¹` by SVD because `G` is square but not symmetric.
    func covariance() throws -> Matrix {
        let n = Double(moments.rows)
        let svd = try SingularValueDecomposition(jacobian)
        let k = jacobian.rows
        // G⁻¹ = V Σ⁻¹ Uᵀ; G is invertible whenever every block (logit information, per-arm XᵀX) is.
        var scaledV = svd.vt.transposed
        for j in 0..<k {
            let s = svd.singularValues[j]
            for i in 0..<k { scaledV[i, j] /= s }
        }
        let inverse = scaledV * svd.u.transposed
        let meat = moments.gram() * (1 / n)
        return inverse * meat * inverse.transposed * (1 / n)
    }
}
