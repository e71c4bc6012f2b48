import Inference

extension RegressionFit {
    /// The absorbed fixed effects (`| unit + month`): levels, redundant levels, K_fe, singletons
    /// dropped, within R², convergence and small-sample convention; `nil` for a fit without them.
    public var absorbedEffects: AbsorbedEffects? { core.absorbed }

    /// Within R² (fixest `wr2`): `1 − SSR / Σ wᵢ ỹᵢ²` with ỹ the demeaned outcome; `nil` without
    /// absorbed effects.
    public var withinRSquared: Double? { core.absorbed?.withinRSquared }

    /// The same fit with another covariance under another small-sample convention, without
    /// refitting (fixest `summary(fit, vcov = …, ssc = ssc(…))`). Only for fits with absorbed
    /// effects; plain OLS/WLS fits use the correction inside their `CovarianceType`.
    ///
    /// - Throws: as `with(covariance:)`.
    public func with(covariance: CovarianceType, smallSample: SmallSampleConvention) throws -> RegressionFit {
        guard let effects = core.absorbed else {
            preconditionFailure("A small-sample convention applies only to fits with absorbed fixed effects")
        }
        let recounted = effects.with(convention: smallSample)
        let core = FitCore(
            components: core.components, keptEstimates: core.keptEstimates, modelRestrictions: core.modelRestrictions,
            clusterSource: core.clusterSource, accuracy: core.accuracy, absorbed: recounted)
        let (estimate, test) = try LinearRegression.inference(core: core, covariance: covariance)
        return RegressionFit(
            formula: formula, columnNames: columnNames, coefficients: coefficients, droppedColumns: droppedColumns,
            keptColumns: keptColumns, rank: rank, n: n, dfResidual: n - rank - recounted.parameterCount,
            isWeighted: isWeighted, hasConstant: hasConstant, rSquared: rSquared, adjustedRSquared: adjustedRSquared,
            modelTest: test, residuals: residuals, fittedValues: fittedValues, covarianceEstimate: estimate,
            observations: observations, fitWarnings: fitWarnings, core: core)
    }
}
