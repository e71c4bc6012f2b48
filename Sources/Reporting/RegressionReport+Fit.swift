import Estimators
import Inference

/// Building a regression report from a fit.
extension RegressionReport {
    /// The report of `fit` with intervals at `level`; `weights` names the weight column, if any.
    /// Values are copied from the fit and its coefficient table; nothing is re-estimated.
    public init(fit: RegressionFit, weights: String? = nil, level: Double = 0.95) {
        let table = fit.coefficientTable(level: level)
        func value(_ x: Double, _ dropped: Bool) -> Double? { dropped || x.isNaN ? nil : x }
        let rows = table.rows.map { row in
            Coefficient(
                name: row.name, estimate: value(row.estimate, row.isDropped),
                standardError: value(row.standardError, row.isDropped), statistic: value(row.statistic, row.isDropped),
                pValue: value(row.pValue, row.isDropped), lower: value(row.lower, row.isDropped),
                upper: value(row.upper, row.isDropped), dropped: row.isDropped)
        }
        let f = fit.modelTest.map {
            FTest(
                statistic: $0.fStatistic, numeratorDF: $0.numeratorDegreesOfFreedom,
                denominatorDF: $0.denominatorDegreesOfFreedom, pValue: $0.fPValue)
        }
        self.init(
            formula: fit.formula.text, weights: weights, totalRows: fit.observations.totalRows,
            usedRows: fit.observations.usedRows,
            dropped: fit.observations.dropped.map { DroppedRowCount(reason: $0.reason.description, count: $0.count) },
            covariance: fit.covarianceLabel, inferenceDF: fit.inferenceDegreesOfFreedom, clusters: fit.clusterCounts,
            rank: fit.rank, dfResidual: fit.dfResidual, rSquared: fit.rSquared, adjustedRSquared: fit.adjustedRSquared,
            fTest: f, level: level, coefficients: rows, warnings: fit.warnings)
    }
}
