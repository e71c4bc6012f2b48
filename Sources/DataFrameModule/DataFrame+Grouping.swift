extension DataFrame {
    /// Groups the rows by the values of the `names` columns (see `GroupedFrame` for the order of
    /// groups and the handling of missing keys). Throws `DataError.unknownColumn` for a name
    /// that is not a column and `duplicateColumn` for a repeated key; grouping by no key puts
    /// every row in one group.
    public func grouped(by names: [String]) throws -> GroupedFrame {
        let keyFrame = try selecting(names)
        let n = rowCount
        // Combine the keys one at a time: the group number so far times (levels + 1) plus the
        // next key's code, where a missing key takes the code after every value (so it sorts
        // last), then renumber densely. Lexicographic key order is kept at every step.
        var ids = [Int](repeating: 0, count: n)
        var groupCount = n > 0 ? 1 : 0
        for column in keyFrame.columns {
            let (codes, levels) = column.groupCodes()
            let radix = levels + 1
            for i in 0..<n {
                let code = codes[i] < 0 ? levels : Int(codes[i])
                ids[i] = ids[i] * radix + code
            }
            groupCount = DataFrame.renumberDensely(&ids, bound: groupCount * radix)
        }
        // Rows of each group, ascending, by a counting sort on the group number.
        var sizes = [Int](repeating: 0, count: groupCount)
        for id in ids { sizes[id] += 1 }
        var rowsByGroup = sizes.map { size -> [Int] in
            var rows: [Int] = []
            rows.reserveCapacity(size)
            return rows
        }
        for i in 0..<n { rowsByGroup[ids[i]].append(i) }
        let firstRows = rowsByGroup.map { $0[0] }
        let keys = keyFrame.taking(rows: firstRows)
        let groups = zip(rowsByGroup, firstRows).map { rows, first in
            GroupedFrame.Group(key: keyFrame.columns.map { $0.text(at: first) }, rows: rows)
        }
        return GroupedFrame(frame: self, keyNames: names, groupIDs: ids.map { Int32($0) }, groups: groups, keys: keys)
    }

    /// Replaces values in `0..<bound` by their rank among the distinct values present; returns
    /// the number of distinct values. Uses a table when `bound` is small, else a sort.
    static func renumberDensely(_ values: inout [Int], bound: Int) -> Int {
        if bound <= max(4 * values.count, 1 << 16) {
            var rank = [Int](repeating: -1, count: bound)
            for v in values { rank[v] = 0 }
            var next = 0
            for k in 0..<bound where rank[k] == 0 {
                rank[k] = next
                next += 1
            }
            for i in values.indices { values[i] = rank[values[i]] }
            return next
        }
        let distinct = Array(Set(values)).sorted()
        var rankOf: [Int: Int] = [:]
        rankOf.reserveCapacity(distinct.count)
        for (rank, value) in distinct.enumerated() { rankOf[value] = rank }
        for i in values.indices { values[i] = rankOf[values[i]]! }
        return distinct.count
    }
}
