import DataFrameModule
import Estimators
import Foundation
import Inference

/// The peer harness's tasks on its generated panel (`../shared/bench/peers/gen_panel.py`), so our
/// figures sit beside pyfixest's, statsmodels', wildboottest's and csdid's from the same data: T6
/// (CSV read), T1 (OLS `sales ~ trained + tenure + C(region)` with CR1 by team), T2 (TWFE `sales ~
/// trained | employee_id + month` with CR1 by team), T5 (its wild cluster bootstrap, 9,999
/// replicates), T7 (Callaway–Sant'Anna ATT(g,t) with analytic SEs and the simple and dynamic
/// aggregations) and T8 (TWFE, Callaway–Sant'Anna, Sun–Abraham and imputation side by side);
/// compute time excluding the file read.
enum PeerPanelTasks {
    /// With `measureMemory`, only the fits' peak memory is measured, in a process that has done
    /// nothing else: a fixed mmap threshold (which would slow the timings) maps every large array on
    /// its own, so freed memory leaves the resident set and a fit's peak is not hidden in recycled
    /// heap pages (glibc otherwise raises the threshold after the first large frees).
    static func run(path: String, repeats: Int, measureMemory: Bool = false) throws {
        if measureMemory { _ = glibcMallopt(-3, 128 * 1024) }  // -3 = M_MMAP_THRESHOLD (glibc malloc.h)
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        var panel: DataFrame?
        let readSeconds = try Stopwatch.best(of: repeats) { panel = try DataFrame.readCSV(path: path) }
        guard let panel else { return }
        if measureMemory {
            try memory(panel: panel, formula: "sales ~ trained + tenure + C(region)", designColumns: 8, label: "T1")
            try memory(panel: panel, formula: "sales ~ trained | employee_id + month", designColumns: 1, label: "T2")
            return
        }
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
        // T7: Callaway–Sant'Anna, unconditional, never-treated controls, analytic SEs by unit, then the
        // simple and dynamic aggregations (the same task as Benchmarks/peers/csdid_peer.py).
        let t7 = try Stopwatch.best(of: repeats) {
            let staggered = try StaggeredPanel(data: panel, outcome: "sales", unit: "employee_id", time: "month", cohort: "cohort")
            let result = try CallawaySantAnna.estimate(staggered)
            let simple = result.aggregate(.simple)
            _ = result.aggregate(.dynamic)
            estimate = simple.overall
            standardError = simple.overallStandardError ?? .nan
        }
        print("peer_T7_callaway_santanna,\(String(format: "%.4f", t7)),s,simple ATT = \(estimate) (SE \(standardError))")
        // T5: wild cluster bootstrap (WCR, Rademacher, 9,999 replicates) of the TWFE coefficient, by team.
        var pValue = Double.nan
        let t5 = try Stopwatch.best(of: repeats) {
            let result = try LinearRegression.wildClusterBootstrap(
                "sales ~ trained | employee_id + month", data: panel, cluster: "team_id", coefficient: "trained",
                replicates: 9_999, seed: 20_261_123)
            pValue = result.pValue
            estimate = result.tStatistic
        }
        print("peer_T5_wild_cluster_bootstrap,\(String(format: "%.4f", t5)),s,9,999 replicates, t = \(estimate), p = \(pValue)")
        // T8: the side-by-side run of TWFE (static + event study), Callaway–Sant'Anna, Sun–Abraham and
        // imputation on the same panel, clustered by team, event window −4…4.
        let spec = StaggeredComparisonSpecification(
            outcome: "sales", unit: "employee_id", time: "month", cohort: "cohort", cluster: "team_id", window: -4...4)
        var parts: [String] = []
        var t8 = 0.0
        for estimator in StaggeredEstimator.allCases {
            var overall = Double.nan
            let seconds = try Stopwatch.best(of: max(1, repeats / 2)) {
                overall = StaggeredComparison.run(spec, data: panel, estimators: [estimator]).rows[0].overall?.estimate ?? .nan
            }
            t8 += seconds
            parts.append("\(estimator.rawValue) \(String(format: "%.3f", overall)) in \(String(format: "%.2f", seconds)) s")
        }
        let summary = parts.joined(separator: "; ")
        print("peer_T8_side_by_side,\(String(format: "%.4f", t8)),s,\(summary)")
    }

    /// Peak memory of one fit above the resident set before it, against the size of the numeric
    /// design (N × (k + 1) doubles: the regressors and the outcome).
    static func memory(panel: DataFrame, formula: String, designColumns k: Int, label: String) throws {
        guard PeakMemory.reset() else { return }
        let before = PeakMemory.residentBytes()
        _ = try LinearRegression.fit(formula, data: panel, covariance: .clustered(by: ["team_id"]))
        let extra = PeakMemory.peakBytes() - before
        let design = Double(panel.rowCount * (k + 1) * 8)
        print("peer_\(label)_fit_peak_memory,\(String(format: "%.0f", extra / 1_048_576)),MiB,\(String(format: "%.2f", extra / design))× the \(panel.rowCount) × \(k + 1) numeric design (\(String(format: "%.0f", design / 1_048_576)) MiB)")
    }
}
