import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

@testable import Reporting

@Suite("HTML table")
struct HTMLTableTests {
    @Test("headers, rows and footer are escaped; numeric columns are right-aligned")
    func escapingAndAlignment() throws {
        let table = HTMLTable(
            headers: ["name <b>", "n"], rightAligned: [false, true],
            rows: [["<script>alert('x')</script>", "3"], ["A & B", "12"]], footer: "(total \"15\")")
        let html = table.html
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"))
        #expect(html.contains("<th>name &lt;b&gt;</th><th style=\"text-align:right\">n</th>"))
        #expect(html.contains("<tr><td>A &amp; B</td><td style=\"text-align:right\">12</td></tr>"))
        #expect(html.hasSuffix("<p>(total &quot;15&quot;)</p>\n"))
        // Well-formed as XML (wrapped, since the fragment has two top-level elements).
        #expect(XMLParser(data: Data("<div>\(html)</div>".utf8)).parse())
    }

    @Test("one body row per row; no footer paragraph without a footer; alignment defaults to left")
    func structure() {
        let html = HTMLTable(headers: ["a", "b"], rows: [["1", "2"], ["3", "4"], ["5", "6"]]).html
        #expect(html.components(separatedBy: "<tr>").count - 1 == 4)
        #expect(!html.contains("<p>") && !html.contains("text-align"))
    }
}
