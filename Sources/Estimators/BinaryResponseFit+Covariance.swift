import Inference
import LinearAlgebra

extension BinaryResponseFit {
    /// The same fit with another covariance, without refitting: the kept design, the working
    /// residuals and weights and the bread (inverse information) are reused.
    ///
    /// - Throws: `BinaryResponseError.unsupportedCovariance`, `EstimationError` (cluster ids
    ///   missing in rows the fit used, codes not supplied), `InferenceError` (one cluster).
    public func with(covariance: CovarianceType) throws -> BinaryResponseFit {
        let estimate = try BinaryResponseModel.inference(core: core, covariance: covariance)
        return BinaryResponseFit(
            formula: formula, link: link, information: information, columnNames: columnNames,
            coefficients: coefficients, droppedColumns: droppedColumns, keptColumns: keptColumns, n: n,
            isWeighted: isWeighted, hasConstant: hasConstant, logLikelihood: logLikelihood,
            nullLogLikelihood: nullLogLikelihood, iterations: iterations, converged: converged,
            relativeDevianceChange: relativeDevianceChange, stepHalvings: stepHalvings,
            linearPredictor: linearPredictor, fittedProbabilities: fittedProbabilities, covarianceEstimate: estimate,
            observations: observations, fitWarnings: fitWarnings, core: core)
    }
}

extension BinaryResponseModel {
    /// The covariance of a binary-response fit, `V = c · B M B` with B the inverse information.
    ///
    /// | type | V | reference |
    /// |---|---|---|
    /// | classical | `B` (dispersion fixed at 1) | statsmodels `nonrobust`, R `vcov(glm)` |
    /// | HC0 | `B (Σ sᵢsᵢᵀ) B` | statsmodels `HC0`, R `vcovHC(type = "HC0")` |
    /// | HC1 | `N/(N−K) · HC0` | R `vcovHC(type = "HC1")` (statsmodels' `HC1` returns HC0 for these models; Stata uses N/(N−1)) |
    /// | HC2, HC3 | meat weights `1/(1−hᵢᵢ)`, `1/(1−hᵢᵢ)²`, `hᵢᵢ = pᵢvᵢ xᵢᵀBxᵢ` | R `vcovHC` on `glm` (logit, or probit with expected information; probit with observed information uses the Newton weights' hat matrix, which no package reports) |
    /// | CR1 | `G/(G−1)·(N−1)/(N−K) · B (Σ_g S_g S_gᵀ) B` | statsmodels `cluster`, R `vcovCL(type = "HC1")` (Stata's `logit, vce(cluster)` uses G/(G−1) only) |
    ///
    /// with scores `sᵢ = pᵢ xᵢ ∂ℓᵢ/∂η`, `S_g = Σ_{i∈g} sᵢ`. The meats and factors are
    /// `CovarianceEstimator`'s; only the classical case and the reference distribution differ
    /// from a linear model: every statistic is a z (normal) statistic, so the estimate carries
    /// infinite degrees of freedom (statsmodels `use_t=False`, R `summary.glm` for binomial).
    static func inference(core: BinaryFitCore, covariance: CovarianceType) throws -> CovarianceEstimate {
        guard isSupported(covariance) else {
            throw BinaryResponseError.unsupportedCovariance(covariance.description)
        }
        if covariance == .classical {
            return CovarianceEstimate(type: .classical, matrix: core.components.bread, degreesOfFreedom: .infinity)
        }
        let clusters = try core.data.clusterVariables(for: covariance)
        let e = try CovarianceEstimator.estimate(covariance, components: core.components, clusters: clusters)
        return CovarianceEstimate(
            type: e.type, matrix: e.matrix, degreesOfFreedom: .infinity, clusterCounts: e.clusterCounts,
            warnings: e.warnings, clippedEigenvalues: e.clippedEigenvalues, unclippedMatrix: e.unclippedMatrix)
    }

    /// The covariance types with a binary-response version here (checked without a `switch`, so a
    /// type added to `CovarianceType` later is refused until it is validated for these models).
    static func isSupported(_ type: CovarianceType) -> Bool {
        if case .clustered = type { return true }
        return [CovarianceType.classical, .hc0, .hc1, .hc2, .hc3].contains(type)
    }
}
