import Foundation
import Testing

@testable import Reporting

@Suite("Study report as self-contained HTML")
struct StudyReportHTMLTests {
    private let supplement = StudyReport.HTMLSupplement(
        roiReplicates: (0..<999).map { 335 + Double($0 * 37 % 999) / 3 }, toolVersion: "impact 0.1.0",
        dataSHA256: String(repeating: "ab", count: 32), command: "impact run Examples/studies/sales-training.yml")

    @Test("every section is present, in order")
    func sections() {
        let html = fullStudyReport().html(supplement: supplement)
        var last = html.startIndex
        for id in StudyReport.htmlSectionIDs {
            let range = html.range(of: "<section id=\"\(id)\">")
            #expect(range != nil, "missing section \(id)")
            if let range {
                #expect(range.lowerBound >= last, "section \(id) out of order")
                last = range.lowerBound
            }
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<footer>"))
    }

    @Test("figures from the report appear: ROI range in words, effect, costs, conversion source")
    func content() {
        let report = sampleStudyReport()
        let html = report.html(supplement: supplement)
        #expect(report.roiRangeInWords.contains("between 335.7 % and 658.6 %"))
        #expect(report.roiRangeInWords.contains("Even the conservative lower end is a gain"))
        #expect(html.contains(HTMLEscaping.escape(report.headline)))
        #expect(html.contains("1,523.5"))  // effect estimate
        #expect(html.contains("275,400"))  // total costs
        #expect(html.contains("Finance | gross margin"))  // conversion source
        #expect(html.contains("658.6 %") && html.contains("∞"))  // ROI upper end and infinite payback
        #expect(html.contains(String(repeating: "ab", count: 32)))  // data hash
        #expect(html.contains("20260101"))  // seed
        #expect(html.contains("impact run Examples/studies/sales-training.yml"))
        #expect(html.contains("Only 30 clusters."))
    }

    /// The sample report with its ROI range replaced.
    private func report(roiLower: Double, upper: Double) -> StudyReport {
        let base = sampleStudyReport()
        let roi = StudyReport.ROI(
            level: 0.95, benefits: base.roi.benefits, costs: base.roi.costs, netBenefits: base.roi.netBenefits,
            roiPercent: .init(point: (roiLower + upper) / 2, lower: roiLower, upper: upper),
            benefitCostRatio: base.roi.benefitCostRatio, paybackMonths: base.roi.paybackMonths, probabilityPositive: 0.7)
        return StudyReport(
            title: base.title, studyFile: base.studyFile, dataFile: base.dataFile, design: base.design,
            observations: base.observations, means: base.means, effect: base.effect, conversion: base.conversion,
            benefits: base.benefits, costs: base.costs, roi: roi, bootstrap: base.bootstrap, assumptions: base.assumptions,
            principles: base.principles, defaultsApplied: base.defaultsApplied, warnings: base.warnings)
    }

    @Test("the ROI range in words reads its sign: a range across zero is not established, one below zero is a loss")
    func rangeInWords() {
        let across = report(roiLower: -15, upper: 60).roiRangeInWords
        #expect(across.contains("between −15.0 % and 60.0 %") && across.contains("do not establish"))
        let loss = report(roiLower: -80, upper: -10).roiRangeInWords
        #expect(loss.contains("Even the upper end is a loss"))
    }

    @Test("data-derived strings are escaped: a <script> in the title and a warning never reaches the markup")
    func escaping() {
        let base = sampleStudyReport(warnings: ["<script>alert(1)</script> & more"])
        let report = StudyReport(
            title: "<script>alert('title')</script>", studyFile: "a&b.yml", dataFile: "\"data\".csv", design: base.design,
            observations: base.observations, means: base.means, effect: base.effect, conversion: base.conversion,
            benefits: base.benefits, costs: base.costs, roi: base.roi, bootstrap: base.bootstrap,
            assumptions: ["<b>bold</b>"], principles: base.principles, defaultsApplied: base.defaultsApplied,
            warnings: base.warnings)
        let html = report.html(supplement: supplement)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</title>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(html.contains("a&amp;b.yml") && html.contains("&quot;data&quot;.csv"))
    }

    @Test("no external assets: no scripts, links, stylesheets or remote URLs; print CSS present")
    func selfContained() {
        let html = sampleStudyReport().html(supplement: supplement)
        for forbidden in ["<script", "<link", "<img", "src=", "href=", "http://", "https://", "@import", "url("] {
            // The SVG namespace URI is an identifier, not a fetched asset.
            let stripped = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!stripped.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("@media print"))
    }

    @Test("each inline SVG is well-formed XML; the report has the trend, effect, cost and ROI plots")
    func plots() throws {
        let html = sampleStudyReport().html(supplement: supplement)
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count == 4)
        for svg in svgs {
            let check = XMLCheck(svg)
            #expect(check.error == nil, "malformed SVG: \(svg.prefix(200))")
        }
        #expect(svgs.contains { $0.contains("Mean sales by group") && $0.contains("polyline") })
        #expect(svgs.contains { $0.contains("Bootstrap distribution of ROI") && $0.contains("<rect") })
        let histogram = try #require(svgs.first { $0.contains("Bootstrap distribution of ROI") })
        #expect(histogram.contains(">lower</text>") && histogram.contains(">upper</text>") && histogram.contains(">point</text>"))
        // The histogram counts all 999 replicates.
        #expect(html.contains("999 replicate ROIs"))
    }

    @Test("without a supplement the histogram is replaced by a note and the footer says what is missing")
    func withoutSupplement() {
        let html = sampleStudyReport().html()
        #expect(html.contains("The ROI replicates were not supplied"))
        #expect(html.contains("not recorded"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
    }

    @Test("the whole document without its doctype is well-formed XML")
    func wholeDocument() {
        let html = fullStudyReport().html(supplement: supplement).replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let check = XMLCheck(html)
        #expect(check.error == nil)
        #expect(check.elements.filter { $0 == "section" }.count == StudyReport.htmlSectionIDs.count)
    }
}
