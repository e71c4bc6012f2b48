import DataFrameModule
import Foundation

extension Session {
    /// `use FILE`: loads a CSV file as the dataset.
    mutating func use(_ rest: String) throws -> String {
        let words = try SessionTokenizer.words(rest)
        guard words.count == 1 else {
            throw SessionError.usage(command: "use", problem: "give one data file", usage: "use FILE.csv")
        }
        try load(words[0])
        let frame = frame!
        return "\(words[0]): \(frame.rowCount) rows × \(frame.columns.count) columns"
    }

    /// Loads `path` as the dataset, as `use` does, without quoting the path into a command line.
    public mutating func use(path: String) throws -> SessionReply {
        try load(path)
        return SessionReply(text: "\(path): \(frame!.rowCount) rows × \(frame!.columns.count) columns")
    }

    /// `describe`: every column's type, count, missing values and summary.
    func describe(_ rest: String) throws -> String {
        let frame = try requireFrame("describe")
        guard rest.isEmpty else {
            throw SessionError.usage(command: "describe", problem: "it takes no arguments", usage: "describe")
        }
        let changed = dataFile != source ? " (changed in this session)" : ""
        return "\(source ?? "data")\(changed): \(frame.rowCount) rows × \(frame.columns.count) columns\n\n" + frame.describeTable()
    }

    /// `head [N]`: the first N rows (default 10), as text and as an HTML table.
    func head(_ rest: String) throws -> SessionReply {
        let frame = try requireFrame("head")
        var count = 10
        if !rest.isEmpty {
            guard let n = Int(rest), n >= 0 else {
                throw SessionError.usage(command: "head", problem: "'\(rest)' is not a row count", usage: "head [N]")
            }
            count = n
        }
        let shown = frame.head(count)
        let note = shown.rowCount < frame.rowCount ? " (first \(shown.rowCount) of \(frame.rowCount) rows)" : ""
        return SessionReply(
            text: shown.formattedTable(maxRows: max(shown.rowCount, 1)) + note,
            html: Session.htmlTable(shown, footer: note.trimmingCharacters(in: .whitespaces)))
    }

    /// `keep if COND`, `filter COND` and `drop if COND`: keeps the rows where the condition holds
    /// (for `drop`, where it does not).
    mutating func keep(_ command: String, _ rest: String) throws -> String {
        let frame = try requireFrame(command)
        var condition = rest
        if condition.hasPrefix("if ") {
            condition = String(condition.dropFirst(3))
        } else if command != "filter" {
            throw SessionError.usage(
                command: command, problem: "write 'if' before the condition", usage: "\(command) if CONDITION")
        }
        let matches = try SessionCondition.parse(condition).matches(in: frame)
        let dropping = command == "drop"
        let kept = frame.filtered { matches[$0] != dropping }
        update(kept)
        let dropped = frame.rowCount - kept.rowCount
        return "(\(dropped) row\(dropped == 1 ? "" : "s") dropped; \(kept.rowCount) remain)"
    }

    /// `generate NAME = EXPR` (a new column) and `replace NAME = EXPR` (an existing one).
    mutating func generate(replacing: Bool, _ rest: String) throws -> String {
        let command = replacing ? "replace" : "generate"
        let frame = try requireFrame(command)
        guard let equals = rest.firstIndex(of: "=") else {
            throw SessionError.usage(command: command, problem: "an '=' is missing", usage: "\(command) NAME = EXPR")
        }
        let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
        else {
            throw SessionError.usage(
                command: command, problem: "'\(name)' is not a column name (letters, digits, _ and .)",
                usage: "\(command) NAME = EXPR")
        }
        let exists = frame[name] != nil
        if !replacing && exists { throw SessionError.columnExists(name: name) }
        if replacing && !exists {
            throw DataError.unknownColumn(name: name, suggestion: closestName(to: name, among: frame.columnNames))
        }
        let expression = rest[rest.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        let values = try SessionExpression.parse(expression).evaluate(in: frame)
        let missing = values.map { !$0.isFinite }
        let column = Column(name: name, values: .double(values.map { $0.isFinite ? $0 : 0 }, missing: missing))
        update(replacing ? try frame.replacing(column) : try frame.adding(column))
        let count = missing.filter { $0 }.count
        return "(\(replacing ? "replaced" : "generated") \(name); \(count) missing value\(count == 1 ? "" : "s"))"
    }

    /// `save FILE`: writes the dataset as CSV.
    mutating func save(_ rest: String) throws -> String {
        let frame = try requireFrame("save")
        let words = try SessionTokenizer.words(rest)
        guard words.count == 1 else {
            throw SessionError.usage(command: "save", problem: "give one file name", usage: "save FILE.csv")
        }
        try frame.writeCSV(path: words[0])
        return "Saved \(frame.rowCount) rows × \(frame.columns.count) columns to \(words[0])"
    }

    /// `run STUDY.yml [--out DIR]`: runs a study file (`WorkbenchCommands.runStudy`).
    func runStudy(_ rest: String) throws -> String {
        let words = try SessionTokenizer.words(rest)
        let usage = "run STUDY.yml [--out DIR]"
        guard words.count == 1 || (words.count == 3 && words[1] == "--out") else {
            throw SessionError.usage(command: "run", problem: "give a study file and optionally --out DIR", usage: usage)
        }
        guard !words[0].hasSuffix(".impact") else {
            throw SessionError.usage(
                command: "run", problem: "scripts run from the shell (impact run \(words[0])), not inside a session",
                usage: usage)
        }
        let output = try WorkbenchCommands.runStudy(path: words[0], outputDirectory: words.count == 3 ? words[2] : nil)
        let warnings = output.report.warnings.map { "warning: \($0)\n" }.joined()
        return warnings + output.report.headline + "\nReport: \(output.files.markdown)\nJSON:   \(output.files.json)"
    }
}
