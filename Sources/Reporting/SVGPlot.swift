import Foundation

/// A small SVG chart: a plot area with two axes, grid lines, tick labels, axis titles and marks
/// (lines, bands, points with error bars, histogram bars, horizontal bars, rules) added in data units.
///
/// Presentation only (house style 10): every mark reads values it is given. The output is a
/// standalone, well-formed `<svg>` element (XML 1.0, SVG 1.1 namespace) with inline presentation
/// attributes, so it renders the same inline in HTML, on its own, and in print; every text is
/// escaped with `HTMLEscaping`. Layout after the conventions of R's base graphics: y tick labels
/// to the left of the plot area, x tick labels below, light horizontal grid lines at the y ticks.
public struct SVGPlot: Sendable {
    /// Total width in pixels (the `viewBox` width; the SVG scales to its container).
    public let width: Double
    /// Total height in pixels.
    public let height: Double
    /// Horizontal axis.
    public let x: SVGAxis
    /// Vertical axis.
    public let y: SVGAxis
    /// Accessible title (`<title>` and `aria-label`).
    public let title: String
    /// Title under the x axis.
    public let xTitle: String
    /// Title beside the y axis.
    public let yTitle: String
    /// Space left of the plot area for the y tick labels.
    public let leftMargin: Double
    /// SVG fragments of the marks, in drawing order.
    public internal(set) var marks: [String] = []

    // Room for half of the last x tick label, which is centred on the right edge of the plot area.
    let rightMargin = 36.0
    /// Space above the plot area; a legend drawn with `legendAbove` needs about 24.
    public let topMargin: Double
    let bottomMargin = 44.0

    /// A plot with no marks yet.
    public init(
        title: String, x: SVGAxis, y: SVGAxis, xTitle: String = "", yTitle: String = "", width: Double = 560,
        height: Double = 260, leftMargin: Double = 72, topMargin: Double = 14
    ) {
        precondition(
            width > leftMargin + 40 && height > topMargin + 80 && topMargin >= 0, "the plot area must have room to draw")
        self.title = title
        self.x = x
        self.y = y
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.width = width
        self.height = height
        self.leftMargin = leftMargin
        self.topMargin = topMargin
    }

    /// Left, right, top and bottom edges of the plot area in pixels.
    var plotLeft: Double { leftMargin }
    var plotRight: Double { width - rightMargin }
    var plotTop: Double { topMargin }
    var plotBottom: Double { height - bottomMargin }

    /// Pixel column of data value `v` on the x axis.
    func px(_ v: Double) -> Double { x.position(v, from: plotLeft, to: plotRight) }
    /// Pixel row of data value `v` on the y axis. SVG rows grow downwards, so a numeric axis is
    /// flipped (values grow upwards); a categorical one is not, so the first category is the top
    /// row and a table beside the plot reads in the same order.
    func py(_ v: Double) -> Double {
        y.isCategorical ? y.position(v, from: plotTop, to: plotBottom) : y.position(v, from: plotBottom, to: plotTop)
    }

    /// The chart as an `<svg>` element.
    public var svg: String {
        let t = HTMLEscaping.escape(title)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
        out += "width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" role=\"img\" aria-label=\"\(t)\" "
        out += "font-family=\"sans-serif\" font-size=\"11\">\n<title>\(t)</title>\n"
        out += gridAndTicks + marks.joined() + axisTitles + "</svg>\n"
        return out
    }

    private var gridAndTicks: String {
        var out = "<g class=\"axes\" stroke=\"#d9d9d9\" stroke-width=\"1\">\n"
        for v in y.ticks where !y.isCategorical {
            out += Self.lineTag(plotLeft, py(v), plotRight, py(v))
        }
        // The zero line of a numeric axis is drawn darker: it is the reference for effects and net benefits.
        if !x.isCategorical, x.lower < 0, x.upper > 0 {
            out += Self.lineTag(px(0), plotTop, px(0), plotBottom, extra: " stroke=\"#888888\"")
        }
        out += Self.lineTag(plotLeft, plotBottom, plotRight, plotBottom, extra: " stroke=\"#444444\"")
        out += Self.lineTag(plotLeft, plotTop, plotLeft, plotBottom, extra: " stroke=\"#444444\"")
        out += "</g>\n<g class=\"tick-labels\" fill=\"#333333\">\n"
        for (v, label) in zip(x.ticks, x.labels) {
            out += Self.lineTag(px(v), plotBottom, px(v), plotBottom + 4, extra: " stroke=\"#444444\"")
            out += Self.textTag(px(v), plotBottom + 16, label, anchor: "middle")
        }
        for (v, label) in zip(y.ticks, y.labels) {
            out += Self.lineTag(plotLeft - 4, py(v), plotLeft, py(v), extra: " stroke=\"#444444\"")
            out += Self.textTag(plotLeft - 7, py(v) + 4, label, anchor: "end")
        }
        return out + "</g>\n"
    }

    private var axisTitles: String {
        var out = ""
        if !xTitle.isEmpty {
            out += Self.textTag((plotLeft + plotRight) / 2, height - 8, xTitle, anchor: "middle")
        }
        if !yTitle.isEmpty {
            let cx = 12.0
            let cy = (plotTop + plotBottom) / 2
            out += "<text x=\"\(Self.n(cx))\" y=\"\(Self.n(cy))\" text-anchor=\"middle\" "
            out += "transform=\"rotate(-90 \(Self.n(cx)) \(Self.n(cy)))\">\(HTMLEscaping.escape(yTitle))</text>\n"
        }
        return out
    }

    /// A coordinate with one decimal, locale-independent (`String(format:)` uses the POSIX locale).
    static func n(_ v: Double) -> String {
        precondition(v.isFinite, "SVG coordinates must be finite")
        let text = String(format: "%.1f", v)
        return text == "-0.0" ? "0.0" : text
    }

    static func lineTag(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, extra: String = "") -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"\(extra)/>\n"
    }

    static func textTag(_ x: Double, _ y: Double, _ text: String, anchor: String, extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(extra)>\(HTMLEscaping.escape(text))</text>\n"
    }
}
