import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec

/// Ordinary and weighted least squares by pivoted QR, with a choice of covariance.
///
/// `b = argmin Σ wᵢ (yᵢ − xᵢᵀb)²`, solved as least squares on the whitened design `√wᵢ xᵢ` by
/// Householder QR with column pivoting (LAPACK `dgeqp3`); columns whose pivot falls below 1e-7 of
/// the largest are dropped as collinear and reported, as R's `lm` reports `NA`. Matches statsmodels
/// `OLS`/`WLS(...).fit(cov_type=…)` and R `lm` + `sandwich`.
///
/// With absorbed fixed effects (`y ~ x | unit + month`) the effects are projected out first
/// (`FixedEffectsDemeaner`) and the slopes fitted on the demeaned data, as fixest/pyfixest `feols`;
/// see `AbsorptionOptions` and `SmallSampleConvention`.
///
/// Two entry points, one engine: a formula with a data frame, or a prepared `DesignMatrix` with
/// cluster codes; a test checks that they agree.
public enum LinearRegression {
    /// Fits `formula` on `data`.
    ///
    /// Cluster variables named by `covariance` are added as required columns, so rows with a
    /// missing cluster id are dropped and counted (`missingRequired`) like rows with a missing
    /// regressor.
    ///
    /// - Parameters:
    ///   - weights: name of a positive weight column for WLS (zero weights are dropped and counted).
    ///   - referenceLevels: reference level per categorical variable, overriding the first sorted level.
    ///   - absorption: for `y ~ x | unit + month`: projection tolerance, small-sample convention,
    ///     singleton removal (see `AbsorptionOptions`); ignored without `|`.
    /// - Throws: `FormulaSyntaxError`, `ModelSpecError` (unknown variable, non-numeric outcome, no
    ///   observations, …), `InferenceError`, `EstimationError`, `FixedEffectsError`, `LinearAlgebraError`.
    public static func fit(
        _ formula: String, data: DataFrame, weights: String? = nil,
        covariance: CovarianceType = .classical,
        referenceLevels: [String: String] = [:], absorption: AbsorptionOptions = .init()
    ) throws -> RegressionFit {
        try fit(
            Formula.parse(formula), data: data, weights: weights, covariance: covariance,
            referenceLevels: referenceLevels, absorption: absorption)
    }

    /// Fits a parsed `formula` on `data`; see `fit(_:data:weights:covariance:referenceLevels:absorption:)`.
    public static func fit(
        _ formula: Formula, data: DataFrame, weights: String? = nil,
        covariance: CovarianceType = .classical,
        referenceLevels: [String: String] = [:], absorption: AbsorptionOptions = .init()
    ) throws -> RegressionFit {
        var options = DesignOptions()
        options.referenceLevels = referenceLevels
        options.weights = weights
        options.requiredColumns = covariance.clusterVariables
        options.dropSingletons = absorption.dropSingletons
        let design = try DesignMatrix.build(formula, data: data, options: options)
        // Row numbers are ascending and distinct, so as many as the frame has rows means all of them.
        let source = ClusterSource.frame(
            data, rows: design.rowIndices.count == data.rowCount ? nil : design.rowIndices)
        // The design is handed over, not borrowed: the engine may free its regressors early.
        return try estimate(consume design, clusterSource: source, covariance: covariance, absorption: absorption)
    }

    /// Fits a prepared design.
    ///
    /// - Parameters:
    ///   - clusters: cluster codes per variable name, one per design row (any non-negative
    ///     numbering; negative = missing, which throws). Needed for every name in `covariance`
    ///     and for later `with(covariance:)` calls that cluster by other names.
    ///   - absorption: projection and small-sample settings for a design with absorbed effects
    ///     (its `dropSingletons` is not used: the design's rows are already chosen).
    /// - Throws: `EstimationError.clusterCodesNotSupplied`, `InferenceError`, `FixedEffectsError`,
    ///   `LinearAlgebraError`.
    public static func fit(
        design: DesignMatrix, clusters: [String: [Int32]] = [:],
        covariance: CovarianceType = .classical, absorption: AbsorptionOptions = .init()
    ) throws -> RegressionFit {
        for (name, codes) in clusters {
            precondition(
                codes.count == design.y.count, "Cluster '\(name)' has \(codes.count) codes for \(design.y.count) rows")
        }
        return try estimate(design, clusterSource: .codes(clusters), covariance: covariance, absorption: absorption)
    }
}
