extension Column {
    /// Dense group codes: each distinct non-missing value gets a code in `0..<count`, numbered in
    /// ascending value order; missing entries (and NaN) get −1.
    ///
    /// Value order is numeric for integer and double columns (−0 and 0 are one value), `false`
    /// before `true`, chronological for dates, and level order (byte-wise) for categorical
    /// columns, where unused levels get no code. Used for cluster ids, fixed-effect indices,
    /// group-by and sorting. Integers spanning a small range are coded with a lookup table in
    /// O(n); other columns sort their distinct values, O(n log d).
    public func groupCodes() -> (codes: [Int32], count: Int) {
        precondition(count < Int(Int32.max), "too many rows for 32-bit group codes")
        switch values {
        case .categorical(let codes, let levels):
            return Column.denseCodes(codes.map(Int.init), missing: { $0 < 0 }, bound: levels.count)
        case .bool(let v, let m):
            return Column.denseCodes((0..<v.count).map { m[$0] ? -1 : (v[$0] ? 1 : 0) }, missing: { $0 < 0 }, bound: 2)
        case .integer(let v, let m), .date(let v, let m):
            return Column.integerCodes(v, missing: m)
        case .double(let v, let m):
            return Column.sortedValueCodes(v, isMissing: { m[$0] || v[$0].isNaN })
        }
    }

    /// Codes for values already in `0..<bound`: a presence table, then ranks.
    private static func denseCodes(_ v: [Int], missing: (Int) -> Bool, bound: Int) -> (codes: [Int32], count: Int) {
        var rank = [Int32](repeating: -1, count: bound)
        for x in v where !missing(x) { rank[x] = 0 }
        var next: Int32 = 0
        for k in 0..<bound where rank[k] == 0 {
            rank[k] = next
            next += 1
        }
        return (v.map { missing($0) ? -1 : rank[$0] }, Int(next))
    }

    /// Integer (or day-number) codes: a table over `min...max` when that range is at most a few
    /// times the row count, else the general sorted-values path.
    private static func integerCodes(_ v: [Int], missing m: [Bool]) -> (codes: [Int32], count: Int) {
        var low = Int.max
        var high = Int.min
        for i in v.indices where !m[i] {
            low = min(low, v[i])
            high = max(high, v[i])
        }
        guard low <= high else { return ([Int32](repeating: -1, count: v.count), 0) }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow && span < max(4 * v.count, 1 << 16) {
            let shifted = v.indices.map { m[$0] ? -1 : v[$0] - low }
            return denseCodes(shifted, missing: { $0 < 0 }, bound: span + 1)
        }
        return sortedValueCodes(v, isMissing: { m[$0] })
    }

    /// Codes by sorting the distinct values and locating each value by binary search.
    private static func sortedValueCodes<T: Comparable & Hashable>(
        _ v: [T], isMissing: (Int) -> Bool
    ) -> (codes: [Int32], count: Int) {
        var distinct = Set<T>()
        for i in v.indices where !isMissing(i) { distinct.insert(v[i]) }
        let sorted = distinct.sorted()
        var codes = [Int32](repeating: -1, count: v.count)
        for i in v.indices where !isMissing(i) {
            var lo = 0
            var hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid] < v[i] { lo = mid + 1 } else { hi = mid }
            }
            codes[i] = Int32(lo)
        }
        return (codes, sorted.count)
    }
}
