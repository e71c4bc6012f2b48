/// Escaping of text for HTML and SVG (XML) documents.
///
/// Every data-derived string in a report (titles, column names, sources, warnings) passes through
/// here, so that text such as `<script>` renders literally and cannot open markup. The five
/// characters replaced are those the HTML Living Standard (§13.1.2.6 "Restrictions on the contents
/// of raw text and escapable raw text elements") and XML 1.0 (§2.4 "Character Data and Markup")
/// treat as markup delimiters; the same escaping is valid in HTML text, in quoted attribute values
/// and in inline SVG, which is parsed as XML by the tests.
public enum HTMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references:
    /// `<script>` → `&lt;script&gt;`; `"a" & 'b'` → `&quot;a&quot; &amp; &#39;b&#39;`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // `&#39;` rather than `&apos;`: HTML 4 lacked `&apos;`, the numeric reference works everywhere.
            case "'": out += "&#39;"
            default:
                // C0 controls other than tab, line feed and carriage return are not allowed in XML 1.0
                // (§2.2 "Characters"); a replacement character keeps the SVG well-formed.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
