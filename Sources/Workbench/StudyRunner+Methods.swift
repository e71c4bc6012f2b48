import Attribution
import DataFrameModule
import Estimators
import Foundation
import Inference

/// Building and running each isolation method a study names, through the Attribution adapters.
extension StudyRunner {
    /// Runs one method with and without the bootstrap; estimator errors become
    /// `StudyError.isolationFailed` at the method's key path.
    static func runMethod(
        _ spec: Study.IsolationSpec, study: Study, data: DataFrame, bootstrap: IsolationBootstrap,
        results: inout StudyEstimatorResults
    ) throws -> StudyMethodRun {
        do {
            return try runUnwrapped(spec, study: study, data: data, bootstrap: bootstrap, results: &results)
        } catch let error as StudyError {
            throw error
        } catch {
            throw StudyError.isolationFailed(
                study.location(of: spec.keyPath), method: spec.method.rawValue, problem: "\(error)")
        }
    }

    private static func runUnwrapped(
        _ spec: Study.IsolationSpec, study: Study, data: DataFrame, bootstrap: IsolationBootstrap,
        results: inout StudyEstimatorResults
    ) throws -> StudyMethodRun {
        let y = study.outcome
        let unit = study.panel.unit
        let time = study.panel.time
        let cluster = study.panel.cluster
        let level = study.bootstrap.level
        let method: any IsolationMethod
        let treatedPost: [Bool]?
        // Rows with an observed outcome, unless the design counts its own (the 2×2 fit, the series).
        var observations: Int? = numbers(data, y).filter { !$0.isNaN }.count
        switch spec.detail {
        case .did2x2(let design):
            let specification = specification(for: study, design: design)
            let did = try DiD2x2.estimate(specification, data: data)
            if results.did == nil { results.did = did }
            method = IsolationDiD2x2(specification: specification, data: data)
            let treated = indicator(data, design.treatedGroup)
            let post: [Bool]
            switch design.period {
            case .indicator(let column): post = indicator(data, column)
            case .treatmentStart(let start): post = numbers(data, time).map { $0 >= start.value }
            }
            treatedPost = zip(treated, post).map { $0 && $1 }
            observations = did.observations.usedRows
        case .twfe(let treatment):
            method = IsolationTWFE(outcome: y, treatment: treatment, unit: unit, time: time, cluster: cluster, data: data)
            treatedPost = indicator(data, treatment)
        case .callawaySantAnna(let timing, let controlGroup, let anticipation):
            let input: PanelInputTreatment
            switch timing {
            case .cohort(let c): input = .cohort(c)
            case .treatment(let t): input = .indicator(t)
            }
            let panel = try StaggeredPanel(data: data, outcome: y, unit: unit, time: time, treatment: input, cluster: cluster)
            let csSpec = CallawaySantAnnaSpecification(controlGroup: controlGroup, anticipation: anticipation)
            if results.callawaySantAnna == nil {
                results.callawaySantAnna = try CallawaySantAnna.estimate(panel, specification: csSpec)
            }
            method = IsolationCallawaySantAnna(panel: panel, specification: csSpec, kpi: y)
            switch timing {
            case .cohort(let c): treatedPost = cohortPost(data, cohort: c, time: time)
            case .treatment(let t): treatedPost = indicator(data, t)
            }
        case .sunAbraham(let cohort):
            let saSpec = SunAbrahamSpecification(outcome: y, unit: unit, time: time, cohort: cohort, cluster: cluster, level: level)
            if results.sunAbraham == nil { results.sunAbraham = try SunAbraham.estimate(saSpec, data: data) }
            method = IsolationSunAbraham(specification: saSpec, data: data)
            treatedPost = cohortPost(data, cohort: cohort, time: time)
        case .imputation(let cohort, let anticipation):
            let iSpec = ImputationEstimator.Specification(
                outcome: y, unit: unit, time: time, cohort: cohort, cluster: cluster, anticipation: anticipation, level: level)
            method = IsolationImputation(specification: iSpec, data: data)
            treatedPost = cohortPost(data, cohort: cohort, time: time)
        case .controlGroup(let treated, let covariates, let estimator):
            if case .matching(let matching) = estimator {
                // Not refit per replicate: IsolationMatching perturbs the linearised terms instead.
                method = IsolationMatching(
                    data: data, outcome: y, treatment: treated, covariates: covariates, specification: matching)
            } else if let comparison = estimator.comparisonMethod {
                method = IsolationControlGroup(
                    method: comparison, data: data, outcome: y, treatment: treated, covariates: covariates)
            } else {
                preconditionFailure("every control-group estimator but matching is a ControlGroupComparison method")
            }
            treatedPost = indicator(data, treated)
        case .interruptedTimeSeries(let group, let interruption):
            let rows = group.map { indicator(data, $0) } ?? [Bool](repeating: true, count: data.rowCount)
            let series = meanByPeriod(data, outcome: y, time: time, rows: rows)
            method = IsolationInterruptedTimeSeries(
                time: series.times, outcome: series.means,
                specification: InterruptedTimeSeriesSpecification(interruption: interruption.value, level: level), kpi: y)
            let after = numbers(data, time).map { $0 >= interruption.value }
            treatedPost = zip(rows, after).map { $0 && $1 }
            observations = series.times.count
        case .participantEstimates(let survey):
            return try runSurvey(spec, survey: survey, study: study, bootstrap: bootstrap)
        }
        let exposure = treatedPost.map { exposureCounts(data, rows: $0, unit: unit, outcome: y) }
        return StudyMethodRun(
            spec: spec, estimate: try method.isolate(bootstrap: bootstrap), analytic: try method.isolate(bootstrap: nil),
            treatedUnitsObservedPost: exposure?.units, periodsAfterTraining: spec.method == .controlGroup ? nil : exposure?.periods,
            observations: observations)
    }

    /// A participant survey read from its CSV; improvements are stated in the direction of benefit,
    /// so for a KPI that should decrease the effect on the outcome is their negative.
    static func runSurvey(
        _ spec: Study.IsolationSpec, survey: Study.Survey, study: Study, bootstrap: IsolationBootstrap
    ) throws -> StudyMethodRun {
        let frame = try DataFrame.readCSV(path: survey.path)
        let estimate = try ParticipantEstimate(
            kpi: study.outcome, frame: frame, improvement: survey.improvement, share: survey.share,
            confidence: survey.confidence, extremeMultiple: survey.extremeMultiple)
        let sign = study.direction == .increase ? 1.0 : -1.0
        return StudyMethodRun(
            spec: spec, estimate: oriented(try estimate.isolate(bootstrap: bootstrap), sign: sign),
            analytic: oriented(try estimate.isolate(bootstrap: nil), sign: sign),
            treatedUnitsObservedPost: estimate.participantCount, periodsAfterTraining: nil,
            observations: estimate.respondentCount, principles: estimate.principles)
    }

    /// `estimate` on the outcome's scale: unchanged for sign +1, negated (interval and replicates
    /// mirrored) for −1.
    static func oriented(_ estimate: IsolationEstimate, sign: Double) -> IsolationEstimate {
        guard sign < 0 else { return estimate }
        let replicates = estimate.replicates.map {
            BootstrapReplicates(
                replicates: $0.replicates, statisticCount: 1, values: $0.values.map { -$0 }, failed: $0.failed, seed: $0.seed,
                scheme: $0.scheme)
        }
        return IsolationEstimate(
            method: estimate.method, kpi: estimate.kpi, effect: -estimate.effect, standardError: estimate.standardError,
            lower: -estimate.upper, upper: -estimate.lower, level: estimate.level, inference: estimate.inference,
            replicates: replicates,
            notes: estimate.notes + ["Claimed improvements are reductions of the outcome (direction: decrease): the effect is their negative."])
    }

    /// The DiD specification of a 2×2 design: CR1 clustered by the study's cluster column.
    static func specification(for study: Study, design: Study.Design) -> DiD2x2Specification {
        let period: DiD2x2Specification.PostPeriod
        switch design.period {
        case .indicator(let column): period = .column(column)
        case .treatmentStart(let t): period = .treatmentStart(t.value)
        }
        return DiD2x2Specification(
            outcome: study.outcome, unit: study.panel.unit, time: study.panel.time, treatedGroup: design.treatedGroup,
            period: period, cluster: study.panel.cluster,
            covariance: .clustered(by: [study.panel.cluster], correction: .stata), level: study.bootstrap.level)
    }
}

extension Study.TimePoint {
    /// The point on the time column's numeric scale (date columns hold days since 1970-01-01).
    var value: Double {
        switch self {
        case .number(let v): return v
        case .date(let days): return Double(days)
        }
    }
}
