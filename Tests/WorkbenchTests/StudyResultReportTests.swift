import Foundation
import Reporting
import Testing

@testable import Workbench

@Suite("Report of the bundled study")
struct StudyResultReportTests {
    @Test("the report carries N, dropped rows, clusters, seed, method and the ROI interval")
    func values() throws {
        let result = try bundledRun.get()
        let report = result.report
        #expect(report.format == StudyReport.formatIdentifier)
        #expect(report.observations.usedRows == 14_354)
        #expect(report.observations.totalRows == 14_400)
        #expect(report.observations.dropped == [DroppedRowCount(reason: "missing outcome 'sales'", count: 46)])
        #expect(report.observations.clusters == 30)
        #expect(report.observations.treatedUnits == 300)
        #expect(report.observations.controlUnits == 300)
        #expect(report.bootstrap.seed == 20_260_101)
        #expect(report.bootstrap.replicates == 999)
        #expect(report.bootstrap.scheme == "cluster bootstrap (G = 30) over team_id")
        #expect(report.design.method == "2×2 difference-in-differences")
        #expect(report.design.covariance.contains("team_id"))
        #expect(
            report.roi.roiPercent
                == StudyReport.Figure(
                    point: result.chain.roiPercent.point, lower: result.chain.roiPercent.interval.lower,
                    upper: result.chain.roiPercent.interval.upper))
        let did = try #require(result.did)
        #expect(report.effect.estimate == did.effect)
        #expect(report.means?.doubleDifference == did.meansTable.doubleDifference)
        #expect(report.costs.total == 296_200)
        #expect(report.costs.subtotals.map(\.amount) == [60_000, 232_800, 3_400])
        #expect(report.benefits.totalBenefits == result.chain.benefits.point)
        #expect(report.roi.netPresentValue?.point == result.chain.netPresentValue.point)
        // The study's chain of impact logs principle 2 (levels 1–3 data) and 11 (intangibles).
        #expect(report.principles.map(\.number) == [2, 3, 4, 5, 9, 10, 11])
        #expect(report.assumptions.contains { $0.hasPrefix("Parallel trends") })
        #expect(report.assumptions.contains { $0.hasPrefix("No anticipation") })
        #expect(report.assumptions.contains { $0.contains("never-trained") })
    }

    @Test("Markdown shows the headline, N, dropped rows, clusters, seed and method")
    func markdown() throws {
        let report = try bundledRun.get().report
        let md = report.markdown
        #expect(report.headline.hasPrefix("ROI between "))
        #expect(report.headline.contains("(95 % cluster-bootstrap percentile interval, 999 replicates, seed 20260101)"))
        #expect(md.contains(report.headline))
        #expect(md.contains("N = 14,354 of 14,400 rows used; 30 clusters (team_id)"))
        #expect(md.contains("| missing outcome 'sales' | 46 |"))
        #expect(md.contains("| Seed | 20260101 |"))
        #expect(md.contains("| Method | 2×2 difference-in-differences |"))
        #expect(md.contains("## Guiding principles applied"))
        #expect(md.contains("| development | Design and build | 40 | 85.00 | 3,400 |"))
    }

    @Test("the JSON report round-trips and is identical across runs")
    func json() throws {
        let report = try bundledRun.get().report
        let text = try ReportJSON.text(report)
        #expect(try ReportJSON.decode(StudyReport.self, from: text) == report)
        let again = try StudyRunner.run(try Study.load(path: bundledStudyPath), threads: 1).report
        #expect(try ReportJSON.text(again) == text)
    }

    @Test("report files are written where asked")
    func files() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let report = try bundledRun.get().report
        let files = try report.write(to: directory)
        #expect(files.markdown == directory + "/report.md")
        #expect(try String(contentsOfFile: files.markdown, encoding: .utf8) == report.markdown)
        #expect(try ReportJSON.decode(StudyReport.self, from: String(contentsOfFile: files.json, encoding: .utf8)) == report)
        #expect(StudyReport.defaultOutputDirectory(forStudyFile: "Examples/studies/sales-training.yml") == "out/sales-training")
    }
}
