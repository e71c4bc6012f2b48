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
}
