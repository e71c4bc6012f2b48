/// A named, typed column of a `DataFrame`.
public struct Column: Sendable, Equatable {
    /// Column name as it appears in the data file.
    public let name: String
    /// Typed values and missing mask.
    public let values: ColumnValues

    /// A column from a name and typed values.
    public init(name: String, values: ColumnValues) {
        self.name = name
        self.values = values
    }

    /// Number of rows.
    public var count: Int {
        switch values {
        case .integer(let v, _): return v.count
        case .double(let v, _): return v.count
        case .bool(let v, _): return v.count
        case .categorical(let codes, _): return codes.count
        case .date(let v, _): return v.count
        }
    }

    /// The column's type.
    public var type: ColumnType {
        switch values {
        case .integer: return .integer
        case .double: return .double
        case .bool: return .bool
        case .categorical: return .categorical
        case .date: return .date
        }
    }

    /// Whether row `i` is missing.
    @inlinable
    public func isMissing(_ i: Int) -> Bool {
        switch values {
        case .integer(_, let m), .double(_, let m), .bool(_, let m), .date(_, let m): return m[i]
        case .categorical(let codes, _): return codes[i] < 0
        }
    }

    /// Number of missing entries.
    public var missingCount: Int {
        switch values {
        case .integer(_, let m), .double(_, let m), .bool(_, let m), .date(_, let m):
            return m.reduce(0) { $0 + ($1 ? 1 : 0) }
        case .categorical(let codes, _):
            return codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        }
    }

    /// Numeric view: integers, doubles, booleans (0/1) and dates (days since epoch) as `Double`,
    /// with `.nan` where missing. `nil` for categorical columns, which must be encoded instead.
    public func numericValues() -> [Double]? {
        switch values {
        case .integer(let v, let m):
            return (0..<v.count).map { m[$0] ? .nan : Double(v[$0]) }
        case .double(let v, let m):
            return (0..<v.count).map { m[$0] ? .nan : v[$0] }
        case .bool(let v, let m):
            return (0..<v.count).map { m[$0] ? .nan : (v[$0] ? 1 : 0) }
        case .date(let v, let m):
            return (0..<v.count).map { m[$0] ? .nan : Double(v[$0]) }
        case .categorical:
            return nil
        }
    }

    /// Row `i` rendered as text (missing as `NA`; dates as `YYYY-MM-DD`), for keys and display.
    public func text(at i: Int) -> String {
        if isMissing(i) { return "NA" }
        switch values {
        case .integer(let v, _): return String(v[i])
        case .double(let v, _): return formatDouble(v[i])
        case .bool(let v, _): return v[i] ? "true" : "false"
        case .categorical(let codes, let levels): return levels[Int(codes[i])]
        case .date(let v, _): return ISODate.format(daysSinceEpoch: v[i])
        }
    }
}

/// Shortest round-trip text for a double (`1`, `0.1`, `1e-300`), as Swift prints it, with `.0` dropped.
func formatDouble(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
}
