/// Splits a command line into words the way a POSIX shell does for simple input.
///
/// Words are separated by unquoted whitespace; single quotes keep everything literally, double
/// quotes keep whitespace and allow `\"` and `\\`, and a backslash outside quotes escapes the next
/// character. This lets a session line carry the CLI's options unchanged, e.g.
/// `regress --formula "sales ~ trained_team * post" --vcov cluster:team_id`.
public enum SessionTokenizer {
    /// The words of `text`; throws `SessionError.invalidExpression` for an unclosed quote.
    public static func words(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                inWord = true
            case "\\":
                escaped = true
                inWord = true
            case _ where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if let open = quote {
            throw SessionError.invalidExpression(text: text, problem: "the quote \(open) is not closed")
        }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        return words
    }
}
