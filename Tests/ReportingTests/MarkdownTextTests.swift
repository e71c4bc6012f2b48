import Testing

@testable import Reporting

@Suite("Markdown inline escaping")
struct MarkdownTextTests {
    @Test("inline markup characters are backslash-escaped; line breaks become spaces")
    func escapeInline() {
        #expect(MarkdownText.escapeInline("1,647***") == "1,647\\*\\*\\*")
        #expect(MarkdownText.escapeInline("trained_team:post") == "trained\\_team:post")
        #expect(MarkdownText.escapeInline("C(region)[T.North]") == "C(region)\\[T.North\\]")
        #expect(MarkdownText.escapeInline("a|b") == "a\\|b")
        #expect(MarkdownText.escapeInline("<b>R&D</b> `x` ~y~ #1") == "\\<b\\>R\\&D\\</b\\> \\`x\\` \\~y\\~ \\#1")
        #expect(MarkdownText.escapeInline("back\\slash") == "back\\\\slash")
        #expect(MarkdownText.escapeInline("one\ntwo\r\nthree") == "one two three")
        #expect(MarkdownText.escapeInline("plain (text), 1.5 − 2") == "plain (text), 1.5 − 2")
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
