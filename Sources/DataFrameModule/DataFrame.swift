/// An in-memory table of named, typed columns of equal length.
///
/// Immutable value semantics: operations (`select`, `filter`, `sorted`, …, in extensions by
/// concern) return new frames. Column lookup by name is exact and case-sensitive; an unknown name
/// throws `DataError.unknownColumn` with a "did you mean" suggestion.
public struct DataFrame: Sendable, Equatable {
    /// Columns in file order.
    public let columns: [Column]
    /// Number of rows (0 for a frame with no columns).
    public let rowCount: Int
    private let indexByName: [String: Int]

    /// A frame from columns; names must be unique and lengths equal.
    public init(columns: [Column]) throws {
        var index: [String: Int] = [:]
        for (k, column) in columns.enumerated() {
            if index[column.name] != nil { throw DataError.duplicateColumn(name: column.name) }
            index[column.name] = k
        }
        let n = columns.first?.count ?? 0
        if let bad = columns.first(where: { $0.count != n }) {
            throw DataError.columnLengthMismatch(column: bad.name, count: bad.count, expected: n)
        }
        self.columns = columns
        self.rowCount = n
        self.indexByName = index
    }

    /// A frame from columns already known to be valid (unique names, equal lengths), for the
    /// row operations that derive one frame from another.
    init(validColumns columns: [Column]) {
        var index: [String: Int] = [:]
        for (k, column) in columns.enumerated() { index[column.name] = k }
        let n = columns.first?.count ?? 0
        assert(index.count == columns.count && columns.allSatisfy { $0.count == n }, "invalid derived frame")
        self.columns = columns
        self.rowCount = n
        self.indexByName = index
    }

    /// Column names in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`, or `nil`.
    public subscript(name: String) -> Column? {
        indexByName[name].map { columns[$0] }
    }

    /// The column called `name`; throws `DataError.unknownColumn` naming the closest match.
    public func column(named name: String) throws -> Column {
        guard let k = indexByName[name] else {
            throw DataError.unknownColumn(name: name, suggestion: closestName(to: name, among: columnNames))
        }
        return columns[k]
    }

    /// Same columns (names, types, values and missing entries) in the same order.
    public static func == (a: DataFrame, b: DataFrame) -> Bool { a.columns == b.columns }
}
