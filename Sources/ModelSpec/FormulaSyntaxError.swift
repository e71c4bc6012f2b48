/// A formula that cannot be read, with the place of the problem and advice.
///
/// `description` prints the formula with a caret under the offending character:
/// ```
/// Formula error at position 8: function 'log()' is not supported yet; …
///   y ~ x + log(z)
///           ^
/// ```
public struct FormulaSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The formula text as given.
    public let text: String
    /// 0-based character offset of the problem (may equal `text.count` for "expected more here").
    public let position: Int
    /// What is wrong and what to write instead.
    public let message: String

    /// An error at `position` (0-based characters) of `text`, with a message that includes advice.
    public init(text: String, position: Int, message: String) {
        self.text = text
        self.position = position
        self.message = message
    }

    /// The message, then the formula and a caret line under `position`.
    public var description: String {
        // Newlines and tabs become spaces so the caret stays under the right character.
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let caret = String(repeating: " ", count: max(0, position)) + "^"
        return "Formula error at position \(position): \(message)\n  \(flat)\n  \(caret)"
    }
}
