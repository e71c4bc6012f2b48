/// Where in a study file a problem sits: the file, the key path and, when known, line and column.
///
/// Key paths use dots for mappings and zero-based brackets for list items, as `jq` and JSONPath do:
/// `costs.indirect[1].hours` is the `hours` key of the second `indirect` cost item.
public struct StudyLocation: Sendable, Equatable, CustomStringConvertible {
    /// The study file as the user named it (or `<text>` for a study parsed from a string).
    public let file: String
    /// The key path inside the study, e.g. `design.treated_group`; empty for the whole document.
    public let keyPath: String
    /// 1-based line of the node in the file, if known.
    public let line: Int?
    /// 1-based column of the node in the file, if known.
    public let column: Int?

    /// A location; `line`/`column` are 1-based.
    public init(file: String, keyPath: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
    }

    /// `file:line:column: key.path` (the compiler-style prefix editors can jump to).
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return keyPath.isEmpty ? text : "\(text): \(keyPath)"
    }
}

/// Problems in a study file, or between a study file and its data, each naming the file, the key
/// path and what to do about it.
public enum StudyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The study file could not be read.
    case fileNotReadable(path: String, reason: String)
    /// The text is not valid YAML.
    case malformedYAML(file: String, line: Int?, column: Int?, problem: String)
    /// A required key is absent; `location.keyPath` is the full path of the missing key.
    case missingKey(StudyLocation, advice: String)
    /// A key the study format does not know; `suggestion` is the closest known key, if any.
    case unknownKey(StudyLocation, key: String, suggestion: String?, allowed: [String])
    /// A value of the wrong YAML type (e.g. a list where a number is expected).
    case wrongType(StudyLocation, expected: String, found: String)
    /// A value of the right type that is not acceptable (negative hours, a level outside (0, 1), …).
    case invalidValue(StudyLocation, value: String, advice: String)
    /// Keys that exclude each other were both given (e.g. `post` and `treatment_start`).
    case conflictingKeys(StudyLocation, keys: [String], advice: String)
    /// A key names a column the data file does not have.
    case unknownColumn(StudyLocation, column: String, suggestion: String?, dataFile: String)
    /// A key names a column whose type cannot serve (e.g. a text outcome).
    case unsuitableColumn(StudyLocation, column: String, type: String, advice: String)
    /// An isolation method could not be estimated on the data (its estimator's message follows).
    case isolationFailed(StudyLocation, method: String, problem: String)
    /// The headline method has no bootstrap replicates, so the ROI chain cannot carry its uncertainty.
    case headlineWithoutReplicates(StudyLocation, method: String, advice: String)

    public var description: String {
        switch self {
        case .fileNotReadable(let path, let reason):
            return "Cannot read study file '\(path)': \(reason). Check the path (relative paths start from the current directory)."
        case .malformedYAML(let file, let line, let column, let problem):
            let place = [line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
            let prefix = place.isEmpty ? file : "\(file):\(place)"
            return
                "\(prefix): not valid YAML: \(problem). Check indentation (spaces, not tabs) and that every 'key: value' has a space after the colon."
        case .missingKey(let location, let advice):
            return "\(location): required key is missing. \(advice)"
        case .unknownKey(let location, let key, let suggestion, let allowed):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(location): unknown key '\(key)'.\(hint) Allowed keys here: \(allowed.joined(separator: ", "))."
        case .wrongType(let location, let expected, let found):
            return "\(location): expected \(expected), found \(found)."
        case .invalidValue(let location, let value, let advice):
            return "\(location): invalid value \(value). \(advice)"
        case .conflictingKeys(let location, let keys, let advice):
            let list = keys.map { "'\($0)'" }.joined(separator: " and ")
            return "\(location): \(list) cannot both be given. \(advice)"
        case .unknownColumn(let location, let column, let suggestion, let dataFile):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(location): no column '\(column)' in '\(dataFile)'.\(hint) Use a name from the data file's header."
        case .unsuitableColumn(let location, let column, let type, let advice):
            return "\(location): column '\(column)' is \(type). \(advice)"
        case .isolationFailed(let location, let method, let problem):
            return "\(location): the \(method) method could not be estimated: \(problem)"
        case .headlineWithoutReplicates(let location, let method, let advice):
            return "\(location): the headline method, \(method), has no bootstrap replicates, so the ROI interval "
                + "cannot carry its uncertainty. \(advice)"
        }
    }

    /// The location of the problem, when it has one.
    public var location: StudyLocation? {
        switch self {
        case .fileNotReadable, .malformedYAML: return nil
        case .missingKey(let l, _), .unknownKey(let l, _, _, _), .wrongType(let l, _, _),
            .invalidValue(let l, _, _), .conflictingKeys(let l, _, _), .unknownColumn(let l, _, _, _),
            .unsuitableColumn(let l, _, _, _), .isolationFailed(let l, _, _), .headlineWithoutReplicates(let l, _, _):
            return l
        }
    }
}
