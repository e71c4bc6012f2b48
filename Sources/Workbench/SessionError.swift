/// Problems with a session command, each saying what is wrong and what to do.
///
/// Data problems met while running a command (an unknown column, an unreadable file) keep their own
/// types (`DataError`, `FormulaSyntaxError`, …); these cases cover the command language itself.
public enum SessionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first word of a line is not a command; `suggestion` is the closest command name.
    case unknownCommand(name: String, suggestion: String?)
    /// The command needs a dataset and none is loaded.
    case noDataset(command: String)
    /// The command's arguments do not match its usage.
    case usage(command: String, problem: String, usage: String)
    /// An expression (`generate`) or condition (`keep if`) that does not parse or evaluate.
    case invalidExpression(text: String, problem: String)
    /// `generate` would overwrite an existing column.
    case columnExists(name: String)
    /// A column used in arithmetic or an order comparison is not numeric.
    case notNumeric(column: String, type: String)
    /// A command run by the host (the CLI's `regress`, `did`, …) failed; `message` is its own.
    case commandFailed(command: String, message: String)

    /// The problem and the fix.
    public var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "Unknown command '\(name)'.\(hint) Type 'help' for the list of commands."
        case .noDataset(let command):
            return "'\(command)' needs a dataset; load one first with: use FILE.csv"
        case .usage(let command, let problem, let usage):
            return "\(command): \(problem). Usage: \(usage)"
        case .invalidExpression(let text, let problem):
            return "Cannot read the expression '\(text)': \(problem)."
        case .columnExists(let name):
            return "Column '\(name)' already exists; choose another name, or change it with: replace \(name) = EXPR"
        case .notNumeric(let column, let type):
            return "Column '\(column)' is \(type), not numeric; use == or != with a quoted value, or pick a numeric column."
        case .commandFailed(let command, let message):
            return "\(command): \(message)"
        }
    }
}
