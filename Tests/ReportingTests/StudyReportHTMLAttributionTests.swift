import Foundation
import Testing

@testable import Reporting

/// The inline SVGs of an HTML document.
func svgElements(_ html: String) -> [String] {
    html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
}

/// The body of `<section id="id">…</section>`, or nil when absent.
func sectionBody(_ html: String, _ id: String) -> String? {
    guard let start = html.range(of: "<section id=\"\(id)\">") else { return nil }
    return String(html[start.upperBound...]).components(separatedBy: "</section>")[0]
}

@Suite("HTML study report: attribution sections")
struct StudyReportHTMLAttributionTests {
    private let optionalIDs = ["chain-of-impact", "trends", "event-study", "isolation", "balance", "conversion-table", "sensitivity"]

    @Test("a report with every section has nine well-formed plots without a supplement (order: StudyReportHTMLTests)")
    func everySection() {
        let html = fullStudyReport().html()
        let svgs = svgElements(html)
        // means, effect, costs + forest, event study, trends, love, breakdown, tornado (no histogram without a supplement).
        #expect(svgs.count == 9)
        for svg in svgs { #expect(XMLCheck(svg).error == nil, "malformed SVG: \(svg.prefix(120))") }
    }

    @Test("absent sections are omitted, not empty; diagnostics says none run")
    func absentSections() {
        let html = sampleStudyReport().html()
        for id in optionalIDs { #expect(!html.contains("<section id=\"\(id)\">"), "section \(id) should be absent") }
        #expect(sectionBody(html, "diagnostics")?.contains("None run.") == true)
        let each: [(String, StudyReport)] = [
            ("chain-of-impact", fullStudyReport(chainOfImpact: nil)), ("trends", fullStudyReport(trends: nil)),
            ("event-study", fullStudyReport(eventStudy: nil)), ("isolation", fullStudyReport(isolation: nil)),
            ("balance", fullStudyReport(balance: nil)), ("conversion-table", fullStudyReport(conversions: nil)),
            ("sensitivity", fullStudyReport(sensitivity: nil)),
        ]
        for (id, report) in each {
            let html = report.html()
            #expect(!html.contains("<section id=\"\(id)\">"), "section \(id) should be absent")
            for other in optionalIDs where other != id { #expect(html.contains("<section id=\"\(other)\">")) }
        }
        let empty = StudyReport.SensitivitySection(breakdown: nil, tornado: [], baseROIPercent: nil, principleAdjustments: [])
        #expect(!fullStudyReport(sensitivity: empty).html().contains("<section id=\"sensitivity\">"))
    }

    @Test("executive summary: P(ROI > 0), P(ROI > hurdle), NPV and the headline method with its reason")
    func summary() throws {
        let report = fullStudyReport()
        let summary = try #require(sectionBody(report.html(), "summary"))
        #expect(report.roiProbabilitiesInWords.contains("above 0 % (net benefits positive) in 99.8 %"))
        #expect(report.roiProbabilitiesInWords.contains("above the hurdle of 25.0 % in 99.1 %"))
        #expect(report.roiProbabilitiesInWords.contains("Net present value: 1,250,125 (95 % interval 830,250 to 1,660,875)"))
        let method = try #require(report.headlineMethodInWords)
        #expect(method.hasPrefix("Headline isolation method: Callaway–Sant'Anna, not-yet-treated controls, effect 1,402.8"))
        #expect(method.contains("chosen from 3 methods because: lowest lower bound"))
        #expect(summary.contains(HTMLEscaping.escape(report.roiProbabilitiesInWords)))
        #expect(summary.contains(HTMLEscaping.escape(method)))
        #expect(sampleStudyReport().headlineMethodInWords == nil)
        #expect(!sampleStudyReport().roiProbabilitiesInWords.contains("hurdle"))
    }

    @Test("isolation: one table row and one forest row per method, the headline marked in both")
    func isolation() throws {
        let html = fullStudyReport().html()
        let body = try #require(sectionBody(html, "isolation"))
        let fixture = AttributionFixture.isolation
        #expect(body.components(separatedBy: "<tr class=\"headline-method\">").count == 2)
        #expect(body.contains("<tr class=\"headline-method\"><td>Callaway–Sant&#39;Anna, not-yet-treated controls (headline)</td>"))
        for m in fixture.methods {
            #expect(body.contains(">\(NumberText.statistic(m.estimate))</td>"))
            #expect(body.contains(">\(NumberText.statistic(m.interval.lower))</td>"))
            #expect(body.contains(">\(NumberText.statistic(m.interval.upper))</td>"))
        }
        #expect(body.contains("<td class=\"num\">—</td>"))  // participant estimates have no SE
        #expect(body.contains("non-respondents count as zero"))
        let forest = try #require(svgElements(body).first)
        #expect(forest.components(separatedBy: "<g class=\"forest-row").count - 1 == fixture.methods.count)
        #expect(forest.components(separatedBy: "<g class=\"forest-row headline\"").count - 1 == 1)
        let labels = XMLCheck(forest).texts
        let rowLabels = fixture.methods.map { HTMLEscaping.escape($0.method) }
        #expect(rowLabels.allSatisfy { forest.contains(">\($0)</text>") })
        #expect(labels.contains("headline"))
        // The headline's group is the second row: its circle sits on the second category's row.
        let plot = SVGPlot(title: "", x: .nice(covering: [0, 1]), y: .categories(fixture.methods.map(\.method)), height: 66 + 36 * 3)
        let headlineGroup = try #require(forest.components(separatedBy: "<g class=\"forest-row headline\"").last)
        #expect(headlineGroup.contains("cy=\"\(SVGPlot.n(plot.py(1)))\""))
        // Two methods with one short name are told apart by their labels.
        let twins = StudyReport.IsolationComparison(
            kpi: "sales", direction: "increase", methods: [fixture.methods[1], fixture.methods[1]].enumerated().map { k, m in
                .init(method: m.method, label: "\(m.method), control group \(k + 1)", estimate: m.estimate, standardError: nil, interval: m.interval, replicates: 0, observations: nil)
            }, headlineIndex: 0, reason: "r")
        let twinPlot = fullStudyReport(isolation: twins).forestPlot(twins)
        #expect(twinPlot.contains(">Callaway–Sant&#39;Anna, control group 1</text>") && twinPlot.contains(">Callaway–Sant&#39;Anna, control group 2</text>"))
    }

    @Test("event study: the band polygons run through the fixture's bounds; zero, reference and pre-trend test shown")
    func eventStudy() throws {
        let report = fullStudyReport()
        let section = AttributionFixture.eventStudy
        let chart = report.eventStudyChart(section)
        func polygon(_ lower: [Double], _ upper: [Double]) -> String {
            let xs = section.points.map { Double($0.eventTime) }
            let top = zip(xs, upper).map { "\(SVGPlot.n(chart.px($0))),\(SVGPlot.n(chart.py($1)))" }
            let bottom = zip(xs, lower).reversed().map { "\(SVGPlot.n(chart.px($0))),\(SVGPlot.n(chart.py($1)))" }
            return "<polygon points=\"\((top + bottom).joined(separator: " "))\""
        }
        #expect(chart.svg.contains(polygon(section.points.map(\.lower), section.points.map(\.upper))))
        #expect(chart.svg.contains(polygon(section.points.map { $0.uniformLower! }, section.points.map { $0.uniformUpper! })))
        // Zero: a rule across the plot area at y = 0.
        #expect(chart.svg.contains("y1=\"\(SVGPlot.n(chart.py(0)))\" x2=\"\(SVGPlot.n(chart.plotRight))\" y2=\"\(SVGPlot.n(chart.py(0)))\""))
        // The reference period: a rule labelled "reference" and a hollow point at its estimate.
        #expect(chart.svg.contains(">reference</text>"))
        #expect(chart.svg.contains("<g fill=\"#ffffff\" stroke=\"#0072B2\" stroke-width=\"2\">\n<circle cx=\"\(SVGPlot.n(chart.px(-1)))\""))
        #expect(chart.x.labels == ["−3", "−2", "−1", "0", "1", "2"])
        // A reference period left out of the points is drawn hollow at zero, inside the axis.
        let omitted = StudyReport.EventStudySection(
            estimator: "TWFE", referencePeriod: -1, level: 0.95, points: section.points.filter { $0.eventTime >= 0 }, preTrend: nil)
        let omittedChart = report.eventStudyChart(omitted)
        #expect(omittedChart.x.lower < -1 && omittedChart.x.labels.first == "−1")
        let hollowAtZero = "<g fill=\"#ffffff\" stroke=\"#0072B2\" stroke-width=\"2\">\n<circle cx=\"\(SVGPlot.n(omittedChart.px(-1)))\" cy=\"\(SVGPlot.n(omittedChart.py(0)))\""
        #expect(omittedChart.svg.contains(hollowAtZero))
        let body = try #require(sectionBody(report.html(), "event-study"))
        #expect(body.contains(chart.svg))
        #expect(body.contains("Joint test of no pre-period effects: Wald χ²(2) = 1.87, p = 0.3926."))
        #expect(body.contains("<td>−1 (reference)</td>"))
        #expect(body.contains(">1,402.8</td>") && body.contains(">2,219.8</td>"))  // estimate; uniform upper
    }

    @Test("trends: one line per series, ISO-date ticks for day counts, the treatment start marked")
    func trends() throws {
        let body = try #require(sectionBody(fullStudyReport().html(), "trends"))
        let svg = try #require(svgElements(body).first)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains(">2023-01-01</text>") && svg.contains(">treatment start</text>"))
        let chart = fullStudyReport().trendsChart(AttributionFixture.trends)
        let start = SVGPlot.n(chart.px(AttributionFixture.trends.treatmentStarts[0]))
        #expect(svg + "\n" == chart.svg)
        #expect(svg.contains("<line x1=\"\(start)\" y1=\"\(SVGPlot.n(chart.plotTop))\" x2=\"\(start)\" y2=\"\(SVGPlot.n(chart.plotBottom))\""))
        #expect(svg.contains(">Trained</text>") && svg.contains(">Comparison</text>"))
        #expect(body.contains("(2023-07-01)"))
        let periods = StudyReport.TrendSection(
            time: "month", series: [.init(name: "Trained", times: [1, 2, 3], means: [1, 2, 3])], treatmentStarts: [2])
        let numeric = try #require(svgElements(fullStudyReport(trends: periods).html()).first { $0.contains("by period and group") })
        #expect(!numeric.contains("1970-") && numeric.contains(">2</text>"))
    }

    @Test("balance: a love plot with a hollow point per covariate, a filled one per adjusted value, and the threshold")
    func balance() throws {
        let body = try #require(sectionBody(fullStudyReport().html(), "balance"))
        let svg = try #require(svgElements(body).first)
        let groups = svg.components(separatedBy: "<g fill=").map { $0.components(separatedBy: "</g>")[0] }
        let hollow = try #require(groups.first { $0.hasPrefix("\"#ffffff\" stroke=\"#D55E00\"") })
        let filled = try #require(groups.first { $0.hasPrefix("\"#0072B2\" stroke=\"#0072B2\"") })
        #expect(hollow.components(separatedBy: "<circle").count - 1 == 3)
        #expect(filled.components(separatedBy: "<circle").count - 1 == 2)
        #expect(svg.contains(">0.1</text>"))
        #expect(body.contains("<td>tenure_months</td><td class=\"num\">0.313</td><td class=\"num\">0.043</td><td>yes</td>"))
        #expect(body.contains("<td>baseline_sales</td><td class=\"num\">0.088</td><td class=\"num\">—</td><td>yes</td>"))
    }
}
