import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec

/// The Sun & Abraham (2021) interaction-weighted (IW) event study: cohort-specific effects from a
/// saturated regression, averaged over cohorts with their sample shares.
///
/// Step 1 fits, with the unit and period effects absorbed (`LinearRegression`, fixest `feols`),
///
///     y_it = α_i + λ_t + Σ_{g ∉ C} Σ_{k ≠ ref} δ_gk · 1[G_i = g, t − g = k] + x_itᵀβ + ε_it,
///
/// C the control cohort (the never-treated units, else the last-treated cohort with every period
/// from its start dropped), x_it the optional covariates; δ_gk is cohort g's effect k periods
/// after treatment relative to k = ref (CATT_{g,k}, Sun & Abraham 2021, eq. 10). Step 2 aggregates (eq. 12)
///
///     ν_k = Σ_g w_gk δ_gk,   w_gk = n_gk / Σ_g' n_g'k,
///
/// with n_gk the cohort's observations at relative period k in the estimation sample (the cohort
/// share, taken as known: fixest `aggregate(fit, "period")` uses the column sums of the
/// indicators), and the overall ATT as the same average over every cell with k ≥ 0 (fixest
/// `sunab(att = TRUE)`). Standard errors by the delta method, `Var(Wδ) = W V Wᵀ`, V the CR1
/// covariance of δ clustered by `cluster`; t tests and intervals with the covariance's df (G − 1).
/// The pre-trend test is the joint Wald test of every lead ν_k = 0 (k < 0).
///
/// Matches pyfixest 0.60 `feols` on the saturated design aggregated as fixest does, and
/// `pf.event_study(..., estimator="saturated").aggregate("period")`
/// (`datasets/reference/sunab_staggered.json`, 1e-8). Unlike the TWFE event study, each ν_k only
/// averages cohort effects at that k, so heterogeneous effects do not contaminate it (Sun & Abraham
/// 2021, Prop. 3); it still needs parallel trends with the control cohort and no anticipation.
public enum SunAbraham {
    /// Estimates the interaction-weighted event study on `data` (one row per unit and period).
    ///
    /// - Throws: `SunAbrahamError` (no treated cohort, no control cohort, cohorts without the
    ///   reference period, unidentified cells), `EventStudyError` (non-integer periods, a cohort
    ///   that varies within a unit), `EstimationError` (unknown or non-numeric column),
    ///   `ModelSpecError`, `InferenceError` (e.g. one cluster), `FixedEffectsError`, `LinearAlgebraError`.
    public static func estimate(_ spec: SunAbrahamSpecification, data: DataFrame) throws -> SunAbrahamResult {
        for name in [spec.outcome, spec.unit, spec.time, spec.cohort, spec.cluster] + spec.covariates {
            _ = try DiD2x2.requireColumn(name, in: data)
        }
        let panel = try SunAbrahamPanel(spec, data: data)
        var design = try buildDesign(spec, columns: panel.columnNames, frame: panel.frame)
        let rows = design.rowIndices

        // Observations per cell in the estimation sample: the aggregation weights.
        var counts: [SunAbrahamCell: Int] = [:]
        var units = Set<String>()
        for i in rows {
            if let cell = panel.cellOfRow[i] { counts[cell, default: 0] += 1 }
            if panel.cellOfRow[i] != nil, let key = panel.unitKey[i] { units.insert(key) }
        }
        // A cell whose rows all left the sample (e.g. missing outcomes) has no support: its
        // all-zero indicator is left out rather than reported as collinear. The indicators are
        // never missing, so the rebuilt design keeps the same rows.
        let supported = panel.cells.indices.filter { counts[panel.cells[$0], default: 0] > 0 }
        guard !supported.isEmpty else { throw SunAbrahamError.noEffectCells(referencePeriod: spec.referencePeriod) }
        if supported.count < panel.cells.count {
            design = try buildDesign(spec, columns: supported.map { panel.columnNames[$0] }, frame: panel.frame)
        }
        let regression = try LinearRegression.estimate(
            design, clusterSource: .frame(panel.frame, rows: rows), covariance: spec.covariance,
            absorption: spec.absorption)
        let unidentified = supported.filter { regression.droppedColumns.contains(panel.columnNames[$0]) }
        if !unidentified.isEmpty {
            throw SunAbrahamError.cellsNotIdentified(cells: unidentified.map { panel.cells[$0] })
        }
        let cells = supported.map { panel.cells[$0] }
        let names = supported.map { panel.columnNames[$0] }
        let observations = cells.map { counts[$0]! }
        let aggregation = try aggregate(
            regression: regression, cells: cells, names: names, observations: observations, level: spec.level)

        let table = regression.coefficientTable(level: spec.level)
        let cohortEffects = cells.indices.map { j -> SunAbrahamCohortEffect in
            let row = table[names[j]]!
            return SunAbrahamCohortEffect(
                cell: cells[j], coefficientName: names[j], estimate: row.estimate, standardError: row.standardError,
                statistic: row.statistic, pValue: row.pValue, lower: row.lower, upper: row.upper,
                observations: observations[j], weight: aggregation.weights[j])
        }
        let estimatedTimes = Set(cells.map(\.eventTime))
        let referenceRows = counts.filter { $0.key.eventTime == spec.referencePeriod }.values.reduce(0, +)
        var eventTimes = aggregation.eventTimes
        let at = eventTimes.firstIndex { $0.eventTime > spec.referencePeriod } ?? eventTimes.endIndex
        eventTimes.insert(.reference(eventTime: spec.referencePeriod, observations: referenceRows), at: at)
        return SunAbrahamResult(
            specification: spec, eventTimes: eventTimes, covariance: aggregation.covariance, att: aggregation.att,
            cohortEffects: cohortEffects, cohortCovariance: aggregation.cellCovariance,
            preTrendTest: aggregation.preTrendTest, regression: regression,
            control: panel.control, treatedUnits: units.count, alwaysTreatedCohorts: panel.alwaysTreatedCohorts,
            alwaysTreatedRows: panel.alwaysTreatedRows, rowsOutsideWindow: panel.rowsOutsideWindow,
            unsupportedEventTimes: panel.requestedEventTimes.filter { !estimatedTimes.contains($0) },
            unsupportedCells: panel.cells.count - cells.count)
    }

    /// The design `outcome ~ covariates + columns | unit + time` on `frame`, with the cluster
    /// column required.
    static func buildDesign(_ spec: SunAbrahamSpecification, columns: [String], frame: DataFrame) throws -> DesignMatrix {
        let formula = try Formula.parse(
            "\(DiD2x2.quoted(spec.outcome)) ~ \((spec.covariates + columns).map(DiD2x2.quoted).joined(separator: " + "))"
                + " | \(DiD2x2.quoted(spec.unit)) + \(DiD2x2.quoted(spec.time))")
        var options = DesignOptions()
        options.requiredColumns = [spec.cluster]
        options.dropSingletons = spec.absorption.dropSingletons
        return try DesignMatrix.build(formula, data: frame, options: options)
    }

    /// The aggregates of the cell estimates: per event time and overall.
    struct Aggregation {
        /// Estimated event times (reference excluded), ascending.
        var eventTimes: [EventTimeEstimate]
        /// `W V Wᵀ`, aligned with `eventTimes`.
        var covariance: Matrix
        /// w_gk per cell (its share at its event time).
        var weights: [Double]
        /// The ATT over the cells with k ≥ 0; `nil` without such a cell.
        var att: LinearCombination?
        /// Covariance of the cell estimates, aligned with the cells.
        var cellCovariance: Matrix
        /// Joint Wald test that every lead ν_k (k < 0) is 0; `nil` without a lead.
        var preTrendTest: WaldTest?
    }

    /// ν_k = Σ_g w_gk δ_gk with w_gk = n_gk / Σ_g' n_g'k, the ATT over k ≥ 0, and `W V Wᵀ`.
    static func aggregate(
        regression: RegressionFit, cells: [SunAbrahamCell], names: [String], observations: [Int], level: Double
    ) throws -> Aggregation {
        let times = Array(Set(cells.map(\.eventTime))).sorted()
        var totals: [Int: Int] = [:]
        for (cell, n) in zip(cells, observations) { totals[cell.eventTime, default: 0] += n }
        let weights = zip(cells, observations).map { Double($1) / Double(totals[$0.eventTime]!) }

        // Each cell's position among the kept coefficients (every cell is kept: checked above).
        let kept = regression.keptColumns.map { regression.columnNames[$0] }
        let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        let p = names.map { position[$0]! }
        let v = regression.covariance
        var cellCovariance = Matrix(rows: cells.count, columns: cells.count)
        for a in cells.indices { for b in cells.indices { cellCovariance[a, b] = v[p[a], p[b]] } }

        var estimates: [EventTimeEstimate] = []
        var leads: [[String: Double]] = []
        var w = Matrix(rows: times.count, columns: cells.count)
        for (r, k) in times.enumerated() {
            var combination: [String: Double] = [:]
            for j in cells.indices where cells[j].eventTime == k {
                combination[names[j]] = weights[j]
                w[r, j] = weights[j]
            }
            if k < 0 { leads.append(combination) }
            let lc = try regression.linearCombination(weights: combination, level: level)
            estimates.append(
                EventTimeEstimate(
                    eventTime: k, estimate: lc.estimate, standardError: lc.standardError, statistic: lc.statistic,
                    pValue: lc.pValue, lower: lc.lower, upper: lc.upper, observations: totals[k]!))
        }
        // Var(ν) = W V_δ Wᵀ (the delta method is exact: ν is linear in δ).
        let covariance = w * cellCovariance * w.transposed

        let post = cells.indices.filter { cells[$0].eventTime >= 0 }
        let postTotal = post.reduce(0) { $0 + observations[$1] }
        var att: LinearCombination?
        if postTotal > 0 {
            // fixest `sunab(att = TRUE)`: every post-treatment cell weighted by its observations.
            let combination = Dictionary(
                uniqueKeysWithValues: post.map { (names[$0], Double(observations[$0]) / Double(postTotal)) })
            att = try regression.linearCombination(weights: combination, level: level)
        }
        // The leads' joint test: χ² = ν̂_Lᵀ (W_L V W_Lᵀ)⁻¹ ν̂_L, F = χ²/q with (q, G − 1) df.
        let preTrend = try leads.isEmpty ? nil : regression.waldTest(combinations: leads)
        return Aggregation(
            eventTimes: estimates, covariance: covariance, weights: weights, att: att, cellCovariance: cellCovariance,
            preTrendTest: preTrend)
    }
}
