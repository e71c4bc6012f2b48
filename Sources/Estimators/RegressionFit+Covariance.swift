import DataFrameModule
import Inference
import LinearAlgebra

extension RegressionFit {
    /// The same fit with another covariance, without refitting: the kept design, residuals,
    /// weights and bread `(XᵀWX)⁻¹` are reused (statsmodels `get_robustcov_results`).
    ///
    /// Clustering by a variable that is missing in some of the rows used throws
    /// `EstimationError.missingClusterIDs`: dropping them would change the fit, so refit instead.
    public func with(covariance: CovarianceType) throws -> RegressionFit {
        let (estimate, test) = try LinearRegression.inference(core: core, covariance: covariance)
        return RegressionFit(
            formula: formula, columnNames: columnNames, coefficients: coefficients, droppedColumns: droppedColumns,
            keptColumns: keptColumns, rank: rank, n: n, dfResidual: dfResidual, isWeighted: isWeighted,
            hasConstant: hasConstant, rSquared: rSquared, adjustedRSquared: adjustedRSquared, modelTest: test,
            residuals: residuals, fittedValues: fittedValues, covarianceEstimate: estimate, observations: observations,
            fitWarnings: fitWarnings, core: core)
    }
}

extension FitCore {
    /// Dense cluster codes over the rows used for every cluster variable of `type`.
    func clusterVariables(for type: CovarianceType) throws -> [ClusterVariable] {
        try type.clusterVariables.map { name in
            switch clusterSource {
            case .codes(let supplied):
                guard let codes = supplied[name] else {
                    throw EstimationError.clusterCodesNotSupplied(name: name, available: Array(supplied.keys))
                }
                return try ClusterVariable(name: name, codes: codes)
            case .frame(let frame, let rows):
                guard let column = frame[name] else {
                    throw EstimationError.columnNotFound(
                        name: name,
                        suggestion: closestName(to: name, among: frame.columnNames))
                }
                let codes = rows.map { ClusterCoding.codes(column, rows: $0) }
                    ?? ClusterCoding.codes(column, rows: 0..<frame.rowCount)
                let missing = codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
                if missing > 0 { throw EstimationError.missingClusterIDs(column: name, rows: missing) }
                return try ClusterVariable(name: name, codes: codes)
            }
        }
    }
}
