/// The sensitivity section of the HTML study report: the ROI interval as a function of the
/// parallel-trends violation M̄ (Rambachan & Roth 2023) with the breakdown M̄, the tornado of
/// assumption ranges, and the effect of each guiding-principle adjustment. Values are read from
/// the report; the section is left out when the study ran no sensitivity analysis.
extension StudyReport {
    var htmlSensitivity: String {
        guard let sensitivity else { return "" }
        var body = ""
        if let curve = sensitivity.breakdown, !curve.points.isEmpty {
            body += "<h3>ROI interval under violations of parallel trends</h3>\n" + breakdownPlot(curve)
            body += Self.paragraph(Self.breakdownText(curve))
            body += Self.table(header: Self.breakdownHeader, rows: Self.breakdownRows(curve), numeric: [0, 1, 2])
        }
        if !sensitivity.tornado.isEmpty {
            body += "<h3>Tornado: ROI over each assumption's range</h3>\n" + tornadoPlot(sensitivity)
            body += Self.table(header: Self.tornadoHeader, rows: Self.tornadoRows(sensitivity.tornado), numeric: [1, 2, 3, 4])
        }
        if !sensitivity.principleAdjustments.isEmpty {
            body += "<h3>Guiding-principle adjustments (before → after)</h3>\n"
            body += Self.table(
                header: Self.adjustmentHeader, rows: Self.adjustmentRows(sensitivity.principleAdjustments), numeric: [0, 2, 3])
        }
        guard !body.isEmpty else { return "" }
        return Self.section("sensitivity", "Sensitivity of the ROI", body)
    }

    /// The breakdown chart in a figure with its caption.
    func breakdownPlot(_ c: BreakdownCurve) -> String {
        Self.figure(
            breakdownChart(c).svg,
            caption: "Shaded: the ROI at the ends of the robust effect interval for each M̄. "
                + (c.breakdownMBar.map { "From M̄ = \(NumberText.statistic($0)) on, the interval includes 0 %." }
                    ?? "The interval excludes 0 % over the whole grid."))
    }

    /// The ROI interval along M̄ as a shaded band between its ends, with the zero and hurdle lines
    /// and the breakdown M̄ marked.
    func breakdownChart(_ c: BreakdownCurve) -> SVGPlot {
        let m = c.points.map(\.mBar)
        let (lower, upper) = (c.points.map(\.roiLower), c.points.map(\.roiUpper))
        var plot = SVGPlot(
            title: "ROI interval by M̄", x: .nice(covering: m), y: .nice(covering: lower + upper, including: [0] + [roi.hurdlePercent].compactMap { $0 }),
            xTitle: "M̄ (post-period violation relative to the largest pre-period one)", yTitle: "ROI (%)", height: 280,
            topMargin: 30)
        plot.band(x: m, lower: lower, upper: upper, color: SVGPlot.palette[0])
        plot.line(zip(m, lower).map { (x: $0, y: $1) }, color: SVGPlot.palette[0], markers: false)
        plot.line(zip(m, upper).map { (x: $0, y: $1) }, color: SVGPlot.palette[0], markers: false)
        plot.horizontalRule(at: 0, label: "ROI = 0 %", color: "#333333", dashed: false)
        var legend: [SVGLegendEntry] = [
            .init(name: "\(NumberText.level(roi.level)) ROI interval", color: SVGPlot.palette[0], key: .swatch(opacity: 0.2))
        ]
        if let hurdle = roi.hurdlePercent {
            plot.horizontalRule(
                at: hurdle, label: "hurdle \(NumberText.percent(hurdle))", color: SVGPlot.palette[1], labelAtStart: true)
            legend.append(.init(name: "hurdle", color: SVGPlot.palette[1], key: .line(dashed: true)))
        }
        if let breakdown = c.breakdownMBar {
            plot.verticalRule(at: breakdown, label: "breakdown M̄ = \(NumberText.statistic(breakdown))", color: SVGPlot.palette[2])
            legend.append(.init(name: "breakdown M̄", color: SVGPlot.palette[2], key: .line(dashed: true)))
        }
        plot.legendAbove(legend)
        return plot
    }

    /// One bar per assumption from the ROI at its low end to the ROI at its high end, split at the
    /// base ROI (the low side and the high side coloured apart), widest first; each end labelled.
    func tornadoPlot(_ s: SensitivitySection) -> String {
        let rows = Self.tornadoSorted(s.tornado)
        let names = rows.map { Self.axisLabel("\($0.assumption) (\($0.low) to \($0.high))", limit: 40) }
        let ends = rows.flatMap { [$0.roiAtLow, $0.roiAtHigh] }
        let base = s.baseROIPercent
        let all = ends + [base].compactMap { $0 }
        // Room beyond the extreme bars for their 7–9 character end labels (about a quarter of the span).
        let pad = ((all.max() ?? 1) - (all.min() ?? 0)) * 0.25
        var plot = SVGPlot(
            title: "Tornado: ROI by assumption", x: .nice(covering: all + [(all.min() ?? 0) - pad, (all.max() ?? 0) + pad]),
            y: .categories(names), xTitle: "ROI (%)", height: 88 + 32 * Double(names.count), leftMargin: Self.leftMargin(for: names),
            topMargin: base == nil ? 14 : 30)
        let centre = base ?? .nan
        if base != nil {
            plot.rangeBars(rows.map { (low: centre, high: $0.roiAtLow) }, color: SVGPlot.palette[0])
            plot.rangeBars(rows.map { (low: centre, high: $0.roiAtHigh) }, color: SVGPlot.palette[3])
        } else {
            plot.rangeBars(rows.map { (low: $0.roiAtLow, high: $0.roiAtHigh) }, color: SVGPlot.palette[0])
        }
        for (k, r) in rows.enumerated() {
            let (left, right) = r.roiAtLow <= r.roiAtHigh ? (r.roiAtLow, r.roiAtHigh) : (r.roiAtHigh, r.roiAtLow)
            plot.text(NumberText.percent(left), x: left, y: Double(k), anchor: "end", dx: -4)
            plot.text(NumberText.percent(right), x: right, y: Double(k), anchor: "start", dx: 4)
        }
        if let base {
            plot.verticalRule(at: base, label: "base \(NumberText.percent(base))", color: "#333333", dashed: false)
        }
        if base != nil {
            plot.legendAbove([
                .init(name: "assumption at its low end", color: SVGPlot.palette[0], key: .swatch(opacity: 0.85)),
                .init(name: "at its high end", color: SVGPlot.palette[3], key: .swatch(opacity: 0.85)),
            ])
        }
        return Self.figure(
            plot.svg,
            caption: "Each bar runs from the ROI with one assumption at the low end of its range to the ROI at the high end, "
                + "all else at base; widest first.")
    }
}
