import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec

/// Logit and probit regression by maximum likelihood (IRLS on LAPACK), with separation checks and
/// a choice of covariance.
///
/// `P(yᵢ = 1 | xᵢ) = F(xᵢᵀb)` with F logistic or standard normal; `b` maximizes
/// `ℓ(b) = Σ pᵢ [yᵢ log Fᵢ + (1 − yᵢ) log(1 − Fᵢ)]` (`pᵢ` prior weights, 1 when unweighted).
/// Each IRLS iteration is one weighted least-squares fit by QR of `√W X` (LinearAlgebra
/// `leastSquares`, R's rank rule), Newton–Raphson with observed-information weights by default
/// and Fisher scoring with `options.information = .expected`; step-halving when the deviance
/// rises (Marschner 2011, R package glm2); convergence when `|D − D_old|/(|D| + 0.1) < 1e-10`
/// (R `glm.control`'s rule). Inference uses z statistics. Matches statsmodels
/// `Logit`/`Probit(...).fit(cov_type=…)` (observed information) and R `glm(family = binomial)` +
/// `sandwich` (expected information; identical for logit); see `datasets/reference/binary_small.json`.
///
/// Two entry points, one engine: a formula with a data frame, or a prepared `DesignMatrix` with
/// cluster codes.
public enum BinaryResponseModel {
    /// Fits `formula` on `data`.
    ///
    /// The outcome must be 0/1 (integer or double) or boolean. Cluster variables named by
    /// `covariance` become required columns, so rows missing them are dropped and counted.
    ///
    /// - Parameters:
    ///   - link: `.logit` (default) or `.probit`.
    ///   - weights: a column of positive prior weights (R `glm(weights =)`, statsmodels
    ///     `GLM(var_weights =)`): each row's log-likelihood is multiplied by its weight. With
    ///     sampling weights only the robust covariances are valid.
    ///   - referenceLevels: reference level per categorical variable.
    /// - Throws: `BinaryResponseError` (outcome not 0/1 or constant, separation, non-convergence),
    ///   `FormulaSyntaxError`, `ModelSpecError`, `InferenceError`, `EstimationError`, `LinearAlgebraError`.
    public static func fit(
        _ formula: String, data: DataFrame, link: BinaryResponseLink = .logit, weights: String? = nil,
        covariance: CovarianceType = .classical, referenceLevels: [String: String] = [:],
        options: BinaryResponseOptions = .init()
    ) throws -> BinaryResponseFit {
        try fit(
            Formula.parse(formula), data: data, link: link, weights: weights, covariance: covariance,
            referenceLevels: referenceLevels, options: options)
    }

    /// Fits a parsed `formula` on `data`; see `fit(_:data:link:weights:covariance:referenceLevels:options:)`.
    public static func fit(
        _ formula: Formula, data: DataFrame, link: BinaryResponseLink = .logit, weights: String? = nil,
        covariance: CovarianceType = .classical, referenceLevels: [String: String] = [:],
        options: BinaryResponseOptions = .init()
    ) throws -> BinaryResponseFit {
        // A text outcome ("yes"/"no") would otherwise be reported as non-numeric; name its values.
        if let outcome = data[formula.outcome], case .categorical(let codes, let levels) = outcome.values {
            let present = Set(codes.filter { $0 >= 0 }).sorted().prefix(5).map { levels[Int($0)] }
            throw BinaryResponseError.outcomeNotBinary(
                variable: formula.outcome, values: present, rows: codes.filter { $0 >= 0 }.count)
        }
        var designOptions = DesignOptions()
        designOptions.referenceLevels = referenceLevels
        designOptions.weights = weights
        designOptions.requiredColumns = covariance.clusterVariables
        let design = try DesignMatrix.build(formula, data: data, options: designOptions)
        let source = BinaryResponseData.frame(data, rows: design.rowIndices, referenceLevels: referenceLevels)
        return try estimate(design, link: link, covariance: covariance, options: options, source: source)
    }

    /// Fits a prepared design (its `weights`, if any, are prior weights).
    ///
    /// - Parameters:
    ///   - clusters: cluster codes per variable name, one per design row (non-negative; any
    ///     numbering). Needed for every name in `covariance` and for later `with(covariance:)` calls.
    /// - Throws: as the formula entry point, and `EstimationError.clusterCodesNotSupplied`.
    public static func fit(
        design: DesignMatrix, link: BinaryResponseLink = .logit, clusters: [String: [Int32]] = [:],
        covariance: CovarianceType = .classical, options: BinaryResponseOptions = .init()
    ) throws -> BinaryResponseFit {
        for (name, codes) in clusters {
            precondition(
                codes.count == design.y.count, "Cluster '\(name)' has \(codes.count) codes for \(design.y.count) rows")
        }
        return try estimate(design, link: link, covariance: covariance, options: options, source: .codes(clusters))
    }
}

/// Where a binary-response fit finds cluster ids (now and for `with(covariance:)`) and the
/// encoding of new data for predictions.
enum BinaryResponseData: Sendable {
    /// The source frame, the rows the design used and the reference levels it was built with.
    case frame(DataFrame, rows: [Int], referenceLevels: [String: String])
    /// Cluster codes supplied with a design matrix, aligned with its rows.
    case codes([String: [Int32]])

    /// Dense cluster codes over the rows used for every cluster variable of `type`.
    func clusterVariables(for type: CovarianceType) throws -> [ClusterVariable] {
        try type.clusterVariables.map { name in
            switch self {
            case .codes(let supplied):
                guard let codes = supplied[name] else {
                    throw EstimationError.clusterCodesNotSupplied(name: name, available: Array(supplied.keys))
                }
                return try ClusterVariable(name: name, codes: codes)
            case .frame(let frame, let rows, _):
                guard let column = frame[name] else {
                    throw EstimationError.columnNotFound(
                        name: name, suggestion: closestName(to: name, among: frame.columnNames))
                }
                let codes = ClusterCoding.codes(column, rows: rows)
                let missing = codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
                if missing > 0 { throw EstimationError.missingClusterIDs(column: name, rows: missing) }
                return try ClusterVariable(name: name, codes: codes)
            }
        }
    }
}
