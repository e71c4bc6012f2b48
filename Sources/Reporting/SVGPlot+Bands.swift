/// Reference marks of an `SVGPlot` for intervals and thresholds: horizontal rules, points (filled or
/// hollow), bars spanning a range in a categorical row, a highlighted row, text in data units and
/// a legend above the plot area. Together with `band` (a shaded polygon, in `SVGPlot+Marks.swift`)
/// they draw event-study bands, forest plots, tornado charts and love plots. As with the marks of
/// `SVGPlot+Marks.swift`, a value that is not finite is left out rather than trapped on.
extension SVGPlot {
    /// A horizontal rule at `y` across the plot area (zero, a hurdle), with an optional label above
    /// the line at its right end, or at its left end with `labelAtStart` (so that two close rules,
    /// such as zero and a low hurdle, keep their labels apart).
    public mutating func horizontalRule(
        at value: Double, label: String = "", color: String, dashed: Bool = true, labelAtStart: Bool = false
    ) {
        guard value.isFinite else { return }
        let c = HTMLEscaping.escape(color)
        var extra = " stroke=\"\(c)\" stroke-width=\"1.5\""
        if dashed { extra += " stroke-dasharray=\"5 3\"" }
        var out = Self.lineTag(plotLeft, py(value), plotRight, py(value), extra: extra)
        if !label.isEmpty {
            let (x, anchor) = labelAtStart ? (plotLeft + 3, "start") : (plotRight - 3, "end")
            out += Self.textTag(x, py(value) - 4, label, anchor: anchor, extra: " fill=\"\(c)\"")
        }
        marks.append(out)
    }

    /// Points at `(x, y)`; hollow points (white fill, coloured ring) mark values that are not
    /// estimated, such as a normalised reference period, or the "before" side of a love plot.
    public mutating func points(_ points: [(x: Double, y: Double)], color: String, hollow: Bool = false, radius: Double = 4) {
        let points = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard !points.isEmpty else { return }
        let c = HTMLEscaping.escape(color)
        let fill = hollow ? "#ffffff" : c
        var out = "<g fill=\"\(fill)\" stroke=\"\(c)\" stroke-width=\"\(hollow ? "2" : "1")\">\n"
        for p in points {
            out += "<circle cx=\"\(Self.n(px(p.x)))\" cy=\"\(Self.n(py(p.y)))\" r=\"\(Self.n(radius))\"/>\n"
        }
        marks.append(out + "</g>\n")
    }

    /// Bars spanning `low`…`high` on x in row k of a categorical y axis (tornado bars, which need
    /// not start at zero). Bars with a non-finite end are left out.
    public mutating func rangeBars(
        _ ranges: [(low: Double, high: Double)], color: String, thickness: Double = 16, opacity: Double = 0.85
    ) {
        let c = HTMLEscaping.escape(color)
        var out = "<g fill=\"\(c)\" fill-opacity=\"\(Self.n(opacity))\">\n"
        for (k, r) in ranges.enumerated() where r.low.isFinite && r.high.isFinite {
            let (a, b) = (px(min(r.low, r.high)), px(max(r.low, r.high)))
            let row = py(Double(k))
            out += "<rect x=\"\(Self.n(a))\" y=\"\(Self.n(row - thickness / 2))\" width=\"\(Self.n(b - a))\" "
            out += "height=\"\(Self.n(thickness))\"/>\n"
        }
        marks.append(out + "</g>\n")
    }

    /// A shaded strip across the plot area behind row `position` of a categorical y axis (the
    /// headline of a forest plot). Add it before the row's marks so that they draw on top.
    public mutating func rowHighlight(at position: Double, color: String) {
        precondition(y.isCategorical, "a row highlight needs a categorical y axis")
        let half = (plotBottom - plotTop) / (y.upper - y.lower) / 2
        marks.append(
            "<rect class=\"highlight\" x=\"\(Self.n(plotLeft))\" y=\"\(Self.n(py(position) - half))\" "
                + "width=\"\(Self.n(plotRight - plotLeft))\" height=\"\(Self.n(2 * half))\" "
                + "fill=\"\(HTMLEscaping.escape(color))\" fill-opacity=\"0.14\"/>\n")
    }

    /// Text at data position `(x, y)`, nudged `dx` pixels right and `dy` down (the default 4 centres
    /// 11 px text on the position's row).
    public mutating func text(
        _ text: String, x: Double, y: Double, anchor: String = "start", dx: Double = 0, dy: Double = 4, color: String = "#333333"
    ) {
        precondition(["start", "middle", "end"].contains(anchor), "anchor must be start, middle or end")
        guard x.isFinite && y.isFinite else { return }
        marks.append(Self.textTag(px(x) + dx, py(y) + dy, text, anchor: anchor, extra: " fill=\"\(HTMLEscaping.escape(color))\""))
    }

    /// A legend above the plot area, in rows that wrap at the right edge of the drawing: each
    /// entry's key drawn like its mark, then its name (cut to 40 characters). The top margin should
    /// be `legendAboveMargin(_:width:leftMargin:)` so that the last row clears the data.
    public mutating func legendAbove(_ entries: [SVGLegendEntry]) {
        let layout = Self.legendLayout(entries, left: plotLeft, right: width - 4)
        let rows = (layout.map(\.row).max() ?? 0) + 1
        var out = "<g class=\"legend\">\n"
        for (e, place) in zip(entries, layout) {
            // Rows are stacked upwards from 12 px above the plot area.
            let mid = max(8, topMargin - 12 - 15 * Double(rows - 1 - place.row))
            let left = place.x
            let c = HTMLEscaping.escape(e.color)
            switch e.key {
            case .swatch(let opacity):
                out += "<rect x=\"\(Self.n(left))\" y=\"\(Self.n(mid - 5))\" width=\"16\" height=\"10\" fill=\"\(c)\" "
                out += "fill-opacity=\"\(Self.n(opacity))\"/>\n"
            case .line(let dashed):
                let dash = dashed ? " stroke-dasharray=\"5 3\"" : ""
                out += Self.lineTag(left, mid, left + 16, mid, extra: " stroke=\"\(c)\" stroke-width=\"2\"\(dash)")
            case .point(let hollow):
                out += "<circle cx=\"\(Self.n(left + 8))\" cy=\"\(Self.n(mid))\" r=\"4\" fill=\"\(hollow ? "#ffffff" : c)\" "
                out += "stroke=\"\(c)\" stroke-width=\"2\"/>\n"
            }
            out += Self.textTag(left + 21, mid + 4, Self.legendName(e.name), anchor: "start", extra: " fill=\"#333333\"")
        }
        marks.append(out + "</g>\n")
    }

    /// The top margin a legend above needs: 24 px for one row and 15 px for each further row.
    public static func legendAboveMargin(_ entries: [SVGLegendEntry], width: Double = 560, leftMargin: Double = 72) -> Double {
        let rows = (legendLayout(entries, left: leftMargin, right: width - 4).map(\.row).max() ?? 0) + 1
        return 24 + 15 * Double(rows - 1)
    }

    /// Row and left edge of each legend entry. Widths are estimated at 6.2 px per character of the
    /// 11 px sans-serif font, plus the 21 px key and 14 px of space.
    static func legendLayout(_ entries: [SVGLegendEntry], left: Double, right: Double) -> [(row: Int, x: Double)] {
        var (row, x) = (0, left)
        return entries.map { e in
            let w = 21 + 6.2 * Double(legendName(e.name).count)
            if x > left && x + w > right { (row, x) = (row + 1, left) }
            defer { x += w + 14 }
            return (row, x)
        }
    }

    static func legendName(_ name: String) -> String { name.count <= 40 ? name : String(name.prefix(39)) + "…" }
}
