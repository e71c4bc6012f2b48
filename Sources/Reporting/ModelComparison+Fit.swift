import Estimators
import Inference
import ModelSpec

/// Building a comparison from fitted regressions.
extension ModelComparison {
    /// The design-column name of the intercept (ModelSpec's `ColumnLayout` names it so, after
    /// patsy); its row goes first, as in `etable`, `modelsummary` and `esttab`.
    public static let interceptName = "Intercept"

    /// Fits side by side: one column per fit, one row per coefficient name.
    ///
    /// Every value is copied from `fit.coefficientTable(level:)` and the fit's statistics; only the
    /// stars are assigned here, from each p-value and `stars`. Rows are the union of the fits'
    /// column names in order of first appearance with the intercept first; a coefficient dropped as
    /// collinear gets a `dropped` cell, one that a model lacks gets `nil`. Fixed-effect rows come
    /// from `fit.formula.absorbed` (fixest `etable` prints them as "Yes" per model).
    ///
    /// - Parameters:
    ///   - titles: one column title per fit; default `(1)`, `(2)`, … (modelsummary, esttab).
    ///   - weights: the weight column shared by the weighted fits, if any (a fit does not record it).
    ///   - level: confidence level of the stored limits (the JSON carries them; the text shows SEs).
    public init(
        fits: [RegressionFit], titles: [String]? = nil, weights: String? = nil, level: Double = 0.95,
        stars: SignificanceStars = .conventional
    ) {
        precondition(!fits.isEmpty, "A comparison needs at least one fit")
        precondition(titles == nil || titles?.count == fits.count, "One title per fit")
        let names = titles ?? fits.indices.map { "(\($0 + 1))" }
        let tables = fits.map { $0.coefficientTable(level: level) }
        let models = zip(fits, names).map { fit, title in
            Model(
                title: title, formula: fit.formula.text, outcome: fit.formula.outcome, weighted: fit.isWeighted,
                weights: fit.isWeighted ? weights : nil, observations: fit.n, totalRows: fit.observations.totalRows,
                rSquared: fit.rSquared, adjustedRSquared: fit.adjustedRSquared,
                // RegressionFit records no within R² yet; a fit with absorbed effects will, and this
                // is where the column reads it. Until then the footer cell stays blank.
                withinRSquared: fit.withinRSquared,
                fixedEffects: fit.formula.absorbed, covariance: fit.covarianceLabel,
                inferenceDF: fit.inferenceDegreesOfFreedom,
                clusters: zip(fit.covarianceType.clusterVariables, fit.covarianceEstimate.clusterCounts).map {
                    ClusterCount(variable: $0, count: $1)
                },
                warnings: fit.warnings)
        }
        let rows = Self.orderedNames(tables.map { $0.rows.map(\.name) }).map { name in
            Row(name: name, cells: tables.map { table in table[name].map { Self.cell($0, stars: stars) } })
        }
        self.init(level: level, stars: stars, models: models, rows: rows)
    }

    /// The union of `names` in order of first appearance, with the intercept moved first.
    static func orderedNames(_ names: [[String]]) -> [String] {
        let all = union(names)
        guard let i = all.firstIndex(of: interceptName) else { return all }
        var ordered = all
        ordered.remove(at: i)
        return [interceptName] + ordered
    }

    /// A cell copied from a coefficient-table row, NaN read as absent (a dropped column).
    static func cell(_ row: CoefficientTable.Row, stars: SignificanceStars) -> Cell {
        guard !row.isDropped else { return .collinear }
        func value(_ x: Double) -> Double? { x.isNaN ? nil : x }
        return Cell(
            estimate: value(row.estimate), standardError: value(row.standardError), statistic: value(row.statistic),
            pValue: value(row.pValue), lower: value(row.lower), upper: value(row.upper),
            stars: stars.symbol(for: row.pValue), dropped: false)
    }
}
