import Attribution
import DataFrameModule
import Estimators
import Foundation
import Inference
import Reporting
import Testing

@testable import Workbench

/// A copy of an example study with lines replaced, written next to it so that relative paths still
/// resolve; removed by the caller.
func variantOfExample(_ name: String, _ replacements: [(String, String)]) throws -> String {
    let original = repositoryRoot().appendingPathComponent("Examples/studies/\(name)").path
    var text = try String(contentsOfFile: original, encoding: .utf8)
    for (old, new) in replacements {
        precondition(text.contains(old), "\(name) has no '\(old)'")
        text = text.replacingOccurrences(of: old, with: new)
    }
    let path = URL(fileURLWithPath: original).deletingLastPathComponent()
        .appendingPathComponent("variant-\(UUID().uuidString).yml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// The manufacturing example with few replicates (fast; the chain is exercised all the same).
let manufacturingVariant = [("  replicates: 499", "  replicates: 39")]

/// Runs a variant of an example and returns its result or error.
func runExample(_ name: String, _ replacements: [(String, String)], threads: Int? = nil) -> Result<StudyResult, any Error> {
    Result {
        let path = try variantOfExample(name, replacements)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try StudyRunner.run(try Study.load(path: path), threads: threads)
    }
}

let manufacturingRun = runExample("manufacturing-quality.yml", manufacturingVariant)

@Suite("Study runner: several isolation methods, triangulation and the ROI chain")
struct StudyRunnerChainTests {
    @Test("the headline is the most conservative method's estimate, computed directly through its adapter")
    func headlineIsMostConservative() throws {
        let result = try manufacturingRun.get()
        let data = try DataFrame.readCSV(path: result.study.dataPath)
        let bootstrap = IsolationBootstrap(replicates: 39, seed: 20_260_101, level: 0.95)
        let panel = try StaggeredPanel(
            data: data, outcome: "defects_per_1000", unit: "line_id", time: "week", cohort: "training_week", cluster: "line_id")
        let direct: [IsolationEstimate] = [
            try IsolationDiD2x2(
                specification: DiD2x2Specification(
                    outcome: "defects_per_1000", unit: "line_id", time: "week", treatedGroup: "trained_line",
                    period: .column("post"), cluster: "line_id", covariance: .clustered(by: ["line_id"], correction: .stata)),
                data: data
            ).isolate(bootstrap: bootstrap),
            try IsolationTWFE(outcome: "defects_per_1000", treatment: "trained", unit: "line_id", time: "week", cluster: "line_id", data: data)
                .isolate(bootstrap: bootstrap),
            try IsolationCallawaySantAnna(panel: panel, kpi: "defects_per_1000").isolate(bootstrap: bootstrap),
            try IsolationImputation(
                specification: .init(outcome: "defects_per_1000", unit: "line_id", time: "week", cohort: "training_week", cluster: "line_id"),
                data: data
            ).isolate(bootstrap: bootstrap),
        ]
        #expect(result.methods.map(\.estimate) == direct)
        // Defects should fall: the smallest benefit is the largest (least negative) effect.
        let conservative = direct.indices.max { direct[$0].effect < direct[$1].effect }!
        #expect(result.triangulation.headlineIndex == conservative)
        #expect(result.headline.estimate == direct[conservative])
        #expect(result.headlineEffect == .constant(-direct[conservative].effect))
        #expect(result.report.isolation?.headlineIndex == conservative)
        #expect(result.report.isolation?.methods.count == 4)
        #expect(result.report.effect.estimate == direct[conservative].effect)
    }

    @Test("the ROI figures are ROIChain.run on the headline's replicates with the study's settings")
    func chainMatchesLibrary() throws {
        let result = try manufacturingRun.get()
        let replicates = try #require(result.headline.estimate.replicates)
        // Error avoided: 0.6667 h × 54 + 23.5 per defect, × 44.78 thousand units per line-month.
        let perDefect = 0.6667 * 54 + 23.5
        let conversion = try MonetaryConversion(
            valuePerUnit: perDefect * 44.78, unitDescription: "defect per 1,000 units",
            source: "Plant controlling, rework time study and scrap cost", credibility: .historicalRecords,
            uncertainty: .uniform(lower: 50 * 44.78, upper: 70 * 44.78))
        #expect(abs(result.conversion.valuePerUnit - conversion.valuePerUnit) <= 1e-12 * conversion.valuePerUnit)
        #expect(conversion == result.conversion)  // the uniform range on the cost of a defect, scaled alike
        let stream = try BenefitStream(
            population: 12, horizonMonths: 12, conversion: conversion, decayRate: 0.25, discountRate: 0.08,
            dataSupportMonths: 6, extrapolation: .carryLastEffectForward)
        #expect(stream == result.benefitStream)
        #expect(result.ledger.total == 72_000 + 1_536 * 54 + 38_000 + 15_000)
        var prior = result.triangulation.principles
        for run in result.methods { prior.append(contentsOf: run.principles) }
        prior.record(
            PrincipleApplication(
                principle: .adjustForError, rule: "value per unit drawn from uniform 2239 to 3134.6 in every bootstrap replicate",
                location: "conversion: defects_per_1000"))
        let settings = ROIChain.Settings(
            stream: stream, ledger: result.ledger, level: 0.95, method: .percentile, hurdlePercent: 25, seed: 20_260_101,
            scheme: replicates.scheme, priorPrinciples: prior, benefitCurrency: "USD")
        let expected = try ROIChain.run(
            effect: .constant(-result.headline.estimate.effect), replicates: replicates.values.map { .constant(-$0) },
            settings: settings)
        #expect(result.chain == expected)
        #expect(result.report.roi.roiPercent.lower == expected.roiPercent.interval.lower)
        #expect(result.report.roi.netPresentValue?.point == expected.netPresentValue.point)
        #expect(result.report.roi.probabilityAboveHurdle == expected.probabilityROIAboveHurdle)
        #expect(result.roiReplicates.count == expected.replicatesUsed)
        #expect(result.chain.principles.principlesApplied.contains(.fullyLoadCosts))
        #expect(Set([3, 4, 5, 7, 9, 10]).isSubset(of: result.report.principles.map(\.number)))
        #expect(result.report.means != nil)  // a 2×2 is among the methods
        #expect(result.report.conversions?.first?.derivation?.contains("0.6667 h to fix × 54 USD/h + 23.5 USD material") == true)
        #expect(result.warnings.contains { $0.contains("follow the extrapolation choice (carry_last_effect_forward)") })
    }

    @Test("the report of a several-method study round-trips as JSON and the writers format it")
    func reportWriters() throws {
        let result = try manufacturingRun.get()
        let report = result.report
        #expect(try ReportJSON.decode(StudyReport.self, from: ReportJSON.text(report)) == report)
        #expect(report.markdown.contains(report.headline))
        #expect(report.html(supplement: result.htmlSupplement(command: "impact run x.yml")).contains("<svg"))
        #expect(report.design.method == "Callaway–Sant'Anna")
        #expect(report.effect.bootstrap.lower == result.headline.estimate.lower)
        #expect(report.bootstrap.failed == result.chain.failedReplicates)
        #expect(report.sensitivity != nil && report.chainOfImpact?.levels.count == 5 && !report.diagnostics.isEmpty)
    }

    @Test("the same seed gives identical results with 1 and 2 threads")
    func threadInvariance() throws {
        let one = try runExample("manufacturing-quality.yml", manufacturingVariant, threads: 1).get()
        let two = try runExample("manufacturing-quality.yml", manufacturingVariant, threads: 2).get()
        #expect(one.methods.map(\.estimate) == two.methods.map(\.estimate))
        #expect(one.headlineReplicates == two.headlineReplicates)
        #expect(one.chain == two.chain)
    }

    @Test("a horizon beyond the data is refused unless an extrapolation is chosen")
    func horizonBeyondData() throws {
        let refused = runExample(
            "manufacturing-quality.yml", manufacturingVariant + [("  extrapolation: carry_last_effect_forward", "  extrapolation: refuse")])
        guard case .failure(let error) = refused, let studyError = error as? StudyError else {
            Issue.record("expected a StudyError")
            return
        }
        #expect(studyError.location?.keyPath == "benefits.horizon_months")
        #expect(studyError.description.contains("26 week(s) after training, 6 whole month(s)"))
        #expect(studyError.description.contains("assume_no_effect"))
        let shorter = try runExample(
            "manufacturing-quality.yml",
            manufacturingVariant + [
                ("  extrapolation: carry_last_effect_forward", "  extrapolation: refuse"), ("horizon_months: 12", "horizon_months: 6"),
            ]
        ).get()
        #expect(shorter.chain.extrapolatedMonths == 0)
        #expect(shorter.dataSupportMonths == 6)
    }

    @Test("an interrupted-time-series headline carries its moving-block bootstrap replicates into the ROI chain")
    func interruptedTimeSeriesHeadline() throws {
        let start = "isolation:\n"
        let end = "conversion:"
        let path = repositoryRoot().appendingPathComponent("Examples/studies/manufacturing-quality.yml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let block = String(text[text.range(of: start)!.lowerBound..<text.range(of: end)!.lowerBound])
        let its = "isolation:\n  - method: interrupted_time_series\n    treated_group: trained_line\n    interruption: 27\n\n"
        let result = try runExample("manufacturing-quality.yml", manufacturingVariant + [(block, its)]).get()
        #expect(result.headline.spec.method == .interruptedTimeSeries)
        let replicates = try #require(result.headline.estimate.replicates)
        #expect(replicates.replicates == 39)
        #expect(replicates.scheme.contains("block"))
        // Defects should fall: the chain carries each replicate with its sign flipped into a benefit.
        #expect(result.headlineReplicates == replicates.values.map { .constant(-$0) })
        #expect(result.chain.replicatesUsed + result.chain.failedReplicates == 39)
        #expect(result.chain.replicatesUsed > 0)
        #expect(result.chain.scheme == replicates.scheme)
    }

    @Test("a headline without replicates is refused for the ROI interval, naming the method and its key")
    func headlineWithoutReplicates() throws {
        let study = try Study.load(path: repositoryRoot().appendingPathComponent("Examples/studies/manufacturing-quality.yml").path)
        let estimate = IsolationEstimate(
            method: "a method without a bootstrap", kpi: "defects_per_1000", effect: -1, standardError: 0.5, lower: -2, upper: 0,
            level: 0.95, inference: "analytic", replicates: nil)
        let run = StudyMethodRun(
            spec: study.isolation[1], estimate: estimate, analytic: estimate, treatedUnitsObservedPost: 6, periodsAfterTraining: 26,
            observations: 100)
        #expect(throws: StudyError.self) { try StudyRunner.headlineReplicates(run, study: study) }
        do {
            _ = try StudyRunner.headlineReplicates(run, study: study)
        } catch let error as StudyError {
            guard case .headlineWithoutReplicates(let location, let method, _) = error else {
                Issue.record("expected headlineWithoutReplicates, got \(error)")
                return
            }
            #expect(location.keyPath == "isolation[1]")
            #expect(method == study.isolation[1].method.description)
            #expect(error.description.contains("has no bootstrap replicates"))
        }
    }

    @Test("an estimator's failure names the method's key")
    func methodFailure() throws {
        // The sales panel has missing outcomes; Callaway–Sant'Anna needs a balanced, complete panel.
        let outcome = Result {
            let path = try variantOfBundledStudy(
                "design:\n  method: did2x2\n",
                "isolation:\n  - method: callaway_santanna\n    treatment: post\n  - method: did2x2\n")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let text = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "  treated_group: trained_team", with: "    treated_group: trained_team")
                .replacingOccurrences(of: "  post: post                    # 1", with: "    post: post                    # 1")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return try StudyRunner.run(try Study.load(path: path))
        }
        guard case .failure(let error) = outcome, case .isolationFailed(let location, let method, let problem) = error as? StudyError else {
            Issue.record("expected isolationFailed, got \(outcome)")
            return
        }
        #expect(location.keyPath == "isolation[0]")
        #expect(method == "callaway_santanna")
        #expect(problem.contains("sales"))
    }
}
