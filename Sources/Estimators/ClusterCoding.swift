import DataFrameModule

/// Cluster ids of a data-frame column as integer codes over a subset of rows.
enum ClusterCoding {
    /// A non-negative code per row in `rows` (−1 where the id is missing). Codes identify equal
    /// values; they need not be dense (`ClusterVariable` densifies them).
    static func codes<Rows: Collection<Int>>(_ column: Column, rows: Rows) -> [Int32] {
        switch column.values {
        case .categorical(let codes, _):
            return rows.map { codes[$0] }
        case .bool(let values, let missing):
            return rows.map { missing[$0] ? -1 : (values[$0] ? 1 : 0) }
        case .integer(let values, let missing):
            return integerCodes(values, missing: missing, rows: rows)
        case .date(let values, let missing):
            return integerCodes(values, missing: missing, rows: rows)
        case .double(let values, let missing):
            var table: [Double: Int32] = [:]
            return rows.map { i in
                if missing[i] || values[i].isNaN { return -1 }
                // +0.0 and -0.0 are the same id.
                let key = values[i] == 0 ? 0 : values[i]
                if let code = table[key] { return code }
                let code = Int32(table.count)
                table[key] = code
                return code
            }
        }
    }

    /// Codes for the integer ids `values[rows]` (−1 where `missing`): `value − min` when the range
    /// is small (one pass, no hashing), else a table in order of first appearance.
    ///
    /// Memory: the `[Int32]` result only (4 bytes per row), with no intermediate array of
    /// optionals (16 bytes per row) or of the present ids, which doubled a fit's peak on large panels.
    static func integerCodes<Rows: Collection<Int>>(_ values: [Int], missing: [Bool], rows: Rows) -> [Int32] {
        var low = Int.max
        var high = Int.min
        for i in rows where !missing[i] {
            low = min(low, values[i])
            high = max(high, values[i])
        }
        guard low <= high else { return [Int32](repeating: -1, count: rows.count) }
        if high - low < max(4 * rows.count, 1 << 16) {
            return rows.map { missing[$0] ? -1 : Int32(values[$0] - low) }
        }
        var table: [Int: Int32] = [:]
        return rows.map { i in
            if missing[i] { return -1 }
            if let code = table[values[i]] { return code }
            let code = Int32(table.count)
            table[values[i]] = code
            return code
        }
    }
}
