/// Escaping of user text for Markdown prose and table cells.
///
/// CommonMark (spec 0.31, §2.4 "Backslash escapes") lets any ASCII punctuation be escaped with a
/// backslash, and the escaped character is then literal. Escaping the characters that can open
/// inline markup (emphasis `*` `_`, strikethrough `~`, code `` ` ``, links and images `[` `]`,
/// autolinks and raw HTML `<` `>`, entities `&`, headings `#`) and the backslash itself makes user
/// text (coefficient names, titles, significance stars, warnings) render exactly as written. GFM
/// tables also need `|` escaped (GFM spec, "Tables" extension, example 200); line breaks become
/// spaces because a table row or a list item is one line.
public enum MarkdownText {
    /// The characters `escapeInline` prefixes with a backslash.
    public static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "~", "&", "#", "|"]

    /// `text` made literal in Markdown: specials backslash-escaped, line breaks flattened to spaces.
    /// `a_b*` → `a\_b\*`; `x|y` → `x\|y`.
    public static func escapeInline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            if ch == "\n" || ch == "\r" || ch == "\r\n" {
                out += " "
            } else {
                if inlineSpecials.contains(ch) { out.append("\\") }
                out.append(ch)
            }
        }
        return out
    }
}
