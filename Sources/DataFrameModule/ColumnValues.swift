/// The typed storage of one column: values plus a missing-value mask.
///
/// Missing entries keep a placeholder value (0, `false`, `.nan`) in the value array so that
/// numeric kernels can stream the array; the mask (`missing[i] == true`) is the source of truth.
/// Categorical levels are kept **sorted** (byte-wise by UTF-8), so the first level is the default
/// reference level of a dummy encoding; code `-1` marks a missing categorical entry.
public enum ColumnValues: Sendable, Equatable {
    case integer([Int], missing: [Bool])
    case double([Double], missing: [Bool])
    case bool([Bool], missing: [Bool])
    /// Strings stored as codes into `levels` (sorted, unique); `-1` = missing.
    case categorical(codes: [Int32], levels: [String])
    /// ISO calendar dates as days since 1970-01-01 (proleptic Gregorian).
    case date(daysSinceEpoch: [Int], missing: [Bool])
}

/// The type of a column, as reported by `describe` and in error messages.
public enum ColumnType: String, Sendable, Equatable, CustomStringConvertible {
    case integer, double, bool, categorical, date
    /// The type's name as shown in summaries (`integer`, `double`, …).
    public var description: String { rawValue }
    /// Whether values can enter a model as numbers without encoding.
    public var isNumeric: Bool { self == .integer || self == .double || self == .bool }
}
