import Attribution
import DataFrameModule
import Estimators
import Foundation
import Inference
import Reporting
import Testing

@testable import Workbench

@Suite("Study run: sensitivity, chain of impact, event study, trends, balance and diagnostics")
struct StudyRunnerSectionsTests {
    @Test("the sales study reads its sensitivity and chain_of_impact sections")
    func parsesSections() throws {
        let study = try Study.load(path: bundledStudyPath)
        #expect(study.sensitivity.mbarGrid == [0, 0.5, 1, 1.5, 2])
        #expect(study.sensitivity.tornado.valuePerUnit == .stated(.init(low: 0.25, high: 0.35)))
        #expect(study.sensitivity.tornado.effect == .fromAnalysis)
        #expect(study.sensitivity.tornado.horizonMonths == .init(low: 6, high: 12))
        #expect(study.sensitivity.tornado.populationShare == .init(low: 0.8, high: 1))
        #expect(study.sensitivity.tornado.costsPlusMinus == 0.2)
        #expect(study.sensitivity.tornado.decayPerYear == nil)
        let chain = study.chainOfImpact
        #expect(chain.reaction?.file.path.hasSuffix("datasets/sales-training/reaction.csv") == true)
        #expect(chain.reaction?.scale == 1...5 && chain.reaction?.favourableThreshold == 4)
        #expect(chain.learning?.pre == "pre_score" && chain.learning?.post == "post_score")
        #expect(chain.application?.column == "applied")
        #expect(chain.intangibles.map(\.name) == ["Customer relationships", "Sales-team confidence"])
        #expect(!study.defaultsApplied.contains { $0.hasPrefix("sensitivity") || $0.hasPrefix("chain_of_impact") })
    }

    @Test("the sales report's sections are the builders applied to the run's own results")
    func salesSections() throws {
        let result = try bundledRun.get()
        let report = result.report
        let isolation = try #require(report.isolation)
        let loaded = try StudyChainOfImpact.load(result.study.chainOfImpact)
        #expect(result.sections.chainOfImpact == loaded)
        #expect(result.chain.chainOfImpact == loaded)  // its principles enter the log
        let chain = try #require(report.chainOfImpact)
        #expect(
            chain
                == StudyReportSections.chainOfImpactSection(
                    chain: loaded, impact: isolation.headline, roi: report.roi, settings: result.study.chainOfImpact))
        #expect(chain.levels.map(\.measured) == [true, true, true, true, true])
        #expect(chain.levels[0].measures[0].value.map { abs($0 - 3.9249) < 1e-4 } == true)  // README: mean rating 3.9249
        #expect(chain.levels[3].measures[0].value == isolation.headline.estimate)
        #expect(chain.levels[4].measures[0].value == report.roi.roiPercent.point)
        #expect(chain.intangibles.count == 2)
        let sensitivity = try #require(report.sensitivity)
        #expect(
            sensitivity
                == (try StudyReportSections.sensitivitySection(
                    settings: result.study.sensitivity, effect: result.headlineEffect, stream: result.benefitStream,
                    ledger: result.ledger, roi: result.chain, honest: nil)))
        #expect(sensitivity.breakdown == nil)
        #expect(sensitivity.tornado.map(\.assumption).contains { $0.lowercased().contains("horizon") })
        let data = try DataFrame.readCSV(path: result.study.dataPath)
        let trends = try StudyReportSections.trendSection(
            frame: data, outcome: "sales", time: "month", grouping: .treatedGroup(column: "trained_team"),
            treatmentStarts: [13])  // the first month the post column marks
        #expect(report.trends == trends.section)
        #expect(report.eventStudy == nil && report.balance == nil)
        // The 2×2 is no event study: the breakdown check says why it did not run.
        let breakdown = try #require(report.diagnostics.first { $0.name == StudyDiagnostic.breakdown.name })
        #expect(breakdown.status == .notRun && breakdown.value == StudyReportSections.breakdownNeedsEventStudy)
        #expect(report.diagnostics.first { $0.name == StudyDiagnostic.clusters.name }?.value == "G = 30 clusters")
    }

    @Test("diagnostics are the builder applied to every ingredient of the run")
    func diagnostics() throws {
        let result = try manufacturingRun.get()
        let report = result.report
        var expected = StudyReportSections.DiagnosticIngredients(
            clusterCount: result.clusterCount, triangulation: report.isolation,
            breakdown: .notRun(reason: StudyReportSections.breakdownNeedsEventStudy))
        expected.record(roi: result.chain, stream: result.benefitStream, effect: result.headlineEffect)
        #expect(result.diagnosticIngredients(isolation: try #require(report.isolation)) == expected)
        #expect(report.diagnostics == StudyReportSections.diagnostics(expected))
        #expect(
            report.diagnostics.map(\.name)
                == [StudyDiagnostic.clusters, .bootstrapFailures, .horizon, .triangulation, .breakdown].map(\.name))
        // Callaway–Sant'Anna is among the methods: its dynamic aggregation is the event-time plot.
        let cs = try #require(result.estimators.callawaySantAnna)
        #expect(report.eventStudy == StudyReportSections.eventStudySection(cs, bands: nil, level: 0.95))
        // The 2×2 comes first, so the trend plot splits by its treated group.
        #expect(report.trends?.series.map(\.name) == ["Trained", "Comparison"])
        // Without level 1–3 files, levels 1–3 are reported as not collected.
        #expect(report.chainOfImpact?.levels.map(\.measured) == [false, false, false, true, true])
        #expect(result.defaultsApplied(contains: "chain_of_impact"))
    }
}

extension StudyResult {
    /// Whether the study's defaults mention `key`.
    fileprivate func defaultsApplied(contains key: String) -> Bool {
        study.defaultsApplied.contains { $0.hasPrefix(key) }
    }
}
