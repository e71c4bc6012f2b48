/// A failed line of an `.impact` script: the file, the 1-based line and the command's message,
/// printed as compilers do (`analysis.impact:7: No column named 'tenur'. …`) so editors can jump to it.
public struct ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The script file.
    public let file: String
    /// The 1-based line where the failing command starts.
    public let line: Int
    /// What went wrong and what to do.
    public let message: String

    /// A script error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(file):\(line): \(message)" }
}
