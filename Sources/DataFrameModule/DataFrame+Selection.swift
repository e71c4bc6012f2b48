extension DataFrame {
    /// The named columns, in the order given; throws `DataError.unknownColumn` (with a
    /// suggestion) for a name that is not in the frame and `duplicateColumn` for a repeated one.
    public func selecting(_ names: [String]) throws -> DataFrame {
        try DataFrame(columns: names.map { try column(named: $0) })
    }

    /// The rows for which `keep(row)` is true, in their original order.
    public func filtered(_ keep: (Int) throws -> Bool) rethrows -> DataFrame {
        var rows: [Int] = []
        for i in 0..<rowCount where try keep(i) { rows.append(i) }
        return taking(rows: rows)
    }

    /// The rows whose value in the numeric `column` satisfies `predicate`; rows where the column
    /// is missing (or NaN) are dropped without calling it, as a comparison with NA is not true
    /// in R (`subset`) or pandas. Integers, booleans (0/1) and dates (days since 1970-01-01)
    /// are seen as `Double`; a categorical column throws `DataError.wrongColumnType`.
    public func filtered(column name: String, where predicate: (Double) throws -> Bool) throws -> DataFrame {
        let column = try column(named: name)
        guard let values = column.numericValues() else {
            throw DataError.wrongColumnType(column: name, found: column.type, expected: "a numeric, bool or date column")
        }
        return try filtered { i in
            guard !values[i].isNaN else { return false }
            return try predicate(values[i])
        }
    }

    /// The rows at `rows`, in that order; indices may repeat. Traps on an index out of range.
    public func taking(rows: [Int]) -> DataFrame {
        DataFrame(validColumns: columns.map { $0.taking(rows: rows) })
    }

    /// The first `n` rows (all of them if there are fewer).
    public func head(_ n: Int = 10) -> DataFrame {
        precondition(n >= 0, "head needs a non-negative row count")
        return taking(rows: Array(0..<min(n, rowCount)))
    }

    /// The last `n` rows (all of them if there are fewer).
    public func tail(_ n: Int = 10) -> DataFrame {
        precondition(n >= 0, "tail needs a non-negative row count")
        return taking(rows: Array(max(0, rowCount - n)..<rowCount))
    }

    /// The frame with `column` appended; throws `duplicateColumn` if the name is taken and
    /// `columnLengthMismatch` if its length differs from the frame's (any length is accepted by a
    /// frame without columns).
    public func adding(_ column: Column) throws -> DataFrame {
        try DataFrame(columns: columns + [column])
    }

    /// The frame with the column of the same name replaced by `column`, in place; throws
    /// `unknownColumn` if there is none and `columnLengthMismatch` if the lengths differ.
    public func replacing(_ column: Column) throws -> DataFrame {
        guard let k = columns.firstIndex(where: { $0.name == column.name }) else {
            throw DataError.unknownColumn(name: column.name, suggestion: closestName(to: column.name, among: columnNames))
        }
        var updated = columns
        updated[k] = column
        return try DataFrame(columns: updated)
    }
}
