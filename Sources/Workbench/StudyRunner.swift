import Attribution
import DataFrameModule
import Estimators
import Inference
import ModelSpec

/// Runs a study: data → isolation estimate → cluster bootstrap → benefits, costs and ROI.
///
/// 1. Reads the CSV and checks that every column the study names exists (with "did you mean"
///    advice pointing at the study key) and that the outcome is numeric.
/// 2. Estimates the 2×2 difference-in-differences `y ~ treated + post + treated:post` with CR1
///    standard errors clustered by the study's cluster column (`DiD2x2`; Stata
///    `regress y i.treated##i.post, vce(cluster c)`).
/// 3. Draws `replicates` pairs-cluster-bootstrap replicates (whole clusters with replacement,
///    Cameron, Gelbach & Miller 2008 §3.1); each replicate re-estimates the DiD coefficient from
///    per-cluster sufficient statistics, so a replicate costs O(G·k²) rather than O(N·k²).
/// 4. Carries the point effect and every replicate effect through the benefit stream and the cost
///    ledger (`ROICalculator`), so the ROI, BCR and payback intervals are percentile intervals of
///    the same replicates (R `boot.ci(type = "perc")`).
///
/// Replicate r draws from `RandomStream(seed:stream: r)`, so results are bit-identical for a seed
/// whatever the thread count.
public enum StudyRunner {
    /// Runs `study`; `threads` bounds the bootstrap workers (default: all cores).
    ///
    /// - Throws: `StudyError` for columns the data lack or cannot serve; `DataError` for an
    ///   unreadable or malformed CSV; `EstimationError`/`ModelSpecError`/`InferenceError` when the
    ///   design cannot be estimated; `AttributionError` for an impossible benefit stream or ledger.
    public static func run(_ study: Study, threads: Int? = nil) throws -> StudyResult {
        precondition(threads.map { $0 >= 1 } ?? true, "threads must be at least 1")
        let data = try DataFrame.readCSV(path: study.dataPath)
        try StudyDataCheck(study: study, data: data).check()

        let did = try DiD2x2.estimate(specification(for: study), data: data)
        let sample = try BootstrapSample(did: did)
        let interaction = sample.statistics.columnNames.firstIndex(of: did.interactionName)!
        let statistics = sample.statistics
        let label = "cluster bootstrap (\(study.panel.cluster), G = \(sample.clusterCount))"
        let replicates = ClusterBootstrap.run(
            clusterCount: sample.clusterCount, replicates: study.bootstrap.replicates, seed: study.bootstrap.seed,
            threads: threads, label: label
        ) { weights in
            [try statistics.coefficients(clusterWeights: weights)[interaction]]
        }

        let population: Int
        switch study.benefits.population {
        case .stated(let n): population = n
        case .treatedUnitsObservedPost: population = sample.treatedUnitsObservedPost
        }
        let conversion = try MonetaryConversion(
            valuePerUnit: study.conversion.valuePerUnit, unitDescription: study.conversion.unit,
            source: study.conversion.source)
        let stream = try BenefitStream(
            population: Double(population), horizonMonths: Double(study.benefits.horizonMonths), conversion: conversion)
        let ledger = try CostLedger(items: study.costs.map(\.ledgerItem))
        let effects = (0..<replicates.replicates).map { replicates.values[$0 * replicates.statisticCount] }
        // Failed replicates are NaN rows; ROICalculator skips and counts them, so `failed` stays 0 here.
        let roi = try ROICalculator.analyse(
            effect: did.effect, replicates: effects, stream: stream, ledger: ledger, level: study.bootstrap.level,
            seed: study.bootstrap.seed, scheme: label)

        let warnings =
            did.allWarnings
            + StudyWarnings.make(study: study, clusterCount: sample.clusterCount, replicates: replicates, roi: roi)
        return StudyResult(
            study: study, did: did, replicates: replicates, roi: roi, ledger: ledger, benefitStream: stream,
            clusterCount: sample.clusterCount, treatedUnitsObservedPost: sample.treatedUnitsObservedPost,
            warnings: warnings)
    }

    /// The DiD specification a study describes: CR1 clustered by the study's cluster column.
    static func specification(for study: Study) -> DiD2x2Specification {
        let period: DiD2x2Specification.PostPeriod
        switch study.design.period {
        case .indicator(let column): period = .column(column)
        case .treatmentStart(.number(let t)): period = .treatmentStart(t)
        // Date columns hold days since 1970-01-01, so a date start compares in the same unit.
        case .treatmentStart(.date(let days)): period = .treatmentStart(Double(days))
        }
        return DiD2x2Specification(
            outcome: study.outcome, unit: study.panel.unit, time: study.panel.time,
            treatedGroup: study.design.treatedGroup, period: period, cluster: study.panel.cluster,
            covariance: .clustered(by: [study.panel.cluster], correction: .stata), level: study.bootstrap.level)
    }
}

extension Study.CostEntry {
    /// The entry as an Attribution ledger item.
    var ledgerItem: CostItem { CostItem(name: item, category: category, amount: amount, source: source) }
}
