/// The attribution tables of the HTML study report: chain of impact, isolation methods side by side
/// (with the forest plot), the conversion table and the diagnostics. Rows come from
/// `StudyReport+AttributionText.swift`, shared with the Markdown report; every cell is escaped.
/// A section whose data are absent is left out; diagnostics says "none run" instead.
extension StudyReport {
    var htmlChainOfImpact: String {
        guard let chain = chainOfImpact else { return "" }
        let rows = chain.levels.map { l -> [String] in
            let c = Self.chainCells(l)
            let measures = c.measures.isEmpty ? "—" : "<ul>" + c.measures.map { "<li>\(Self.h($0))</li>" }.joined() + "</ul>"
            return [String(l.level), Self.h(l.name), Self.h(c.status), measures, Self.h(c.source)]
        }
        var body = Self.markupTable(
            header: Self.chainHeader, rows: rows, numeric: [0], rowClasses: chain.levels.map { $0.measured ? nil : "not-collected" })
        body += "<h3>\(Self.h(Self.intangiblesHeading))</h3>\n"
        body += chain.intangibles.isEmpty ? Self.paragraph("None listed.") : Self.list(chain.intangibles)
        return Self.section("chain-of-impact", "Chain of impact (levels 1–5)", body)
    }

    var htmlIsolation: String {
        guard let isolation else { return "" }
        var body = Self.paragraph(
            "Effect of the program on \(isolation.kpi) per treated unit per month, by each isolation method "
                + "(direction of benefit: \(isolation.direction)).")
        body += Self.markupTable(
            header: Self.isolationHeader, rows: Self.isolationRows(isolation).map { $0.map(Self.h) }, numeric: [1, 2, 3, 4, 6, 7],
            rowClasses: isolation.methods.indices.map { $0 == isolation.headlineIndex ? "headline-method" : nil })
        body += Self.paragraph("Headline: \(isolation.headline.label), because \(isolation.reasonSentence)")
        body += forestPlot(isolation)
        return Self.section("isolation", "Isolation methods side by side", body)
    }

    /// The methods' intervals, one row each, with zero marked and the headline highlighted. Rows
    /// are named by the short method name, or by the full label when two methods share a name
    /// (e.g. one estimator with two control groups).
    func forestPlot(_ s: IsolationComparison) -> String {
        let distinct = Set(s.methods.map(\.method)).count == s.methods.count
        let names = s.methods.map { Self.axisLabel(distinct ? $0.method : $0.label, limit: distinct ? 30 : 40) }
        let x = SVGAxis.nice(covering: s.methods.flatMap { [$0.interval.lower, $0.interval.upper, $0.estimate] }, including: [0])
        var plot = SVGPlot(
            title: "Effect on \(s.kpi) by isolation method", x: x, y: .categories(names),
            xTitle: "effect on \(s.kpi) per treated unit per month", height: 66 + 36 * Double(names.count),
            leftMargin: Self.leftMargin(for: names))
        plot.rowHighlight(at: Double(s.headlineIndex), color: SVGPlot.palette[3])
        for (k, m) in s.methods.enumerated() {
            let headline = k == s.headlineIndex
            plot.pointsWithErrorBars(
                [(position: Double(k), estimate: m.estimate, lower: m.interval.lower, upper: m.interval.upper)], horizontal: true,
                color: headline ? SVGPlot.palette[1] : SVGPlot.palette[0], cssClass: headline ? "forest-row headline" : "forest-row")
        }
        let h = s.headline
        plot.text("headline", x: h.estimate, y: Double(s.headlineIndex), anchor: "middle", dy: -9, color: SVGPlot.palette[1])
        return Self.figure(
            plot.svg,
            caption: "Point estimates with their intervals (see the table for each interval's level and method); "
                + "the vertical line marks zero effect; highlighted: the headline, \(h.method).")
    }

    var htmlConversionTable: String {
        guard let conversions, !conversions.isEmpty else { return "" }
        let body = Self.table(header: Self.conversionHeader, rows: Self.conversionRows(conversions), numeric: [1])
        return Self.section("conversion-table", "Conversion table: money per unit of each KPI", body)
    }

    var htmlDiagnostics: String {
        guard !diagnostics.isEmpty else {
            return Self.section("diagnostics", "Diagnostics", Self.paragraph("None run."))
        }
        let rows = Self.diagnosticRows(diagnostics).enumerated().map { k, row in
            let status = diagnostics[k].status
            let badge = "<span class=\"badge badge-\(status == .notRun ? "not-run" : status.rawValue)\">\(Self.h(row[1]))</span>"
            return [Self.h(row[0]), badge] + row[2...].map(Self.h)
        }
        let body = Self.markupTable(header: Self.diagnosticsHeader, rows: rows)
        return Self.section("diagnostics", "Diagnostics", body)
    }

    /// `text` cut to `limit` characters with an ellipsis, for an axis label (the table has it in full).
    static func axisLabel(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Room for the longest category label at about 6.2 px per character of the 11 px font, within 80–260 px.
    static func leftMargin(for labels: [String]) -> Double {
        min(260, max(80, 18 + 6.2 * Double(labels.map(\.count).max() ?? 0)))
    }
}
