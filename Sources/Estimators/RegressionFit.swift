import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec

/// The result of an OLS/WLS fit: coefficients, fit statistics, a covariance, and provenance.
///
/// An immutable value. `with(covariance:)` returns a new value with another covariance without
/// refitting (statsmodels' `get_robustcov_results`, fixest's `summary(fit, vcov = …)`), and
/// `observations` says how many rows were used and why the others were dropped.
public struct RegressionFit: Sendable {
    /// The model formula.
    public let formula: Formula
    /// Design column names (patsy style), dropped columns included.
    public let columnNames: [String]
    /// One coefficient per design column; NaN for columns dropped as collinear (R's `NA`).
    public let coefficients: [Double]
    /// Names of the columns dropped as collinear with earlier columns.
    public let droppedColumns: [String]
    /// Indices of the kept columns into `columnNames`; the order of `covariance`.
    public let keptColumns: [Int]
    /// Numerical rank of the design (number of kept columns K).
    public let rank: Int
    /// Number of observations used, N.
    public let n: Int
    /// Residual degrees of freedom N − K (N − K − K_fe with absorbed fixed effects).
    public let dfResidual: Int
    /// Whether the fit is weighted least squares.
    public let isWeighted: Bool
    /// Whether the column space contains the constant (an intercept, or an implicit one such as a
    /// full set of dummies); decides centered vs uncentered R², as statsmodels' `k_constant`.
    public let hasConstant: Bool
    /// `1 − SSR/TSS`, TSS centered (weighted mean for WLS) when `hasConstant`, else uncentered `Σwy²`.
    public let rSquared: Double
    /// `1 − (N − c)/(N − K) · (1 − R²)` with c = 1 if `hasConstant`, else 0 (R `summary.lm`, statsmodels).
    public let adjustedRSquared: Double
    /// Wald test that every coefficient except the constant is zero, with this fit's covariance; `nil`
    /// when there is no such coefficient. With the classical covariance it is the usual model F;
    /// with a robust one it is statsmodels' robust `fvalue`. For an implicit constant (a full dummy
    /// set without intercept) it tests that the fit is constant, where statsmodels reports NaN.
    public let modelTest: WaldTest?
    /// Residuals `y − ŷ` on the original scale (unweighted, as statsmodels `resid`).
    public let residuals: [Double]
    /// Fitted values `ŷ = X b`.
    ///
    /// For unweighted fits derived on access as `y − e` (the same subtraction the engines made,
    /// so bit for bit the same values), which spares the fit one stored N-vector.
    public var fitted: [Double] { fittedValues.values(residuals: residuals) }
    /// Where `fitted` comes from.
    let fittedValues: FittedValues
    /// The covariance of the kept coefficients with its type, df, cluster counts and warnings.
    public let covarianceEstimate: CovarianceEstimate
    /// Which rows were used and why the others were dropped.
    public let observations: ObservationAccount
    /// Warnings about the fit itself (collinearity), independent of the covariance.
    let fitWarnings: [String]
    /// What `with(covariance:)` needs to recompute inference.
    let core: FitCore

    /// `k_kept × k_kept` covariance matrix of the kept coefficients.
    public var covariance: Matrix { covarianceEstimate.matrix }
    /// The covariance specification.
    public var covarianceType: CovarianceType { covarianceEstimate.type }
    /// Summary label including the number of clusters, e.g. `"Clustered (team_id), G = 30, CR1"`.
    public var covarianceLabel: String { covarianceEstimate.label }
    /// Degrees of freedom of t statistics and the F denominator (N − K, or G − 1 with clusters).
    public var inferenceDegreesOfFreedom: Double { covarianceEstimate.degreesOfFreedom }
    /// Number of clusters per cluster variable (empty unless clustered).
    public var clusterCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(covarianceType.clusterVariables, covarianceEstimate.clusterCounts))
    }
    /// Collinearity, conditioning (`conditionNumber` above 10⁸) and covariance warnings, in that order.
    public var warnings: [String] { fitWarnings + accuracyWarnings + covarianceEstimate.warnings }
    /// Model F statistic (NaN without non-constant coefficients).
    public var fStatistic: Double { modelTest?.fStatistic ?? .nan }
    /// Numerator df of the model F (number of non-constant coefficients, or the rank of their covariance).
    public var fNumeratorDF: Double { modelTest?.numeratorDegreesOfFreedom ?? .nan }
    /// Denominator df of the model F (N − K, or G − 1 with clusters).
    public var fDenominatorDF: Double { modelTest?.denominatorDegreesOfFreedom ?? .nan }
    /// p-value of the model F.
    public var fPValue: Double { modelTest?.fPValue ?? .nan }

    /// Standard errors, one per design column (NaN for dropped columns).
    public var standardErrors: [Double] {
        var se = [Double](repeating: .nan, count: columnNames.count)
        for (p, j) in keptColumns.enumerated() { se[j] = covariance[p, p].squareRoot() }
        return se
    }

    /// The coefficient named `name` (NaN if dropped); `nil` if there is no such column.
    public func coefficient(_ name: String) -> Double? {
        columnNames.firstIndex(of: name).map { coefficients[$0] }
    }

    /// Estimates, standard errors, t, p and confidence intervals at `level` with this fit's covariance.
    public func coefficientTable(level: Double = 0.95) -> CoefficientTable {
        CoefficientTable(
            names: columnNames, estimates: coefficients, keptColumns: keptColumns,
            covariance: covariance, degreesOfFreedom: inferenceDegreesOfFreedom, level: level,
            covarianceLabel: covarianceLabel)
    }
}

/// Fitted values of a fit, stored or derived from the outcome and the residuals.
enum FittedValues: Sendable {
    /// Computed by the engine (weighted fits: `X b` on the original scale).
    case stored([Double])
    /// `yᵢ − eᵢ`, the engines' own formula whenever the residuals were computed first; the
    /// outcome array is shared with the design, so keeping it costs no copy.
    case outcomeMinusResiduals(outcome: [Double])

    func values(residuals: [Double]) -> [Double] {
        switch self {
        case .stored(let fitted): return fitted
        case .outcomeMinusResiduals(let y):
            var fitted = y
            for i in fitted.indices { fitted[i] -= residuals[i] }
            return fitted
        }
    }
}

/// Where `with(covariance:)` finds cluster ids for the rows a fit used.
enum ClusterSource: Sendable {
    /// The source frame and the rows the design used; `nil` when it used every row in order, so a
    /// fit on a complete frame keeps no N-array of row numbers.
    case frame(DataFrame, rows: [Int]?)
    /// Codes supplied with a design matrix, aligned with its rows.
    case codes([String: [Int32]])
}

/// The parts of a fit that inference needs, kept so inference can change without refitting.
struct FitCore: Sendable {
    /// Kept design columns, residuals, weights and `(XᵀWX)⁻¹`.
    let components: SandwichComponents
    /// Kept coefficients, in the order of the components' columns.
    let keptEstimates: [Double]
    /// Restrictions R of the model test (all non-constant directions), `nil` if there are none.
    let modelRestrictions: Matrix?
    let clusterSource: ClusterSource
    /// Condition number and refinement of the least-squares solve.
    let accuracy: NumericalAccuracy
    /// The absorbed fixed effects, whose parameters the covariances must count; `nil` without `|`.
    var absorbed: AbsorbedEffects? = nil
}
