import DataFrameModule

/// Cluster ids of a data-frame column as integer codes over a subset of rows.
enum ClusterCoding {
    /// A non-negative code per row in `rows` (−1 where the id is missing). Codes identify equal
    /// values; they need not be dense (`ClusterVariable` densifies them).
    static func codes(_ column: Column, rows: [Int]) -> [Int32] {
        switch column.values {
        case .categorical(let codes, _):
            return rows.map { codes[$0] }
        case .bool(let values, let missing):
            return rows.map { missing[$0] ? -1 : (values[$0] ? 1 : 0) }
        case .integer(let values, let missing):
            return integerCodes(rows.map { missing[$0] ? nil : values[$0] })
        case .date(let values, let missing):
            return integerCodes(rows.map { missing[$0] ? nil : values[$0] })
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

    /// Codes for integer ids: `value − min` when the range is small (one pass, no hashing), else a table.
    static func integerCodes(_ values: [Int?]) -> [Int32] {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return values.map { _ in -1 } }
        if high - low < max(4 * values.count, 1 << 16) {
            return values.map { $0.map { Int32($0 - low) } ?? -1 }
        }
        var table: [Int: Int32] = [:]
        return values.map { value in
            guard let value else { return -1 }
            if let code = table[value] { return code }
            let code = Int32(table.count)
            table[value] = code
            return code
        }
    }
}
