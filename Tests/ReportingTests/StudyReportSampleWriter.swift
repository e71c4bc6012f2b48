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
    }
}
