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
    /// - Throws: `FormulaSyntaxError`, `ModelSpecError` (unknown variable, non-numeric outcome, no
    ///   observations, …), `InferenceError`, `EstimationError`, `LinearAlgebraError`.
    public static func fit(
        _ formula: String, data: DataFrame, weights: String? = nil,
        covariance: CovarianceType = .classical,
        referenceLevels: [String: String] = [:]
    ) throws -> RegressionFit {
        try fit(
            Formula.parse(formula), data: data, weights: weights, covariance: covariance,
            referenceLevels: referenceLevels)
    }

    /// Fits a parsed `formula` on `data`; see `fit(_:data:weights:covariance:referenceLevels:)`.
    public static func fit(
        _ formula: Formula, data: DataFrame, weights: String? = nil,
        covariance: CovarianceType = .classical,
        referenceLevels: [String: String] = [:]
    ) throws -> RegressionFit {
        var options = DesignOptions()
        options.referenceLevels = referenceLevels
        options.weights = weights
        options.requiredColumns = covariance.clusterVariables
        let design = try DesignMatrix.build(formula, data: data, options: options)
        return try estimate(design, clusterSource: .frame(data, rows: design.rowIndices), covariance: covariance)
    }

    /// Fits a prepared design.
    ///
    /// - Parameters:
    ///   - clusters: cluster codes per variable name, one per design row (any non-negative
    ///     numbering; negative = missing, which throws). Needed for every name in `covariance`
    ///     and for later `with(covariance:)` calls that cluster by other names.
    /// - Throws: `EstimationError.clusterCodesNotSupplied`, `InferenceError`, `LinearAlgebraError`.
    public static func fit(
        design: DesignMatrix, clusters: [String: [Int32]] = [:],
        covariance: CovarianceType = .classical
    ) throws -> RegressionFit {
        for (name, codes) in clusters {
            precondition(
                codes.count == design.y.count, "Cluster '\(name)' has \(codes.count) codes for \(design.y.count) rows")
        }
        return try estimate(design, clusterSource: .codes(clusters), covariance: covariance)
    }
}
