import Foundation
import Testing

@testable import Reporting

@Suite("Markdown tables")
struct MarkdownTableTests {
    @Test("cells with pipes and line breaks are escaped")
    func escaping() {
        #expect(MarkdownTable.escape("a|b") == "a\\|b")
        #expect(MarkdownTable.escape("line1\nline2\r\nline3") == "line1 line2 line3")
        var table = MarkdownTable(header: ["Item | name", "Amount"])
        table.append(["Fees | travel", "1,000"])
        #expect(table.markdown == "| Item \\| name | Amount |\n| --- | ---: |\n| Fees \\| travel | 1,000 |\n")
    }

    @Test("every rendered row has as many unescaped separators as the header")
    func columnCount() {
        var table = MarkdownTable(header: ["a", "b", "c"], alignments: [.left, .left, .right])
        table.append(["x|y|z", "\n", "3"])
        for line in table.markdown.split(separator: "\n") {
            let unescapedPipes = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(unescapedPipes == 4)
        }
    }

    @Test("a table with inline escaping escapes every cell and the header")
    func inlineTable() {
        var table = MarkdownTable(header: ["", "model_1"], escaping: .inlineMarkup)
        table.append(["x_1", "2.5**"])
        #expect(table.markdown == "|  | model\\_1 |\n| --- | ---: |\n| x\\_1 | 2.5\\*\\* |\n")
        var plain = MarkdownTable(header: ["", "model_1"])
        plain.append(["x_1", "2.5**"])
        #expect(plain.markdown == "|  | model_1 |\n| --- | ---: |\n| x_1 | 2.5** |\n")
    }
}
