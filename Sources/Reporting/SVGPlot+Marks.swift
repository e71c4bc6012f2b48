/// Marks of an `SVGPlot`, each given in data units and drawn in the order added.
///
/// Colours are CSS colour strings chosen by the caller (escaped like all text); the palette is the
/// Okabe–Ito colour-blind-safe set (Okabe & Ito, "Color Universal Design", 2008), which stays
/// distinguishable in grey-scale print when combined with the dashed/solid distinction.
///
/// Non-finite values (a period without data, an undefined ratio) are left out rather than trapped
/// on: a line or band breaks into pieces at them, and a point, bar or rule with one is not drawn,
/// so that a report with a missing value still renders; its tables print the value as "n/a".
extension SVGPlot {
    /// Okabe–Ito colours: blue, vermillion, bluish green, orange, reddish purple, sky blue.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9"]

    /// A polyline through `points` (in order), with optional circles at the points; a point with a
    /// non-finite coordinate breaks the line in two.
    public mutating func line(
        _ points: [(x: Double, y: Double)], color: String, dashed: Bool = false, markers: Bool = true
    ) {
        let c = HTMLEscaping.escape(color)
        var out = ""
        for run in Self.finiteRuns(points.indices, where: { points[$0].x.isFinite && points[$0].y.isFinite }) where run.count > 1 {
            let path = run.map { "\(Self.n(px(points[$0].x))),\(Self.n(py(points[$0].y)))" }.joined(separator: " ")
            out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(c)\" stroke-width=\"2\""
            out += dashed ? " stroke-dasharray=\"6 4\"/>\n" : "/>\n"
        }
        if markers {
            for p in points where p.x.isFinite && p.y.isFinite {
                out += "<circle cx=\"\(Self.n(px(p.x)))\" cy=\"\(Self.n(py(p.y)))\" r=\"3.5\" fill=\"\(c)\"/>\n"
            }
        }
        if !out.isEmpty { marks.append(out) }
    }

    /// Maximal runs of consecutive indices that satisfy `isFinite`, in order.
    static func finiteRuns(_ indices: Range<Int>, where isFinite: (Int) -> Bool) -> [[Int]] {
        var runs: [[Int]] = [[]]
        for k in indices {
            if isFinite(k) { runs[runs.count - 1].append(k) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// A filled band between `lower` and `upper` along `x` (a confidence band), drawn translucent:
    /// one polygon along the upper bounds and back along the lower ones, or one per run of
    /// positions where all three values are finite.
    public mutating func band(x xs: [Double], lower: [Double], upper: [Double], color: String) {
        precondition(xs.count == lower.count && xs.count == upper.count, "band arrays must have equal lengths")
        let finite = { (k: Int) in xs[k].isFinite && lower[k].isFinite && upper[k].isFinite }
        for run in Self.finiteRuns(xs.indices, where: finite) {
            let top = run.map { "\(Self.n(px(xs[$0]))),\(Self.n(py(upper[$0])))" }
            let bottom = run.reversed().map { "\(Self.n(px(xs[$0]))),\(Self.n(py(lower[$0])))" }
            marks.append(
                "<polygon points=\"\((top + bottom).joined(separator: " "))\" fill=\"\(HTMLEscaping.escape(color))\" "
                    + "fill-opacity=\"0.2\" stroke=\"none\"/>\n")
        }
    }

    /// Points with error bars. `horizontal: true` draws each interval along x at row `position`
    /// (a forest plot); otherwise along y at column `position`. Whiskers end in short caps.
    /// `cssClass` names the group (e.g. "forest-row headline") so that a reader or a test can find it.
    public mutating func pointsWithErrorBars(
        _ items: [(position: Double, estimate: Double, lower: Double, upper: Double)], horizontal: Bool, color: String,
        cssClass: String? = nil
    ) {
        let c = HTMLEscaping.escape(color)
        let cls = cssClass.map { " class=\"\(HTMLEscaping.escape($0))\"" } ?? ""
        var out = "<g\(cls) stroke=\"\(c)\" stroke-width=\"2\" fill=\"\(c)\">\n"
        for item in items where [item.position, item.estimate, item.lower, item.upper].allSatisfy(\.isFinite) {
            if horizontal {
                let row = py(item.position)
                let (a, b) = (px(item.lower), px(item.upper))
                out += Self.lineTag(a, row, b, row)
                out += Self.lineTag(a, row - 5, a, row + 5) + Self.lineTag(b, row - 5, b, row + 5)
                out += "<circle cx=\"\(Self.n(px(item.estimate)))\" cy=\"\(Self.n(row))\" r=\"4\"/>\n"
            } else {
                let column = px(item.position)
                let (a, b) = (py(item.lower), py(item.upper))
                out += Self.lineTag(column, a, column, b)
                out += Self.lineTag(column - 5, a, column + 5, a) + Self.lineTag(column - 5, b, column + 5, b)
                out += "<circle cx=\"\(Self.n(column))\" cy=\"\(Self.n(py(item.estimate)))\" r=\"4\"/>\n"
            }
        }
        marks.append(out + "</g>\n")
    }

    /// Histogram bars: bar k spans `edges[k]`…`edges[k + 1]` on x and 0…`counts[k]` on y.
    public mutating func histogram(_ bins: SVGHistogram, color: String) {
        let c = HTMLEscaping.escape(color)
        var out = "<g fill=\"\(c)\" fill-opacity=\"0.75\" stroke=\"#ffffff\" stroke-width=\"0.5\">\n"
        for k in bins.counts.indices where bins.counts[k] > 0 {
            let left = px(bins.edges[k])
            let right = px(bins.edges[k + 1])
            let top = py(Double(bins.counts[k]))
            out += "<rect x=\"\(Self.n(left))\" y=\"\(Self.n(top))\" width=\"\(Self.n(right - left))\" "
            out += "height=\"\(Self.n(py(0) - top))\"/>\n"
        }
        marks.append(out + "</g>\n")
    }

    /// Horizontal bars from 0 to `values[k]` in row k of a categorical y axis, each with an
    /// optional text label just beyond its end.
    public mutating func horizontalBars(_ values: [Double], labels: [String]? = nil, color: String) {
        precondition(labels == nil || labels!.count == values.count, "one label per bar")
        let c = HTMLEscaping.escape(color)
        var out = "<g fill=\"\(c)\">\n"
        for (k, v) in values.enumerated() where v.isFinite {
            let (a, b) = (px(min(0, v)), px(max(0, v)))
            let row = py(Double(k))
            out += "<rect x=\"\(Self.n(a))\" y=\"\(Self.n(row - 9))\" width=\"\(Self.n(b - a))\" height=\"18\"/>\n"
            if let labels {
                out += Self.textTag(b + 5, row + 4, labels[k], anchor: "start", extra: " fill=\"#333333\"")
            }
        }
        marks.append(out + "</g>\n")
    }

    /// A vertical rule at `x` across the plot area with an optional label at its top: to the right
    /// of the line, or to its left when the line is in the right quarter of the plot area, so that
    /// the label stays inside the drawing.
    public mutating func verticalRule(at value: Double, label: String = "", color: String, dashed: Bool = true) {
        guard value.isFinite else { return }
        let c = HTMLEscaping.escape(color)
        var extra = " stroke=\"\(c)\" stroke-width=\"1.5\""
        if dashed { extra += " stroke-dasharray=\"5 3\"" }
        var out = Self.lineTag(px(value), plotTop, px(value), plotBottom, extra: extra)
        if !label.isEmpty {
            let right = px(value) > plotLeft + 0.75 * (plotRight - plotLeft)
            out += Self.textTag(
                px(value) + (right ? -3 : 3), plotTop + 10, label, anchor: right ? "end" : "start", extra: " fill=\"\(c)\"")
        }
        marks.append(out)
    }

    /// A shaded vertical band between `lower` and `upper` on x (an interval behind other marks).
    public mutating func verticalBand(from lower: Double, to upper: Double, color: String) {
        guard lower.isFinite && upper.isFinite else { return }
        let (a, b) = (px(lower), px(upper))
        marks.append(
            "<rect x=\"\(Self.n(min(a, b)))\" y=\"\(Self.n(plotTop))\" width=\"\(Self.n(abs(b - a)))\" "
                + "height=\"\(Self.n(plotBottom - plotTop))\" fill=\"\(HTMLEscaping.escape(color))\" fill-opacity=\"0.12\"/>\n")
    }

    /// A legend in the top-left corner of the plot area: one coloured swatch and name per entry.
    public mutating func legend(_ entries: [(name: String, color: String)]) {
        var out = "<g class=\"legend\">\n"
        for (k, e) in entries.enumerated() {
            let row = plotTop + 12 + Double(k) * 15
            out += "<rect x=\"\(Self.n(plotLeft + 8))\" y=\"\(Self.n(row - 8))\" width=\"10\" height=\"10\" "
            out += "fill=\"\(HTMLEscaping.escape(e.color))\"/>\n"
            out += Self.textTag(plotLeft + 22, row + 1, e.name, anchor: "start", extra: " fill=\"#333333\"")
        }
        marks.append(out + "</g>\n")
    }
}
