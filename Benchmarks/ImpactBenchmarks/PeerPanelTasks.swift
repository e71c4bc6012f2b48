import DataFrameModule
import Estimators
import Foundation
import Inference

/// The peer harness's tasks on its generated panel (`../shared/bench/peers/gen_panel.py`), so our
/// figures sit beside pyfixest's and statsmodels' from the same data: T6 (CSV read), T1 (OLS
/// `sales ~ trained + tenure + C(region)` with CR1 by team) and T2 (TWFE `sales ~ trained |
/// employee_id + month` with CR1 by team), compute time excluding the file read.
enum PeerPanelTasks {
    static func run(path: String, repeats: Int) throws {
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        var panel: DataFrame?
        let readSeconds = try Stopwatch.best(of: repeats) { panel = try DataFrame.readCSV(path: path) }
        guard let panel else { return }
        print("peer_T6_csv_read,\(String(format: "%.4f", readSeconds)),s,\(panel.rowCount) rows \(String(format: "%.0f", bytes / 1e6 / readSeconds)) MB/s")
        let covariance = CovarianceType.clustered(by: ["team_id"])
        var estimate = Double.nan, standardError = Double.nan
        let t1 = try Stopwatch.best(of: repeats) {
            let fit = try LinearRegression.fit("sales ~ trained + tenure + C(region)", data: panel, covariance: covariance)
            estimate = fit.coefficient("trained") ?? .nan
            standardError = fit.coefficientTable(level: 0.95)["trained"]?.standardError ?? .nan
        }
        print("peer_T1_ols_cr1,\(String(format: "%.4f", t1)),s,trained = \(estimate) (SE \(standardError))")
        let t2 = try Stopwatch.best(of: repeats) {
            let fit = try LinearRegression.fit("sales ~ trained | employee_id + month", data: panel, covariance: covariance)
            estimate = fit.coefficient("trained") ?? .nan
            standardError = fit.coefficientTable(level: 0.95)["trained"]?.standardError ?? .nan
        }
        print("peer_T2_twfe_cr1,\(String(format: "%.4f", t2)),s,trained = \(estimate) (SE \(standardError))")
    }
}
