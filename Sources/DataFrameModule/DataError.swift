/// Problems with data, each with the place it occurred and advice on what to do.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownColumn(name: String, suggestion: String?)
    case duplicateColumn(name: String)
    case columnLengthMismatch(column: String, count: Int, expected: Int)
    case wrongColumnType(column: String, found: ColumnType, expected: String)
    /// A malformed CSV file: `line` and `column` are 1-based (column counts characters on the line).
    case malformedCSV(file: String, line: Int, column: Int, problem: String, advice: String)
    case fileNotReadable(path: String, reason: String)
    case fileNotWritable(path: String, reason: String)

    /// The problem, where it is, and what to do about it.
    public var description: String {
        switch self {
        case .unknownColumn(let name, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "No column named '\(name)'.\(hint) Check the spelling against the data file's header."
        case .duplicateColumn(let name):
            return "Column '\(name)' appears more than once; rename one of them in the header."
        case .columnLengthMismatch(let column, let count, let expected):
            return "Column '\(column)' has \(count) rows but the frame has \(expected)."
        case .wrongColumnType(let column, let found, let expected):
            return "Column '\(column)' is \(found) but \(expected) is needed; recode it in the data file."
        case .malformedCSV(let file, let line, let column, let problem, let advice):
            return "\(file):\(line):\(column): \(problem). \(advice)"
        case .fileNotReadable(let path, let reason):
            return "Cannot read '\(path)': \(reason). Check the path and permissions."
        case .fileNotWritable(let path, let reason):
            return "Cannot write '\(path)': \(reason). Check that the folder exists and is writable."
        }
    }
}
