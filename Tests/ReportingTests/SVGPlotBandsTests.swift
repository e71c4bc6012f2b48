import Foundation
import Testing

@testable import Reporting

@Suite("SVG plots: reference marks, range bars and the legend above")
struct SVGPlotBandsTests {
    private func plot(topMargin: Double = 14) -> SVGPlot {
        SVGPlot(
            title: "t", x: .nice(covering: [0, 10]), y: .nice(covering: [-5, 5]), width: 400, height: 300, topMargin: topMargin)
    }

    @Test("a horizontal rule spans the plot area at the value's row; its label is escaped")
    func horizontalRule() {
        var p = plot()
        p.horizontalRule(at: 0, label: "ROI = 0 <zero>", color: "#000")
        let row = SVGPlot.n(p.py(0))
        #expect(p.svg.contains("<line x1=\"\(SVGPlot.n(p.plotLeft))\" y1=\"\(row)\" x2=\"\(SVGPlot.n(p.plotRight))\" y2=\"\(row)\""))
        #expect(p.svg.contains("ROI = 0 &lt;zero&gt;"))
        #expect(XMLCheck(p.svg).error == nil)
    }

    @Test("hollow points are white with a coloured ring; filled points take the colour")
    func hollowPoints() {
        var p = plot()
        p.points([(x: 2, y: 1), (x: 4, y: -1)], color: "#D55E00", hollow: true)
        p.points([(x: 6, y: 3)], color: "#0072B2")
        let check = XMLCheck(p.svg)
        #expect(check.error == nil)
        #expect(check.elements.filter { $0 == "circle" }.count == 3)
        #expect(p.svg.contains("<g fill=\"#ffffff\" stroke=\"#D55E00\""))
        #expect(p.svg.contains("<g fill=\"#0072B2\" stroke=\"#0072B2\""))
        #expect(p.svg.contains("cx=\"\(SVGPlot.n(p.px(4)))\" cy=\"\(SVGPlot.n(p.py(-1)))\""))
    }

    @Test("range bars span low to high in their rows, whichever end is larger; non-finite bars are left out")
    func rangeBars() {
        var p = SVGPlot(title: "t", x: .nice(covering: [0, 100]), y: .categories(["a", "b", "c"]), width: 400, height: 200)
        p.rangeBars([(low: 60, high: 20), (low: 10, high: 90), (low: .nan, high: 3)], color: "#009E73")
        let check = XMLCheck(p.svg)
        #expect(check.elements.filter { $0 == "rect" }.count == 2)
        let width = SVGPlot.n(p.px(60) - p.px(20))
        #expect(p.svg.contains("<rect x=\"\(SVGPlot.n(p.px(20)))\" y=\"\(SVGPlot.n(p.py(0) - 8))\" width=\"\(width)\""))
    }

    @Test("a row highlight covers exactly one category band")
    func rowHighlight() {
        var p = SVGPlot(title: "t", x: .nice(covering: [0, 1]), y: .categories(["a", "b"]), width: 400, height: 200)
        p.rowHighlight(at: 1, color: "#E69F00")
        let band = (p.plotBottom - p.plotTop) / 2
        #expect(p.svg.contains("y=\"\(SVGPlot.n(p.plotTop + band))\" width=\"\(SVGPlot.n(p.plotRight - p.plotLeft))\" height=\"\(SVGPlot.n(band))\""))
    }

    @Test("the band polygon runs along the upper bounds and back along the lower bounds")
    func bandPoints() throws {
        var p = plot()
        p.band(x: [1, 2, 3], lower: [-1, -2, -3], upper: [1, 2, 4], color: "#0072B2")
        let points = try #require(p.svg.components(separatedBy: "<polygon points=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let expected = [(1.0, 1.0), (2, 2), (3, 4), (3, -3), (2, -2), (1, -1)].map { "\(SVGPlot.n(p.px($0.0))),\(SVGPlot.n(p.py($0.1)))" }
        #expect(points == expected.joined(separator: " "))
    }

    @Test("the legend above draws each key like its mark and stays in the top margin")
    func legendAbove() {
        var p = plot(topMargin: 28)
        p.legendAbove([
            .init(name: "pointwise <95 %>", color: "#0072B2", key: .swatch(opacity: 0.3)),
            .init(name: "comparison", color: "#D55E00", key: .line(dashed: true)),
            .init(name: "reference", color: "#000000", key: .point(hollow: true)),
        ])
        let check = XMLCheck(p.svg)
        #expect(check.error == nil)
        #expect(p.svg.contains("fill-opacity=\"0.3\""))
        #expect(p.svg.contains("stroke-dasharray=\"5 3\""))
        #expect(p.svg.contains("fill=\"#ffffff\" stroke=\"#000000\""))
        #expect(check.texts.joined().contains("pointwise <95 %>"))
        #expect(p.plotTop == 28)
    }

    @Test("error bars carry an escaped class when asked")
    func errorBarClass() {
        var p = plot()
        p.pointsWithErrorBars([(position: 1, estimate: 0, lower: -1, upper: 1)], horizontal: false, color: "#000", cssClass: "row \"x\"")
        #expect(p.svg.contains("<g class=\"row &quot;x&quot;\" stroke=\"#000\""))
    }
}

@Suite("SVG plots: label placement of reference rules")
struct SVGPlotRuleLabelTests {
    @Test("a horizontal rule's label sits at the right end, or the left with labelAtStart")
    func horizontalLabel() {
        var p = SVGPlot(title: "t", x: .nice(covering: [0, 10]), y: .nice(covering: [0, 10]), width: 400, height: 300)
        p.horizontalRule(at: 2, label: "zero", color: "#000")
        p.horizontalRule(at: 3, label: "hurdle", color: "#000", labelAtStart: true)
        #expect(p.svg.contains("x=\"\(SVGPlot.n(p.plotRight - 3))\" y=\"\(SVGPlot.n(p.py(2) - 4))\" text-anchor=\"end\""))
        #expect(p.svg.contains("x=\"\(SVGPlot.n(p.plotLeft + 3))\" y=\"\(SVGPlot.n(p.py(3) - 4))\" text-anchor=\"start\""))
    }

    @Test("a vertical rule near the right edge puts its label on the left of the line")
    func verticalLabel() {
        var p = SVGPlot(title: "t", x: .nice(covering: [0, 10]), y: .nice(covering: [0, 10]), width: 400, height: 300)
        p.verticalRule(at: 2, label: "left", color: "#000")
        p.verticalRule(at: 9, label: "right", color: "#000")
        #expect(p.svg.contains("x=\"\(SVGPlot.n(p.px(2) + 3))\" y=\"\(SVGPlot.n(p.plotTop + 10))\" text-anchor=\"start\""))
        #expect(p.svg.contains("x=\"\(SVGPlot.n(p.px(9) - 3))\" y=\"\(SVGPlot.n(p.plotTop + 10))\" text-anchor=\"end\""))
    }
}

@Suite("SVG plots: a legend above wraps into rows")
struct SVGPlotLegendWrapTests {
    @Test("entries that do not fit in one row wrap, and the margin grows by 15 px a row")
    func wrap() {
        let entries = (1...8).map { SVGLegendEntry(name: "cohort starting 2023-0\($0)", color: "#000", key: .line(dashed: false)) }
        let layout = SVGPlot.legendLayout(entries, left: 72, right: 556)
        #expect(layout.first?.row == 0 && layout.first?.x == 72)
        let rows = (layout.map(\.row).max() ?? 0) + 1
        #expect(rows > 1)
        #expect(layout.allSatisfy { $0.x + 21 + 6.2 * 25 <= 556 })
        #expect(SVGPlot.legendAboveMargin(entries) == 24 + 15 * Double(rows - 1))
        #expect(SVGPlot.legendAboveMargin(Array(entries.prefix(1))) == 24)
        var plot = SVGPlot(
            title: "t", x: .nice(covering: [0, 1]), y: .nice(covering: [0, 1]), height: 300, topMargin: SVGPlot.legendAboveMargin(entries))
        plot.legendAbove(entries)
        #expect(XMLCheck(plot.svg).error == nil)
        #expect(SVGPlot.legendName(String(repeating: "x", count: 50)).count == 40)
    }
}

@Suite("SVG plots: non-finite values are left out")
struct SVGPlotNonFiniteTests {
    @Test("a line and a band break at a missing value; points, bars, rules and text with one are not drawn")
    func gaps() {
        var p = SVGPlot(title: "t", x: .nice(covering: [0, 10]), y: .nice(covering: [0, 10]), width: 400, height: 300)
        p.line([(x: 1, y: 1), (x: 2, y: 2), (x: 3, y: .nan), (x: 4, y: 4), (x: 5, y: 5)], color: "#000")
        p.band(x: [1, 2, 3, 4, 5], lower: [0, 0, 0, .infinity, 0], upper: [2, 2, 2, 2, 2], color: "#000")
        p.points([(x: .nan, y: 1)], color: "#000")
        p.pointsWithErrorBars([(position: 1, estimate: .nan, lower: 0, upper: 1)], horizontal: false, color: "#000")
        p.verticalRule(at: .infinity, label: "never", color: "#000")
        p.horizontalRule(at: .nan, label: "never", color: "#000")
        p.text("never", x: .nan, y: 1)
        let check = XMLCheck(p.svg)
        #expect(check.error == nil)
        #expect(check.elements.filter { $0 == "polyline" }.count == 2)
        #expect(check.elements.filter { $0 == "circle" }.count == 4)  // the line's finite markers only
        #expect(check.elements.filter { $0 == "polygon" }.count == 2)  // x 1…3, then x 5 alone
        #expect(!p.svg.contains("never"))
        #expect(SVGPlot.finiteRuns(0..<6, where: { $0 != 2 && $0 != 3 }) == [[0, 1], [4, 5]])
    }
}
