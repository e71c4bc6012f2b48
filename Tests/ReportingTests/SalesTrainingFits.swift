import DataFrameModule
import Estimators
import Foundation
import Inference

/// The bundled sales-training panel (`datasets/sales-training/sales_training.csv`), read once.
let salesTrainingFrame: DataFrame = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let path = root.appendingPathComponent("datasets/sales-training/sales_training.csv").path
    do {
        return try DataFrame.readCSV(path: path)
    } catch {
        fatalError("Cannot read the bundled dataset at \(path): \(error)")
    }
}()

/// The three formulas of the comparison tests: the 2×2 DiD regression, the same with covariates
/// (new rows after the shared ones), and one with `trained` = `trained_team × post` added last, so
/// that `trained` is dropped as collinear.
let comparisonFormulas = [
    "sales ~ trained_team * post",
    "sales ~ tenure_months + trained_team * post + C(role)",
    "sales ~ trained_team * post + trained",
]

/// The fits of `comparisonFormulas`, CR1 clustered by team (G = 30).
func comparisonFits() throws -> [RegressionFit] {
    try comparisonFormulas.map {
        try LinearRegression.fit($0, data: salesTrainingFrame, covariance: .clustered(by: ["team_id"]))
    }
}
