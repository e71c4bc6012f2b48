import DataFrameModule
import LinearAlgebra
import ModelSpec

/// A cross-section split by a binary treatment, prepared for control-group comparisons: Welch's
/// difference in means, regression adjustment, inverse-probability weighting, augmented IPW,
/// nearest-neighbour matching on the propensity score (``nearestNeighbourMatching(_:)``) and
/// covariate balance (after IPW, after matching or under any weights).
///
/// The outcome model and the propensity model share one covariate list: the outcome model is
/// `y ~ covariates` fitted by OLS separately in each arm, the propensity score is
/// `P(D = 1 | x) = Λ(xᵀγ)` by logit (``BinaryResponseModel``). Rows missing the outcome, the treatment
/// or a covariate are dropped once, for every estimator, and counted in ``observations``.
/// Identification rests on unconfoundedness given the covariates and on overlap (0 < p(x) < 1).
///
/// The estimators and their standard errors match statsmodels 0.15
/// `TreatmentEffect(OLS(y, X), d, results_select=Logit(d, X).fit())` (`ra`, `ipw`, `aipw`); see
/// `datasets/reference/cg_small.json` (`scripts/reference/cg_reference.py`).
public struct ControlGroupComparison: Sendable {
    /// Name of the outcome column.
    public let outcomeName: String
    /// Name of the treatment column.
    public let treatmentName: String
    /// Covariate design columns, intercept first (`"Intercept"`), as encoded by ``DesignMatrix``.
    public let columnNames: [String]
    /// Outcome per used row.
    public let outcome: [Double]
    /// Treatment indicator per used row (true = treated).
    public let treated: [Bool]
    /// Covariate design (`n × k`, with intercept), one row per used row.
    public let covariates: Matrix
    /// The propensity-score logit `D ~ covariates`.
    public let propensityFit: BinaryResponseFit
    /// Rows used and rows dropped, with reasons.
    public let observations: ObservationAccount

    /// Estimated propensity scores `p̂ᵢ = Λ(xᵢᵀγ̂)`.
    public var propensityScores: [Double] { propensityFit.fittedProbabilities }
    /// Number of used rows.
    public var n: Int { outcome.count }
    /// Number of treated rows.
    public var treatedCount: Int { treated.filter { $0 }.count }
    /// Number of control rows.
    public var controlCount: Int { n - treatedCount }

    /// Prepares `data` for comparisons of `outcome` between `treatment` = 1 and = 0 rows.
    ///
    /// - Parameters:
    ///   - covariates: right-hand-side terms of both models, in formula syntax (`"x1"`, `"C(region)"`);
    ///     an intercept is always included.
    /// - Throws: ``ControlGroupError`` (treatment not 0/1, an empty or too small arm, logit failure
    ///   or propensity scores at 0/1), `FormulaSyntaxError`, `ModelSpecError`.
    public init(data: DataFrame, outcome: String, treatment: String, covariates: [String]) throws {
        precondition(!covariates.isEmpty, "Give at least one covariate; use differenceInMeans for none")
        if let column = data[treatment] {
            try Self.checkBinary(column)
        }
        let rhs = covariates.joined(separator: " + ")
        // Both designs require every other column, so they drop exactly the same rows.
        let outcomeDesign = try DesignMatrix.build(
            Formula.parse("\(outcome) ~ \(rhs)"), data: data,
            options: DesignOptions(requiredColumns: [treatment]))
        let selectionDesign = try DesignMatrix.build(
            Formula.parse("\(treatment) ~ \(rhs)"), data: data,
            options: DesignOptions(requiredColumns: [outcome]))
        precondition(outcomeDesign.rowIndices == selectionDesign.rowIndices, "Designs must use the same rows")
        let treated = selectionDesign.y.map { $0 == 1 }
        let k = outcomeDesign.columnCount
        let treatedRows = treated.filter { $0 }.count
        for (arm, rows) in [(1, treatedRows), (0, treated.count - treatedRows)] where rows < k + 1 {
            throw ControlGroupError.armTooSmall(column: treatment, arm: arm, rows: rows, needed: k + 1)
        }
        let fit: BinaryResponseFit
        do {
            fit = try BinaryResponseModel.fit(design: selectionDesign, link: .logit)
        } catch let error as BinaryResponseError {
            throw ControlGroupError.propensityModel(error)
        }
        if !fit.droppedColumns.isEmpty {
            throw ControlGroupError.collinearCovariates(columns: fit.droppedColumns)
        }
        let p = fit.fittedProbabilities
        // 1e-12 from either end: the weights 1/p and 1/(1 − p) would exceed 1e12 and swamp the sums.
        let boundary = p.filter { $0 < 1e-12 || $0 > 1 - 1e-12 }.count
        if boundary > 0 {
            throw ControlGroupError.propensityAtBoundary(
                rows: boundary, minimum: p.min() ?? .nan, maximum: p.max() ?? .nan)
        }
        self.outcomeName = outcome
        self.treatmentName = treatment
        self.columnNames = outcomeDesign.columnNames
        self.outcome = outcomeDesign.y
        self.treated = treated
        self.covariates = outcomeDesign.x
        self.propensityFit = fit
        self.observations = outcomeDesign.account
    }

    /// Throws unless every non-missing value of `column` is 0 or 1.
    static func checkBinary(_ column: Column) throws {
        var bad = Set<String>()
        if case .categorical = column.values {
            for i in 0..<column.count where !column.isMissing(i) { bad.insert(column.text(at: i)) }
        } else if let values = column.numericValues() {
            for (i, v) in values.enumerated() where !column.isMissing(i) && v != 0 && v != 1 {
                bad.insert(column.text(at: i))
            }
        }
        if !bad.isEmpty {
            throw ControlGroupError.treatmentNotBinary(column: column.name, values: Array(bad.sorted().prefix(5)))
        }
    }

    /// Rows of one arm.
    func rows(treated arm: Bool) -> [Int] { treated.indices.filter { treated[$0] == arm } }

    /// Warnings about extreme propensity scores: outside [0.01, 0.99] statsmodels' GMM step clips
    /// them (its SEs then differ from ours), and a few units carry most of the weight.
    var propensityWarnings: [String] {
        let extreme = propensityScores.filter { $0 < 0.01 || $0 > 0.99 }.count
        guard extreme > 0 else { return [] }
        return [
            "\(extreme) propensity score\(extreme == 1 ? " lies" : "s lie") outside [0.01, 0.99]: their inverse weights "
                + "exceed 100, so few units dominate the weighted estimates. Check overlap (the balance table's "
                + "effective sample sizes) and consider trimming to common support."
        ]
    }
}
