import Foundation
import Testing

@testable import Reporting

@Suite("HTML study report: attribution tables, badges, sensitivity and escaping")
struct StudyReportHTMLAttributionTextTests {
    @Test("chain of impact: five levels, 'not collected' for a level not measured, measures with intervals, intangibles")
    func chain() throws {
        let body = try #require(sectionBody(fullStudyReport().html(), "chain-of-impact"))
        #expect(body.components(separatedBy: "<tr").count - 2 == 5)  // five body rows besides the header row
        #expect(body.contains("<tr class=\"not-collected\"><td class=\"num\">3</td><td>Application and implementation</td><td>not collected</td><td>—</td><td>—</td></tr>"))
        #expect(body.contains("<li>assessment gain (points): 12.75 (95 % interval 10.5 to 15.25; Cohen&#39;s d = 0.84)</li>"))
        #expect(body.contains("<li>mean satisfaction (1–5): 4.31 (n = 212)</li>"))
        #expect(body.contains("Intangibles: not converted to money (guiding principle 11)"))
        #expect(body.contains("<li>customer satisfaction</li>") && body.contains("<li>team morale</li>"))
        #expect(XMLCheck(body).error == nil)
    }

    @Test("conversion table: sources, credibility, uncertainty and derivation; unstated ones said so")
    func conversions() throws {
        let body = try #require(sectionBody(fullStudyReport().html(), "conversion-table"))
        #expect(
            body.contains(
                "<tr><td>sales</td><td class=\"num\">0.3</td><td>USD of sales</td><td>Finance | gross margin</td>"
                    + "<td>standard value (high)</td><td>uniform 0.25 to 0.35</td><td>sales → gross margin (30 %)</td></tr>"))
        #expect(body.contains("<td>not stated</td><td>not stated</td><td>fixed</td><td>hour saved = full hourly cost (48 USD)</td>"))
    }

    @Test("diagnostics: a badge with colour class and word for each status, then value, rule and advice")
    func diagnostics() throws {
        let body = try #require(sectionBody(fullStudyReport().html(), "diagnostics"))
        #expect(body.contains("<span class=\"badge badge-pass\">✓ pass</span>"))
        #expect(body.contains("<span class=\"badge badge-warning\">! warning</span>"))
        #expect(body.contains("<span class=\"badge badge-fail\">✗ fail</span>"))
        #expect(body.contains("<span class=\"badge badge-not-run\">– not run</span>"))
        #expect(body.contains("<td>max |SMD| = 0.19</td><td>pass when every |SMD| ≤ 0.1</td><td>add covariates or match more closely</td>"))
    }

    @Test("sensitivity: ROI band by M̄ with zero, hurdle and breakdown marked; tornado widest first; adjustments before → after")
    func sensitivity() throws {
        let report = fullStudyReport()
        let curve = try #require(AttributionFixture.sensitivity.breakdown)
        let chart = report.breakdownChart(curve)
        let top = curve.points.map { "\(SVGPlot.n(chart.px($0.mBar))),\(SVGPlot.n(chart.py($0.roiUpper)))" }
        let bottom = curve.points.reversed().map { "\(SVGPlot.n(chart.px($0.mBar))),\(SVGPlot.n(chart.py($0.roiLower)))" }
        #expect(chart.svg.contains("<polygon points=\"\((top + bottom).joined(separator: " "))\""))
        #expect(chart.svg.contains(">breakdown M̄ = 1.25</text>") && chart.svg.contains(">hurdle 25.0 %</text>"))
        #expect(chart.svg.contains(">ROI = 0 %</text>"))
        let body = try #require(sectionBody(report.html(), "sensitivity"))
        #expect(body.contains(chart.svg))
        #expect(body.contains("The ROI interval first includes 0 % at M̄ = 1.25."))
        #expect(body.contains("<td>9</td>") || body.contains("<td class=\"num\">9</td>"))
        #expect(body.contains("<td>benefits counted for the first year only</td><td class=\"num\">1,094.9 %</td><td class=\"num\">497.4 %</td>"))
        #expect(body.contains(">base 497.4 %</text>") && body.contains(">397.9 %</text>") && body.contains(">597.0 %</text>"))
        #expect(body.contains(">value per unit (0.25 to 0.35)</text>"))
        // Given narrowest first, the tornado still draws and lists the widest first.
        let s = AttributionFixture.sensitivity
        let reversed = StudyReport.SensitivitySection(
            breakdown: nil, tornado: s.tornado.reversed(), baseROIPercent: s.baseROIPercent, principleAdjustments: [])
        let html = fullStudyReport(sensitivity: reversed).html()
        let wide = try #require(html.range(of: "<td>value per unit</td>"))
        let narrow = try #require(html.range(of: "<td>horizon (months)</td>"))
        #expect(wide.lowerBound < narrow.lowerBound)
        #expect(!html.contains("parallel trends</h3>"))
    }

    @Test("hostile strings in every new section are escaped and the document stays well-formed XML")
    func escaping() {
        let bad = "<script>alert(\"x\")</script>&'"
        let esc = HTMLEscaping.escape(bad)
        let iso = StudyReport.IsolationComparison(
            kpi: bad, direction: bad,
            methods: [
                .init(
                    method: bad, label: bad, estimate: 1, standardError: 0.5, interval: .init(lower: 0, upper: 2, level: 0.95, method: bad),
                    replicates: 0, observations: nil, notes: [bad])
            ], headlineIndex: 0, reason: bad)
        let chain = StudyReport.ChainOfImpactSection(
            levels: [.init(level: 1, name: bad, measured: true, measures: [.init(label: bad, value: 1, detail: bad)], source: bad)],
            intangibles: [bad])
        let sensitivity = StudyReport.SensitivitySection(
            breakdown: .init(points: [.init(mBar: 0, roiLower: 1, roiUpper: 2), .init(mBar: 1, roiLower: -1, roiUpper: 3)], breakdownMBar: 1, note: bad),
            tornado: [.init(assumption: bad, low: bad, high: bad, roiAtLow: 1, roiAtHigh: 2)], baseROIPercent: 1.5,
            principleAdjustments: [.init(principle: 4, adjustment: bad, roiBefore: 1, roiAfter: 2)])
        let report = fullStudyReport(
            isolation: iso, chainOfImpact: chain,
            conversions: [.init(kpi: bad, valuePerUnit: 1, unit: bad, source: bad, credibility: bad, uncertainty: bad, derivation: bad)],
            sensitivity: sensitivity,
            eventStudy: .init(estimator: bad, referencePeriod: nil, level: 0.95, points: [.init(eventTime: 0, estimate: 1, lower: 0, upper: 2)], preTrend: .init(statistic: bad, value: 1, degreesOfFreedom: 1, pValue: 0.5)),
            trends: .init(time: bad, series: [.init(name: bad, times: [1, 2], means: [3, 4])], treatmentStarts: [2]),
            balance: .init(adjustment: bad, rows: [.init(covariate: bad, before: 0.2, after: 0.05)], threshold: 0.1),
            diagnostics: [.init(name: bad, status: .fail, value: bad, rule: bad, advice: bad)])
        let html = report.html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(\"x\")"))
        #expect(html.contains(esc))
        let sections = ["summary", "chain-of-impact", "trends", "event-study", "isolation", "balance", "conversion-table", "sensitivity"]
        for id in sections + ["diagnostics"] {
            #expect(sectionBody(html, id)?.contains(esc) == true, "section \(id) lacks the escaped text")
        }
        let check = XMLCheck(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: ""))
        #expect(check.error == nil)
        #expect(check.texts.joined().contains(bad))
    }

    @Test("missing values (NaN, ∞) in every plotted section render as gaps and n/a, not a crash")
    func nonFinite() {
        let nan = Double.nan
        let iso = StudyReport.IsolationComparison(
            kpi: "sales", direction: "increase",
            methods: [
                .init(
                    method: "A", label: "A", estimate: nan, standardError: nil, interval: .init(lower: nan, upper: nan, level: 0.95, method: "m"),
                    replicates: 0, observations: nil),
                .init(
                    method: "B", label: "B", estimate: 1, standardError: 1, interval: .init(lower: 0, upper: .infinity, level: 0.95, method: "m"),
                    replicates: 0, observations: nil),
            ], headlineIndex: 0, reason: "r")
        let sensitivity = StudyReport.SensitivitySection(
            breakdown: .init(points: [.init(mBar: 0, roiLower: nan, roiUpper: 5), .init(mBar: 1, roiLower: -1, roiUpper: 4)], breakdownMBar: nil, note: "n"),
            tornado: [.init(assumption: "a", low: "1", high: "2", roiAtLow: nan, roiAtHigh: 3)], baseROIPercent: nan, principleAdjustments: [])
        let report = fullStudyReport(
            isolation: iso, sensitivity: sensitivity,
            eventStudy: .init(estimator: "e", referencePeriod: -1, level: 0.95, points: [.init(eventTime: 0, estimate: nan, lower: nan, upper: nan)], preTrend: nil),
            trends: .init(time: "t", series: [.init(name: "s", times: [1, 2, 3], means: [1, nan, 3])], treatmentStarts: [nan]),
            balance: .init(adjustment: "x", rows: [.init(covariate: "c", before: nan, after: 0.1)], threshold: 0.1))
        let html = report.html().replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        #expect(XMLCheck(html).error == nil)
        #expect(html.contains(">n/a</td>"))
        // No coordinate is printed from a non-finite value (`SVGPlot.n` would trap on one).
        #expect(!html.contains("\"nan\"") && !html.contains("\"inf\"") && !html.contains(",nan") && !html.contains("nan,"))
        #expect(svgElements(html).count == 9)
    }

    @Test("the whole document with every section is well-formed XML with one section element per id")
    func wellFormed() {
        let html = fullStudyReport().html().replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let check = XMLCheck(html)
        #expect(check.error == nil)
        #expect(check.elements.filter { $0 == "section" }.count == StudyReport.htmlSectionIDs.count)
    }

    @Test("the print style sheet keeps plots and tables within the page")
    func printStyle() throws {
        let html = fullStudyReport().html()
        let print = try #require(html.components(separatedBy: "@media print").last)
        #expect(print.contains("figure svg { max-width: 100%; height: auto; }"))
        #expect(print.contains("table { width: 100%;"))
    }
}
