import DataFrameModule
import Distributions
import Inference
import LinearAlgebra

/// The imputation estimator of Borusyak, Jaravel & Spiess (2024) for staggered adoption.
///
/// 1. Fit `Y_it = α_i + λ_t + X_it'β + ε_it` by OLS on the untreated observations only (never
///    treated and not yet treated, `t < E_i − anticipation`).
/// 2. Impute `Ŷ_it(0) = α̂_i + λ̂_t + X_it'β̂` for every treated observation and form
///    `τ̂_it = Y_it − Ŷ_it(0)`.
/// 3. Average: the overall ATT weights every treated observation equally, the event-time ATT at h
///    every treated observation with `t − E_i = h` equally.
///
/// Each estimate is linear, `τ̂_w = Σ v_it Y_it` with `v = w` on treated and
/// `v = −Z_0 (Z_0'Z_0)⁻ Z_1'w` on untreated observations, and its variance is BJS Theorem 3's
/// conservative clustered estimator `Σ_c (Σ_{it∈c} v_it ε̃_it)²`, with ε̃ the first-stage residual
/// on untreated observations and `τ̂_it − τ̃_it` on treated ones (τ̃: `ImputationEstimator.Averaging`).
///
/// Point estimates match pyfixest 0.60 `did2s` (Gardner's two-stage estimator, numerically equal to
/// imputation for these aggregations) and standard errors an independent numpy implementation of
/// Theorem 3 (`datasets/reference/imputation.json`, 1e-8 relative); the averaging follows R
/// `didimputation` (Butts) and Stata `did_imputation` (Borusyak).
public enum ImputationEstimator {
    /// Estimates the overall and event-time ATTs on a long panel (one row per unit and period;
    /// unbalanced panels are fine).
    ///
    /// - Throws: `ImputationEstimatorError` (non-integer periods, cohort varying within a unit, no treated
    ///   or untreated observations, unimputable observations under `.fail`, collinear covariates,
    ///   single-cluster cells under leave-out averaging), `EstimationError` (unknown or non-numeric
    ///   column), and from the pre-trend regression `ModelSpecError`, `InferenceError`,
    ///   `FixedEffectsError`, `LinearAlgebraError`.
    public static func estimate(_ spec: Specification, data: DataFrame) throws -> Result {
        let panel = try Panel(spec, data: data)
        guard panel.treated.contains(true) else { throw ImputationEstimatorError.noTreatedObservations(cohort: spec.cohort) }
        guard panel.treated.contains(false) else { throw ImputationEstimatorError.noUntreatedObservations }
        let coverage = Self.coverage(panel)
        if coverage.total > 0 && spec.unimputable == .fail {
            // `coverage.units` lists units in order of first appearance.
            let example = coverage.units.first ?? ""
            throw ImputationEstimatorError.cannotImpute(
                observations: coverage.total, units: coverage.units.count, example: "e.g. unit '\(example)'")
        }
        let imputableRows = (0..<panel.rowCount).filter { panel.imputable[$0] }
        guard !imputableRows.isEmpty else {
            throw ImputationEstimatorError.nothingImputable(observations: panel.treated.filter { $0 }.count)
        }
        let stage = try FirstStage(panel, covariateNames: spec.covariates)
        // τ̂ on imputable treated rows, first-stage residuals on untreated rows, 0 elsewhere.
        var residual = [Double](repeating: 0, count: panel.rowCount)
        for r in 0..<panel.rowCount where !panel.treated[r] || panel.imputable[r] {
            residual[r] = panel.outcome[r] - stage.fitted(panel, row: r)
        }

        // Estimands: overall, then each event time −a … H with imputable rows.
        let observed = imputableRows.map { panel.eventTime($0)! }
        let horizon = spec.horizon ?? observed.max()!
        var estimandRows: [[Int]] = [imputableRows]
        var eventTimes: [Int] = []
        var empty: [Int] = []
        for h in -spec.anticipation...max(horizon, -spec.anticipation) {
            let rows = imputableRows.filter { panel.eventTime($0) == h }
            if rows.isEmpty {
                empty.append(h)
            } else {
                eventTimes.append(h)
                estimandRows.append(rows)
            }
        }
        let centred = try Self.varianceResiduals(panel, residual: residual, averaging: spec.averaging)
        // Cluster scores s_c[e] = Σ_{r ∈ c} v^e_r ε̃_r, one estimand at a time so that only one
        // weight vector is held.
        var scores = Matrix(rows: panel.clusterCount, columns: estimandRows.count)
        var w = [Double](repeating: 0, count: panel.rowCount)
        for (e, rows) in estimandRows.enumerated() {
            for r in rows { w[r] = 1 / Double(rows.count) }
            let v = stage.weights(panel, treatedWeights: w)
            for r in 0..<panel.rowCount where v[r] != 0 { scores[panel.cluster[r], e] += v[r] * centred[r] }
            for r in rows { w[r] = 0 }
        }
        // V = Σ_c s_c s_c' (BJS Theorem 3, eq. 8, stacked for the joint covariance; no small-sample
        // factor, as BJS, R didimputation and Stata did_imputation).
        let covariance = scores.gram()

        let normal = Normal()
        let critical = normal.quantile(1 - (1 - spec.level) / 2)
        func effect(_ e: Int, eventTime: Int?) -> Effect {
            let rows = estimandRows[e]
            let estimate = rows.reduce(0) { $0 + residual[$1] } / Double(rows.count)
            let se = covariance[e, e].squareRoot()
            let z = estimate / se
            return Effect(
                eventTime: eventTime, estimate: estimate, standardError: se, statistic: z,
                pValue: normal.twoSidedPValue(z), lower: estimate - critical * se, upper: estimate + critical * se,
                observations: rows.count)
        }
        var eventCovariance = Matrix(rows: eventTimes.count, columns: eventTimes.count)
        for j in eventTimes.indices {
            for i in eventTimes.indices { eventCovariance[i, j] = covariance[i + 1, j + 1] }
        }
        let preTrend = try spec.preTrendLeads > 0 ? Self.preTrend(spec, data: data, panel: panel) : nil
        return Result(
            specification: spec, overall: effect(0, eventTime: nil),
            eventTimes: eventTimes.indices.map { effect($0 + 1, eventTime: eventTimes[$0]) },
            emptyEventTimes: empty, covariance: eventCovariance,
            preTrendTest: preTrend?.test, preTrendRegression: preTrend?.fit,
            preTrendEventTimes: preTrend?.eventTimes ?? [], coverage: coverage,
            treatedEffects: imputableRows.map { (panel.sourceRows[$0], panel.eventTime($0)!, residual[$0]) },
            covariateCoefficients: stage.slopes, untreatedObservations: panel.treated.filter { !$0 }.count,
            treatedObservations: imputableRows.count, rowsWithMissingValues: panel.rowsWithMissingValues,
            clusterCount: panel.clusterCount)
    }

    /// Counts the unimputable treated rows by reason.
    static func coverage(_ panel: Panel) -> Coverage {
        var unitHas = [Bool](repeating: false, count: panel.unitIDs.count)
        var periodHas = [Bool](repeating: false, count: panel.periods.count)
        for r in 0..<panel.rowCount where !panel.treated[r] {
            unitHas[panel.unit[r]] = true
            periodHas[panel.period[r]] = true
        }
        var (noUnit, noPeriod, disconnected) = (0, 0, 0)
        var units = Set<Int>()
        for r in 0..<panel.rowCount where panel.treated[r] && !panel.imputable[r] {
            units.insert(panel.unit[r])
            // A row missing both counts once, under its unit.
            if !unitHas[panel.unit[r]] {
                noUnit += 1
            } else if !periodHas[panel.period[r]] {
                noPeriod += 1
            } else {
                disconnected += 1
            }
        }
        return Coverage(
            unitWithoutUntreated: noUnit, periodWithoutUntreated: noPeriod, disconnected: disconnected,
            units: units.sorted().map { panel.unitIDs[$0] })
    }
}
