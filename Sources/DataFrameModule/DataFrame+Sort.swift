extension DataFrame {
    /// The rows ordered by `keys` (the first key first, ties broken by the next); stable, so rows
    /// equal on every key keep their original order. Missing values go last for every key.
    /// Throws `DataError.unknownColumn` for a key that names no column.
    public func sorted(by keys: [SortKey]) throws -> DataFrame {
        taking(rows: try sortedRowIndices(by: keys))
    }

    /// The row permutation that `sorted(by:)` applies: `result[k]` is the original index of the
    /// row that goes to position `k`.
    public func sortedRowIndices(by keys: [SortKey]) throws -> [Int] {
        // Each key becomes dense ranks (groupCodes), flipped for descending keys and with missing
        // values mapped past every rank, so one integer comparison per key decides.
        let ranks: [[Int32]] = try keys.map { key in
            let (codes, count) = try column(named: key.column).groupCodes()
            return codes.map { code in
                if code < 0 { return Int32(count) }
                return key.ascending ? code : Int32(count - 1) - code
            }
        }
        var order = Array(0..<rowCount)
        order.sort { a, b in
            for rank in ranks where rank[a] != rank[b] { return rank[a] < rank[b] }
            // Ties keep their original order, which makes the sort stable whatever the algorithm.
            return a < b
        }
        return order
    }
}
