import Attribution
import DataFrameModule
import Estimators
import Inference
import ModelSpec

/// Runs a study: data → every isolation method (with one seeded bootstrap) → triangulation →
/// the headline's effect and replicates through the ROI chain.
///
/// 1. Reads the CSV and checks every column the study names (with "did you mean" advice pointing
///    at the study key), the outcome's type and that there are at least 2 clusters.
/// 2. Runs each isolation method through its Attribution adapter (`IsolationDiD2x2`,
///    `IsolationTWFE`, `IsolationCallawaySantAnna`, `IsolationSunAbraham`, `IsolationImputation`,
///    `IsolationControlGroup`, `IsolationInterruptedTimeSeries`, `ParticipantEstimate`) with the
///    same `IsolationBootstrap(replicates:seed:threads:level:)`, and once without it for the
///    analytic interval.
/// 3. Triangulates (`Triangulation`): the headline is the smallest benefit in the study's
///    direction (guiding principle 4).
/// 4. Carries the headline's effect and every replicate, in the direction of benefit, through
///    `ROIChain.run` (conversion value drawn per replicate when uncertain, benefit stream, cost
///    ledger, hurdle, interval type, principles log). The effect is a constant per unit per month
///    (the scalar ATT of the headline method).
///
/// 5. Builds the report's further sections (`StudyRunSections`): the chain of impact's levels 1–3,
///    the sensitivity (tornado, principle adjustments), Callaway–Sant'Anna's event-time estimates, the trends and the balance.
///
/// Replicate r draws from `RandomStream(seed, r)` in every method and from the assumption stream of
/// r for the conversion value, so results are bit-identical for a seed whatever the thread count.
public enum StudyRunner {
    /// Runs `study`; `threads` bounds the bootstrap workers (default: all cores).
    ///
    /// - Throws: `StudyChainOfImpactError` for a level 1–3 file that cannot be used; `StudyError`
    ///   for columns the data lack or cannot serve, an isolation method that cannot be estimated (`isolationFailed`), a headline without replicates, or a horizon the
    ///   data do not support; `DataError` for an unreadable or malformed CSV; `AttributionError`
    ///   for an impossible benefit stream, ledger or chain.
    public static func run(_ study: Study, threads: Int? = nil) throws -> StudyResult {
        precondition(threads.map { $0 >= 1 } ?? true, "threads must be at least 1")
        let data = try DataFrame.readCSV(path: study.dataPath)
        try StudyDataCheck(study: study, data: data).check()

        let bootstrap = IsolationBootstrap(
            replicates: study.bootstrap.replicates, seed: study.bootstrap.seed, threads: threads, level: study.bootstrap.level)
        var estimators = StudyEstimatorResults()
        let runs = try study.isolation.map {
            try runMethod($0, study: study, data: data, bootstrap: bootstrap, results: &estimators)
        }
        let triangulation = try Triangulation(estimates: runs.map(\.estimate), direction: study.direction)
        let headline = runs[triangulation.headlineIndex]
        let replicates = try headlineReplicates(headline, study: study)

        let sign = study.direction == .increase ? 1.0 : -1.0
        let impact = study.chainOfImpact.isEmpty ? nil : try StudyChainOfImpact.load(study.chainOfImpact)
        let chainInput = try chainInputs(
            study: study, headline: headline, triangulation: triangulation, runs: runs, chainOfImpact: impact)
        let effect = EffectPath.constant(sign * headline.estimate.effect)
        let paths = replicates.values.map { EffectPath.constant(sign * $0) }
        let chain = try ROIChain.run(effect: effect, replicates: paths, settings: chainInput.settings)
        let rois = try replicateROIs(paths, settings: chainInput.settings)
        let extra = sections(
            study: study, data: data, estimators: estimators, chainOfImpact: impact, effect: effect,
            settings: chainInput.settings, chain: chain)

        let observations = estimators.did?.observations ?? rowAccount(data, outcome: study.outcome)
        let clusters = estimators.did?.clusters.count ?? clusterCount(data, cluster: study.panel.cluster, outcome: study.outcome)
        let warnings =
            runs.flatMap { run in run.estimate.notes.map { "\(run.spec.method): \($0)" } }
            + StudyWarnings.make(study: study, clusterCount: clusters, chain: chain, headline: headline) + extra.notes
        return StudyResult(
            study: study, methods: runs, triangulation: triangulation, estimators: estimators, chain: chain,
            benefitStream: chainInput.settings.stream, ledger: chainInput.settings.ledger,
            conversion: chainInput.settings.stream.conversion, headlineEffect: effect, headlineReplicates: paths,
            roiReplicates: rois, observations: observations, clusterCount: clusters,
            unitCount: clusterCount(data, cluster: study.panel.unit, outcome: study.outcome),
            dataSupportMonths: chainInput.supportMonths, warnings: dedupe(warnings), sections: extra.sections)
    }

    /// The headline's bootstrap replicates, which carry its sampling uncertainty through the chain.
    ///
    /// Every isolation adapter now bootstraps (the interrupted time series by moving blocks), so a
    /// run without replicates comes only from a method added later without one; it is refused
    /// rather than given an interval that ignores the effect's uncertainty.
    /// - Throws: `StudyError.headlineWithoutReplicates` at the method's key.
    static func headlineReplicates(_ headline: StudyMethodRun, study: Study) throws -> BootstrapReplicates {
        guard let replicates = headline.estimate.replicates else {
            throw StudyError.headlineWithoutReplicates(
                study.location(of: headline.spec.keyPath), method: headline.spec.method.description,
                advice: "Its analytic interval cannot be carried through the conversion and costs. Add a method with a "
                    + "bootstrap that is at least as conservative, or leave this method out.")
        }
        return replicates
    }

    /// Rows read, and rows dropped for a missing outcome.
    static func rowAccount(_ data: DataFrame, outcome: String) -> ObservationAccount {
        let missing = numbers(data, outcome).filter(\.isNaN).count
        let all = ObservationAccount(totalRows: data.rowCount, usedRows: data.rowCount, dropped: [])
        return missing == 0 ? all : all.dropping(missing, for: .missingOutcome(variable: outcome))
    }

    /// Distinct non-missing values of `cluster` (a cluster or unit column) among rows with an observed outcome.
    static func clusterCount(_ data: DataFrame, cluster: String, outcome: String) -> Int {
        guard let column = data[cluster] else { return 0 }
        let y = numbers(data, outcome)
        return Set((0..<data.rowCount).filter { !y[$0].isNaN && !column.isMissing($0) }.map { column.text(at: $0) }).count
    }

    /// Warnings in first-seen order without repeats (methods fitted twice report the same notes).
    static func dedupe(_ warnings: [String]) -> [String] {
        var seen = Set<String>()
        return warnings.filter { seen.insert($0).inserted }
    }
}
