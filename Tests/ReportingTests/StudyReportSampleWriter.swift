import Foundation
import Testing

@testable import Reporting

@Suite("Study report with every section, written for a visual check")
struct StudyReportSampleWriter {
    /// Writes the HTML and Markdown reports of the every-section fixture to the folder named by
    /// `IMPACT_REPORT_SAMPLE_DIR` (e.g. `out/report-sample`), for `scripts/render-report.sh` to
    /// render to PNG. Without the variable it only checks that the document renders.
    @Test("the every-section report renders and, when asked, is written out")
    func write() throws {
        let supplement = StudyReport.HTMLSupplement(
            roiReplicates: (0..<999).map { 335 + Double($0 * 37 % 999) / 3 }, toolVersion: "impact 0.1.0",
            dataSHA256: String(repeating: "ab", count: 32), command: "impact run Examples/studies/sales-training.yml")
        let report = fullStudyReport()
        let html = report.html(supplement: supplement)
        #expect(svgElements(html).count == 10)
        guard let dir = ProcessInfo.processInfo.environment["IMPACT_REPORT_SAMPLE_DIR"] else { return }
        let url = URL(fileURLWithPath: dir, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try html.write(to: url.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
        try report.markdown.write(to: url.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        try stressReport().html().write(to: url.appendingPathComponent("report-stress.html"), atomically: true, encoding: .utf8)
    }

    @Test("a report with many series, methods, periods and covariates stays well-formed")
    func stress() {
        let html = stressReport().html().replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        #expect(XMLCheck(html).error == nil)
        #expect(sectionBody(html, "diagnostics")?.contains("None run.") == true)
        #expect(svgElements(html).count == 9)
    }

    /// Many cohorts over 36 months, five methods with long names and a headline interval across
    /// zero, twelve event times without a uniform band or reference, no hurdle and no breakdown,
    /// twelve covariates and no diagnostics: the layouts that crowd a plot.
    private func stressReport() -> StudyReport {
        let months = (0..<36).map { Double(SVGAxis.days(monthIndex: 2022 * 12 + $0)) }
        let series = (0..<6).map { c in
            StudyReport.TrendSeries(
                name: c == 5 ? "Never trained" : "Cohort \(c + 1) (trained 2022-\(c + 4 < 10 ? "0" : "")\(c + 4))", times: months,
                means: months.indices.map { (t: Int) -> Double in
                    let jump: Double = c < 5 && t >= c + 3 ? 8 : 0
                    return 100 + Double(t) + jump + Double(c)
                })
        }
        let methods = (0..<5).map { k in
            StudyReport.IsolationRow(
                method: "Method number \(k + 1) with a rather long descriptive name", label: "Method \(k + 1)",
                estimate: Double(k) * 2 - 1, standardError: 1.5,
                interval: .init(lower: Double(k) * 2 - 4, upper: Double(k) * 2 + 2, level: 0.9, method: "analytic"), replicates: 0,
                observations: 1_000)
        }
        let sensitivity = StudyReport.SensitivitySection(
            breakdown: .init(
                points: (0...10).map { (k: Int) -> StudyReport.BreakdownPoint in
                    let m = Double(k)
                    return .init(mBar: m / 5, roiLower: 40 - m * 2, roiUpper: 90 + m * 3)
                },
                breakdownMBar: nil, note: "grid to M̄ = 2"),
            tornado: (0..<6).map { (k: Int) -> StudyReport.TornadoRow in
                let swing = Double(k)
                let (atLow, atHigh): (Double, Double) = (60 - swing * 5, 60 + swing * 7)
                let name = "assumption " + String(k + 1)
                return .init(assumption: name, low: String(k), high: String(k + 10), roiAtLow: atLow, roiAtHigh: atHigh)
            }, baseROIPercent: nil, principleAdjustments: [])
        return fullStudyReport(
            isolation: .init(kpi: "errors", direction: "decrease", methods: methods, headlineIndex: 0, reason: "lowest lower bound"),
            sensitivity: sensitivity,
            eventStudy: .init(
                estimator: "Sun–Abraham interaction-weighted", referencePeriod: nil, level: 0.9,
                points: (-6...5).map { (e: Int) -> StudyReport.EventTimePoint in
                    let x = Double(e)
                    return .init(eventTime: e, estimate: x, lower: x - 2, upper: x + 2)
                },
                preTrend: nil),
            trends: .init(time: "month", series: series, treatmentStarts: (0..<5).map { months[$0 + 3] }),
            balance: .init(
                adjustment: "inverse probability weighting",
                rows: (0..<12).map { (k: Int) -> StudyReport.BalanceRow in
                    let x = Double(k)
                    return .init(covariate: "covariate_with_a_long_name_\(k)", before: x / 20 - 0.3, after: x / 100)
                },
                threshold: 0.1),
            diagnostics: [])
    }
}
