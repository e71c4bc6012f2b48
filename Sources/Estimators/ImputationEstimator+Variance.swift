import DataFrameModule
import Inference
import LinearAlgebra

extension ImputationEstimator {
    /// The residuals ε̃ of BJS Theorem 3: the first-stage residual on untreated rows and
    /// `τ̂_it − τ̃_it` on imputable treated rows (0 elsewhere; those rows carry no weight).
    ///
    /// τ̃ averages τ̂ over the row's cohort × event-time cell (BJS 2024 §4.3, default groups of
    /// Stata `did_imputation`'s `avgeffectsby(Ei t)`). R `didimputation` weights the average by
    /// v²; the estimands here weight every treated row of a cell equally, so that is the plain
    /// mean. The leave-out version drops the row's own cluster from the average.
    static func varianceResiduals(
        _ panel: Panel, residual: [Double], averaging: Averaging
    ) throws -> [Double] {
        struct Cell: Hashable {
            let cohort: Int
            let eventTime: Int
        }
        var cells: [Cell: [Int]] = [:]
        for r in 0..<panel.rowCount where panel.imputable[r] {
            cells[Cell(cohort: panel.cohort[r]!, eventTime: panel.eventTime(r)!), default: []].append(r)
        }
        var centred = residual
        // Sorted, so that the first single-cluster cell reported does not depend on hashing.
        for cell in cells.keys.sorted(by: { ($0.cohort, $0.eventTime) < ($1.cohort, $1.eventTime) }) {
            let rows = cells[cell]!
            let total = rows.reduce(0) { $0 + residual[$1] }
            switch averaging {
            case .cohortEventTime:
                let mean = total / Double(rows.count)
                for r in rows { centred[r] = residual[r] - mean }
            case .leaveOutCohortEventTime:
                var clusterSum: [Int: (sum: Double, count: Int)] = [:]
                for r in rows {
                    let old = clusterSum[panel.cluster[r]] ?? (0, 0)
                    clusterSum[panel.cluster[r]] = (old.sum + residual[r], old.count + 1)
                }
                guard clusterSum.count >= 2 else {
                    throw ImputationEstimatorError.singleClusterCell(cohort: cell.cohort, eventTime: cell.eventTime)
                }
                for r in rows {
                    let own = clusterSum[panel.cluster[r]]!
                    centred[r] = residual[r] - (total - own.sum) / Double(rows.count - own.count)
                }
            }
        }
        return centred
    }

    /// `V = Σ_c s_c s_c'` with `s_c[e] = Σ_{r ∈ c} v^e_r ε̃_r` for the estimands e (BJS Theorem 3,
    /// eq. 8, stacked so the off-diagonal entries give the joint covariance; no small-sample factor,
    /// as BJS, `didimputation` and `did_imputation`).
    static func clusteredCovariance(_ panel: Panel, weights: [[Double]], residual: [Double]) -> Matrix {
        let e = weights.count
        var scores = Matrix(rows: panel.clusterCount, columns: e)
        for (k, v) in weights.enumerated() {
            for r in 0..<panel.rowCount where v[r] != 0 { scores[panel.cluster[r], k] += v[r] * residual[r] }
        }
        return scores.gram()
    }

    /// BJS (2024) §4.4 Test 1: regress the outcome of the untreated observations on indicators of
    /// event times −a−1 … −a−K plus the unit and period effects and covariates, with CR1 clustered
    /// by the specification's cluster, and test the leads jointly (pyfixest 0.60
    /// `feols("y ~ pre1 + … + preK + x | unit + time", vcov={"CRV1": cluster})` and
    /// `wald_test`; Stata `did_imputation, pretrends(K)`). Unaffected by the effect estimates.
    ///
    /// `preJ` marks event time −a−J; leads without observations, or collinear with the fixed
    /// effects, are left out of the test. Returns `nil` when no lead remains.
    static func preTrend(
        _ spec: Specification, data: DataFrame, panel: Panel
    ) throws -> (fit: RegressionFit, test: WaldTest, eventTimes: [Int])? {
        let untreated = (0..<panel.rowCount).filter { !panel.treated[$0] }
        var columns = data.taking(rows: untreated.map { panel.sourceRows[$0] }).columns
        var leads: [(name: String, eventTime: Int)] = []
        for (j, k) in spec.preTrendEventTimes.enumerated() {
            let values = untreated.map { panel.eventTime($0) == k ? 1.0 : 0.0 }
            guard values.contains(1) else { continue }
            var name = "pre\(j + 1)"
            while data[name] != nil { name = "_" + name }
            leads.append((name, k))
            columns.append(
                Column(name: name, values: .double(values, missing: [Bool](repeating: false, count: values.count))))
        }
        guard !leads.isEmpty else { return nil }
        let rhs = (leads.map(\.name) + spec.covariates).map(DiD2x2.quoted).joined(separator: " + ")
        let formula = "\(DiD2x2.quoted(spec.outcome)) ~ \(rhs) | \(DiD2x2.quoted(spec.unit)) + \(DiD2x2.quoted(spec.time))"
        let fit = try LinearRegression.fit(
            formula, data: try DataFrame(columns: columns), covariance: .clustered(by: [spec.cluster], correction: .stata),
            absorption: spec.absorption)
        let tested = leads.filter { !fit.droppedColumns.contains($0.name) }
        guard !tested.isEmpty else { return nil }
        return (fit, try fit.waldTest(zero: tested.map(\.name)), tested.map(\.eventTime))
    }
}
