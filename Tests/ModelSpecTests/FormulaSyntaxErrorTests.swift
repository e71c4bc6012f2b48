import Testing

@testable import ModelSpec

@Suite("Formula syntax errors")
struct FormulaSyntaxErrorTests {
    /// The error thrown for `text`, or a recorded failure.
    private func failure(_ text: String) -> FormulaSyntaxError? {
        do {
            let f = try Formula.parse(text)
            Issue.record("'\(text)' parsed as \(f)")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        // (formula, position, words the message must contain)
        ("y x", 0, "no '~'"),
        ("", 0, "no '~'"),
        ("~ x", 0, "nothing before '~'"),
        ("y ~", 3, "nothing after '~'"),
        ("y ~ | g", 4, "nothing after '~'"),
        ("y ~ x ~ z", 6, "second '~'"),
        ("y ~ (a + b", 4, "never closed"),
        ("y ~ x + (", 8, "never closed"),
        ("y ~ a + b)", 9, "no matching '('"),
        ("y ~ C(x", 5, "never closed"),
        ("y ~ C(x, Treatment('a')", 5, "never closed"),
        ("y ~ log(x)", 4, "'log()' is not supported yet"),
        ("log(y) ~ x", 0, "'log()' is not supported yet"),
        ("y ~ factor(g)", 4, "write C(x)"),
        ("y ~ C(log(x))", 6, "'log()' is not supported yet"),
        ("y ~ x +", 6, "'+' at the end"),
        ("y ~ x *", 6, "'*' at the end"),
        ("y ~ x:", 5, "':' at the end"),
        ("y ~ x | g +", 10, "'+' at the end"),
        ("y ~ x |", 6, "nothing after '|'"),
        ("y ~ x + * z", 8, "expected a term"),
        ("y ~ x z", 6, "join terms"),
        ("y ~ C(g, ref = North)", 15, "quotes"),
        ("y ~ C(g, ref = )", 15, "expected a reference level"),
        ("y ~ C(g, \"North\")", 9, "named argument"),
        ("y ~ C(g, levels = 3)", 9, "only 'ref = <level>'"),
        ("y ~ C(g, Sum)", 9, "named argument"),
        ("y ~ C(g, Sum(\"a\"))", 9, "only treatment"),
        ("y ~ C(g, ref = 'a', ref = 'b')", 18, "at most one"),
        ("y ~ C()", 6, "needs a column name"),
        ("y ~ C(a + b)", 8, "one column name"),
        ("y ~ x $ z", 6, "unexpected character '$'"),
        ("y ~ x^2", 5, "'^'"),
        ("y ~ a/b", 5, "nesting"),
        ("y ~ `x", 4, "never closed"),
        ("y ~ ``", 4, "empty backquotes"),
        ("y ~ x + 2", 8, "cannot be a term"),
        ("y ~ x:1", 6, "cannot be combined"),
        ("y ~ (x + 0)*z", 9, "cannot be combined"),
        ("y ~ -x", 4, "leading '-'"),
        ("y ~ .", 4, "all other columns"),
        ("y ~ ()", 4, "empty parentheses"),
        ("y + z ~ x", 2, "single column name"),
        ("y ~ x | g | z", 10, "second '|'"),
        ("y ~ x | g*h", 9, "joined by '+'"),
        ("y ~ 'x'", 4, "backquote"),
        ("C(y) ~ x", 0, "C() applies to right-hand-side terms only"),
        ("y ~ x | C(g)", 8, "plain column names"),
    ])
    func errorPositionAndMessage(text: String, position: Int, words: String) {
        guard let error = failure(text) else { return }
        #expect(error.position == position, "\(text): \(error.message)")
        #expect(error.message.contains(words), "\(text): \(error.message)")
        #expect(error.text == text)
    }

    @Test func descriptionPutsACaretUnderThePosition() {
        guard let error = failure("y ~ x + log(z)") else { return }
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Formula error at position 8: function 'log()' is not supported yet"))
        #expect(lines[1] == "  y ~ x + log(z)")
        #expect(lines[2] == "          ^")
    }

    @Test func caretStaysAlignedAcrossNewlines() {
        guard let error = failure("y ~ a +\n  (b") else { return }
        let lines = error.description.split(separator: "\n")
        #expect(lines[1] == "  y ~ a +   (b")
        #expect(lines[2] == "            ^")
    }
}
