import Distributions
import Foundation
import Inference
import LinearAlgebra
import ModelSpec

/// The result of a logit or probit fit: coefficients, likelihood statistics, a covariance with
/// z-based inference, fitted probabilities and provenance.
///
/// An immutable value: `with(covariance:)` returns a new value with another covariance without
/// refitting (statsmodels `get_robustcov_results`), `observations` says which rows were used and
/// why the others were dropped, and `warnings` lists collinear columns, extreme fitted
/// probabilities, non-convergence (when allowed) and few-cluster warnings.
public struct BinaryResponseFit: Sendable {
    /// The model formula.
    public let formula: Formula
    /// Logit or probit.
    public let link: BinaryResponseLink
    /// The information matrix used by IRLS and as the bread of every covariance.
    public let information: BinaryResponseOptions.Information
    /// Design column names (patsy style), dropped columns included.
    public let columnNames: [String]
    /// One coefficient per design column; NaN for columns dropped as collinear.
    public let coefficients: [Double]
    /// Names of the columns dropped as collinear.
    public let droppedColumns: [String]
    /// Indices of the kept columns into `columnNames`; the order of `covariance`.
    public let keptColumns: [Int]
    /// Number of rows used, N.
    public let n: Int
    /// Whether prior weights were used.
    public let isWeighted: Bool
    /// Whether the column space contains the constant (an intercept or a full dummy set).
    public let hasConstant: Bool
    /// `ℓ = Σ pᵢ [yᵢ log Fᵢ + (1 − yᵢ) log(1 − Fᵢ)]` at the estimate (statsmodels `llf`).
    public let logLikelihood: Double
    /// Log-likelihood of the constant-only model, `Σ pᵢ [yᵢ log ȳ + (1 − yᵢ) log(1 − ȳ)]` with ȳ
    /// the weighted mean (statsmodels `llnull`; it is used even without an intercept, where R's
    /// null deviance would use μ = ½).
    public let nullLogLikelihood: Double
    /// Number of IRLS iterations (weighted least-squares solves).
    public let iterations: Int
    /// Whether the convergence rule `|ΔD|/(|D| + 0.1) < tolerance` was met.
    public let converged: Bool
    /// `|D − D_old|/(|D| + 0.1)` at the last iteration.
    public let relativeDevianceChange: Double
    /// Total step halvings IRLS needed (0 for well-behaved problems).
    public let stepHalvings: Int
    /// `ηᵢ = xᵢᵀb` on the rows used.
    public let linearPredictor: [Double]
    /// `F(ηᵢ)`, the fitted probabilities on the rows used (in design row order); for one value per
    /// row of the source frame (NaN for dropped rows) call `predictedProbabilities(data:)` on it.
    public let fittedProbabilities: [Double]
    /// The covariance of the kept coefficients with its type, cluster counts and warnings.
    public let covarianceEstimate: CovarianceEstimate
    /// Which rows were used and why the others were dropped.
    public let observations: ObservationAccount
    /// Warnings about the fit itself (collinearity, extreme probabilities, non-convergence).
    let fitWarnings: [String]
    /// What `with(covariance:)` and the predictions need.
    let core: BinaryFitCore

    /// Number of estimated coefficients K.
    public var rank: Int { keptColumns.count }
    /// Deviance `−2ℓ` (0/1 data: the saturated log-likelihood is 0).
    public var deviance: Double { -2 * logLikelihood }
    /// McFadden's pseudo-R², `1 − ℓ/ℓ₀` (statsmodels `prsquared`).
    public var pseudoRSquared: Double { 1 - logLikelihood / nullLogLikelihood }
    /// `−2ℓ + 2K` (statsmodels `aic`, R `AIC`).
    public var aic: Double { -2 * logLikelihood + 2 * Double(rank) }
    /// `−2ℓ + K log N` (statsmodels `bic`; R `BIC` with N the number of rows used).
    public var bic: Double { -2 * logLikelihood + Double(rank) * log(Double(n)) }
    /// Degrees of freedom of the likelihood-ratio test: K minus 1 if there is a constant.
    public var likelihoodRatioDegreesOfFreedom: Int { rank - (hasConstant ? 1 : 0) }
    /// `2(ℓ − ℓ₀)`, the likelihood-ratio statistic against the constant-only model (statsmodels `llr`).
    public var likelihoodRatioStatistic: Double { 2 * (logLikelihood - nullLogLikelihood) }
    /// `P(χ²(df) > LR)` (statsmodels `llr_pvalue`); NaN without non-constant coefficients.
    public var likelihoodRatioPValue: Double {
        let df = likelihoodRatioDegreesOfFreedom
        guard df > 0 else { return .nan }
        return ChiSquared(degreesOfFreedom: Double(df)).survival(likelihoodRatioStatistic)
    }

    /// `k × k` covariance of the kept coefficients.
    public var covariance: Matrix { covarianceEstimate.matrix }
    /// The covariance specification.
    public var covarianceType: CovarianceType { covarianceEstimate.type }
    /// Summary label: the classical covariance is the inverse information; the others as in
    /// `CovarianceEstimate.label` (`"Clustered (firm), G = 20, CR1"`).
    public var covarianceLabel: String {
        covarianceType == .classical
            ? "Inverse \(information) (model-based)" : covarianceEstimate.label
    }
    /// Number of clusters per cluster variable (empty unless clustered).
    public var clusterCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(covarianceType.clusterVariables, covarianceEstimate.clusterCounts))
    }
    /// Fit warnings, then covariance warnings.
    public var warnings: [String] { fitWarnings + covarianceEstimate.warnings }

    /// Standard errors, one per design column (NaN for dropped columns).
    public var standardErrors: [Double] {
        var se = [Double](repeating: .nan, count: columnNames.count)
        for (p, j) in keptColumns.enumerated() { se[j] = covariance[p, p].squareRoot() }
        return se
    }

    /// The coefficient named `name` (NaN if dropped); nil if there is no such column.
    public func coefficient(_ name: String) -> Double? {
        columnNames.firstIndex(of: name).map { coefficients[$0] }
    }

    /// Estimates, standard errors, z statistics, normal p-values and Wald intervals `b ± z_{(1+level)/2} se`
    /// (statsmodels `Logit` summary, `use_t=False`; R `summary.glm` for binomial; `CoefficientTable`
    /// with infinite df).
    public func coefficientTable(level: Double = 0.95) -> CoefficientTable {
        CoefficientTable(
            names: columnNames, estimates: coefficients, keptColumns: keptColumns, covariance: covariance,
            degreesOfFreedom: .infinity, level: level, covarianceLabel: covarianceLabel)
    }
}

/// The parts of a binary-response fit that inference and prediction need.
struct BinaryFitCore: Sendable {
    /// Kept design columns, working residuals `u/v`, weights `p·v` and the bread (inverse information).
    let components: SandwichComponents
    /// Kept coefficients, in the order of the components' columns.
    let keptEstimates: [Double]
    /// Cluster ids and the encoding of new data.
    let data: BinaryResponseData
}
