import Foundation
import Testing

@testable import Workbench

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Session rich output")
struct SessionRichOutputTests {
    /// Whether an HTML fragment parses as XML (wrapped in one element), so that unescaped data fail.
    static func wellFormed(_ html: String) -> Bool {
        XMLParser(data: Data("<div>\(html)</div>".utf8)).parse()
    }

    /// A CSV whose text and column name hold markup, to check the escaping.
    static func markupFixture() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rich-\(UUID().uuidString).csv").path
        try "id,\"team <b>\",score\n1,<script>x</script>,1.5\n2,A & B,\n3,A & B,1234567.891\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("describe, head, summarize and tabulate carry an HTML table beside unchanged text")
    func tables() throws {
        var session = Session()
        _ = try session.execute("use \(try sessionFixture())")
        let describe = try session.execute("describe")
        let describeHTML = try #require(describe.html)
        #expect(describe.text.contains("tenure") && describe.svg == nil)
        // Four data rows plus the header row; tenure 10, 20, 30, 5 has mean 16.25.
        #expect(describeHTML.components(separatedBy: "<tr>").count - 1 == 5)
        #expect(describeHTML.contains("<td>tenure</td><td>integer</td>"))
        #expect(describeHTML.contains(">16.25</td>"))
        #expect(describeHTML.contains("3 levels: North (2), East (1), South (1)"))
        #expect(describeHTML.contains("<p>4 rows × 4 columns</p>"))

        let head = try session.execute("head 2")
        #expect(head.text.contains("(first 2 of 4 rows)"))
        let headHTML = try #require(head.html)
        #expect(
            headHTML.contains(
                "<tr><td style=\"text-align:right\">2</td><td>South</td><td style=\"text-align:right\">20</td><td style=\"text-align:right\">NA</td></tr>"
            ))
        #expect(headHTML.contains("<p>(first 2 of 4 rows)</p>"))

        let summary = try #require(try session.execute("summarize tenure by region").html)
        #expect(summary.contains("<th>region</th><th>variable</th><th style=\"text-align:right\">N</th>"))
        #expect(
            summary.contains("<td>North</td><td>tenure</td><td style=\"text-align:right\">2</td><td style=\"text-align:right\">20</td>"))

        let tabulate = try session.execute("tabulate region")
        #expect(tabulate.text.hasSuffix("(total 4)\n"))
        let tabulateHTML = try #require(tabulate.html)
        #expect(
            tabulateHTML.contains(
                "<td>North</td><td style=\"text-align:right\">2</td><td style=\"text-align:right\">50</td><td style=\"text-align:right\">75</td>"
            ))
        #expect(tabulateHTML.contains("<p>(total 4)</p>"))
        for html in [describeHTML, headHTML, summary, tabulateHTML] { #expect(Self.wellFormed(html)) }
    }

    @Test("data strings in HTML tables are escaped; doubles show six significant digits (at least the units), grouped")
    func escaping() throws {
        var session = Session()
        _ = try session.execute("use \(try Self.markupFixture())")
        for command in ["describe", "head", "tabulate \"team <b>\"", "summarize score by \"team <b>\""] {
            let html = try #require(try session.execute(command).html, "\(command) has no HTML")
            #expect(!html.contains("<script>") && !html.contains("<b>"), "\(command) leaks markup")
            #expect(Self.wellFormed(html), "\(command) is not well-formed")
        }
        let head = try #require(try session.execute("head").html)
        #expect(head.contains("<td>&lt;script&gt;x&lt;/script&gt;</td>") && head.contains("<th>team &lt;b&gt;</th>"))
        #expect(head.contains(">1,234,568</td>") && head.contains(">1.5</td>"))
    }

    @Test("an HTML table longer than the row limit shows its first and last rows around a … row")
    func elision() throws {
        var session = Session()
        _ = try session.use(path: SessionPlotTests.sales)
        let html = try #require(try session.execute("head 250").html)
        let rows = Array(html.components(separatedBy: "<tr>").dropFirst(2))
        #expect(rows.count == Session.htmlRowLimit + 1)
        #expect(rows[99].hasPrefix("<td>E0005</td>") && rows[100].hasPrefix("<td>…</td><td>…</td>"))
        // Rows are employee × month: row 249 (0-based) is employee 11's month 10.
        #expect(rows[200].hasPrefix("<td>E0011</td>") && rows[200].contains("<td style=\"text-align:right\">10</td>"))
        #expect(html.contains("<p>(first 250 of 14400 rows)</p>"))
    }

    @Test("plot attaches the SVG it wrote; other commands have no rich output")
    func plot() throws {
        var session = Session()
        _ = try session.execute("use \(try sessionFixture())")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rich-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reply = try session.execute("plot tenure saving \(path)")
        #expect(reply.svg == (try String(contentsOfFile: path, encoding: .utf8)))
        #expect(reply.svg?.hasPrefix("<svg") == true && reply.html == nil)
        for command in ["keep if tenure > 5", "generate t2 = tenure * 2", "help"] {
            let other = try session.execute(command)
            #expect(other.html == nil && other.svg == nil, "\(command) has rich output")
        }
    }
}
