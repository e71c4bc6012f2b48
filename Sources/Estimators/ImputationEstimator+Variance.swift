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
}
