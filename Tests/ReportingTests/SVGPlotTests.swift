import Foundation
import Testing

@testable import Reporting

#if canImport(FoundationXML)
    // On Linux, XMLParser lives in FoundationXML (swift-corelibs-foundation).
    import FoundationXML
#endif

/// Parses `text` as XML and records the element names; `error` is set when it is not well-formed.
final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String] = []
    var error: Error?

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
}

@Suite("SVG plots: well-formed marks")
struct SVGPlotTests {
    @Test("a plot with every kind of mark is well-formed XML")
    func wellFormed() {
        var plot = SVGPlot(
            title: "A <b>&\"plot\"", x: .nice(covering: [0, 10]), y: .nice(covering: [-1, 4]), xTitle: "x & y", yTitle: "<y>")
        plot.band(x: [0, 5, 10], lower: [-1, 0, 1], upper: [1, 2, 3], color: SVGPlot.palette[0])
        plot.line([(x: 0, y: 0), (x: 5, y: 1), (x: 10, y: 2)], color: SVGPlot.palette[0], dashed: true)
        plot.pointsWithErrorBars([(position: 5, estimate: 1, lower: 0, upper: 2)], horizontal: false, color: "red")
        plot.verticalBand(from: 2, to: 4, color: "blue")
        plot.verticalRule(at: 3, label: "<rule>", color: "blue")
        plot.legend([(name: "a<b", color: "green")])
        let check = XMLCheck(plot.svg)
        #expect(check.error == nil)
        #expect(check.elements.first == "svg")
        #expect(["polygon", "polyline", "circle", "line", "rect", "text", "title"].allSatisfy(check.elements.contains))
        #expect(plot.svg.contains("A &lt;b&gt;&amp;&quot;plot&quot;"))
        #expect(check.texts.joined().contains("<rule>"))
    }

    @Test("points map into the plot area and the y axis grows upwards")
    func mapping() {
        let plot = SVGPlot(title: "t", x: .nice(covering: [0, 10]), y: .nice(covering: [0, 10]), width: 400, height: 300)
        #expect(plot.px(0) == plot.plotLeft && plot.px(10) == plot.plotRight)
        #expect(plot.py(0) == plot.plotBottom && plot.py(10) == plot.plotTop)
        let rows = SVGPlot(title: "t", x: .nice(covering: [0, 10]), y: .categories(["first", "second"]))
        #expect(rows.py(0) < rows.py(1))  // the first category is the top row
    }

    @Test("histogram bins count every finite value once")
    func histogram() {
        let values = (0..<100).map { Double($0) / 10 } + [.nan, .infinity]
        let bins = SVGHistogram(values: values)
        #expect(bins.counts.reduce(0, +) == 100)
        #expect(bins.excluded == 2)
        #expect(bins.counts.count == 10)  // ⌈√100⌉
        #expect(bins.edges.count == 11 && bins.edges.first == 0 && bins.edges.last == 9.9)
        let given = SVGHistogram(values: [1, 2, 3, 4], binCount: 3)
        #expect(given.counts == [1, 1, 2])
        var plot = SVGPlot(title: "h", x: .nice(covering: bins.edges), y: .nice(covering: bins.counts.map(Double.init), including: [0]))
        plot.histogram(bins, color: "#000")
        #expect(XMLCheck(plot.svg).elements.filter { $0 == "rect" }.count == 10)
    }

    @Test("horizontal bars with labels, one rect per finite value")
    func bars() {
        var plot = SVGPlot(title: "b", x: .nice(covering: [45_000, 230_400], including: [0]), y: .categories(["direct", "indirect"]))
        plot.horizontalBars([45_000, 230_400], labels: ["45,000", "230,400"], color: "#009E73")
        let check = XMLCheck(plot.svg)
        #expect(check.error == nil)
        #expect(check.elements.filter { $0 == "rect" }.count == 2)
        #expect(check.texts.joined().contains("230,400") && check.texts.joined().contains("indirect"))
    }
}
