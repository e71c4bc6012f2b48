import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec

/// The two-way fixed-effects event study: dynamic effects by event time with leads and lags, and a
/// joint pre-trend test.
///
/// Fits `y_it = α_i + λ_t + Σ_{k ∈ [−L, F], k ≠ ref} β_k · 1[t − cohort_i = k] + ε_it` by least
/// squares with the unit and period effects absorbed (`LinearRegression`, fixest `feols`), with a
/// CR1 covariance clustered by `cluster`. Relative times beyond the window are binned into the
/// endpoints or dropped; never-treated units have every indicator 0, so the comparison group is
/// the never-treated together with the not-yet-treated units (implicitly, through the period
/// effects). The pre-trend test is the Wald test of `β_k = 0` for all leads `k < 0, k ≠ ref`.
///
/// Matches pyfixest 0.60 `feols("y ~ i(rel, ref=-1) | unit + time", vcov={"CRV1": "cluster"})` on
/// the same binned `rel` (`datasets/reference/es_staggered.json`, estimates and SEs to 1e-8);
/// pyfixest follows fixest's `feols(y ~ i(rel, ref = -1) | unit + time, cluster = ~cluster)`
/// conventions, which are not checked against R here. With effects that differ across cohorts the
/// β_k mix effects with possibly negative weights and leads can be contaminated by lags (Sun &
/// Abraham 2021; Borusyak, Jaravel & Spiess 2024); with homogeneous effects they recover the path.
public enum EventStudy {
    /// Estimates the event study on `data` (a unit × period panel, one row per unit and period).
    ///
    /// - Throws: `EventStudyError` (non-integer periods, a cohort outside the panel, a cohort that
    ///   varies within a unit, no treated units, no comparison units, an empty event time,
    ///   unidentified event times), `EstimationError` (unknown or non-numeric column),
    ///   `ModelSpecError`, `InferenceError` (e.g. one cluster), `FixedEffectsError`, `LinearAlgebraError`.
    public static func estimate(_ spec: EventStudySpecification, data: DataFrame) throws -> EventStudyResult {
        for name in [spec.outcome, spec.unit, spec.time, spec.cohort, spec.cluster] {
            _ = try DiD2x2.requireColumn(name, in: data)
        }
        let panel = try EventStudyPanel(spec, data: data)
        let formula = try Formula.parse(
            "\(DiD2x2.quoted(spec.outcome)) ~ \(panel.indicatorNames.map(DiD2x2.quoted).joined(separator: " + "))"
                + " | \(DiD2x2.quoted(spec.unit)) + \(DiD2x2.quoted(spec.time))")
        var options = DesignOptions()
        options.requiredColumns = [spec.cluster]
        options.dropSingletons = spec.absorption.dropSingletons
        let design = try DesignMatrix.build(formula, data: panel.frame, options: options)

        let sample = try checkSample(panel, rows: design.rowIndices, spec: spec)
        let regression = try LinearRegression.estimate(
            design, clusterSource: .frame(panel.frame, rows: design.rowIndices), covariance: spec.covariance,
            absorption: spec.absorption)
        let unidentified = zip(spec.estimatedEventTimes, panel.indicatorNames).filter {
            regression.droppedColumns.contains($0.1)
        }
        if !unidentified.isEmpty { throw EventStudyError.eventTimesNotIdentified(eventTimes: unidentified.map(\.0)) }

        let table = regression.coefficientTable(level: spec.level)
        var estimates: [EventTimeEstimate] = []
        for k in spec.window {
            let count = sample.counts[k, default: 0]
            if k == spec.referencePeriod {
                estimates.append(.reference(eventTime: k, observations: count))
                continue
            }
            let name = panel.indicatorNames[spec.estimatedEventTimes.firstIndex(of: k)!]
            let row = table[name]!
            estimates.append(
                EventTimeEstimate(
                    eventTime: k, estimate: row.estimate, standardError: row.standardError, statistic: row.statistic,
                    pValue: row.pValue, lower: row.lower, upper: row.upper, observations: count))
        }
        let leadNames = spec.testedLeads.map { panel.indicatorNames[spec.estimatedEventTimes.firstIndex(of: $0)!] }
        let preTrend = try leadNames.isEmpty ? nil : regression.waldTest(zero: leadNames)
        return EventStudyResult(
            specification: spec, eventTimes: estimates, covariance: regression.covariance, preTrendTest: preTrend,
            regression: regression, rowsOutsideWindow: panel.rowsOutsideWindow, treatedUnits: sample.treatedUnits,
            neverTreatedUnits: sample.neverTreatedUnits, cohorts: sample.cohorts)
    }

    /// What the estimation sample holds, after checking that every event time has observations
    /// and that there is a comparison.
    struct Sample {
        /// Treated rows per (binned) event time.
        var counts: [Int: Int] = [:]
        var treatedUnits = 0
        var neverTreatedUnits = 0
        /// The distinct cohorts, sorted.
        var cohorts: [Int] = []
    }

    /// Counts the sample's units and event times; throws `noTreatedUnits`, `noComparisonUnits` or
    /// `emptyEventTime`.
    static func checkSample(_ panel: EventStudyPanel, rows: [Int], spec: EventStudySpecification) throws -> Sample {
        var sample = Sample()
        var treated = Set<String>()
        var never = Set<String>()
        var cohorts = Set<Int>()
        for i in rows {
            if let k = panel.relativeTime[i] { sample.counts[k, default: 0] += 1 }
            guard let key = panel.unitKey[i] else { continue }
            if let c = panel.cohort[i] {
                treated.insert(key)
                cohorts.insert(c)
            } else {
                never.insert(key)
            }
        }
        sample.treatedUnits = treated.count
        sample.neverTreatedUnits = never.count
        sample.cohorts = cohorts.sorted()
        guard !treated.isEmpty else { throw EventStudyError.noTreatedUnits(cohort: spec.cohort) }
        // Without never-treated units, a second cohort supplies not-yet-treated comparisons.
        if never.isEmpty && cohorts.count == 1 { throw EventStudyError.noComparisonUnits(cohort: cohorts.first!) }
        for k in spec.window where sample.counts[k, default: 0] == 0 {
            throw EventStudyError.emptyEventTime(
                eventTime: k, window: spec.window, isReference: k == spec.referencePeriod)
        }
        return sample
    }
}
