import DataFrameModule

/// One absorbed fixed effect of a design (`| unit + month`): a dense level code per used row.
///
/// Codes run over `0..<levelCount` and every level occurs in the rows used; levels are sorted as
/// R's `factor()` sorts them (numbers numerically, text byte-wise, `false` before `true`, dates
/// chronologically), so level `k` is the `k`-th smallest id. The estimator never builds the
/// `N × levelCount` dummy matrix: it projects the levels out (see `FixedEffectsDemeaner`).
public struct FixedEffectFactor: Sendable, Equatable {
    /// The column name, as written after `|`.
    public let name: String
    /// Level code per used row, in `0..<levelCount`.
    public let codes: [Int32]
    /// The level ids as text, indexed by code.
    public let levels: [String]

    /// A factor from dense codes; every code must be in `0..<levels.count` (programmer error otherwise).
    public init(name: String, codes: [Int32], levels: [String]) {
        precondition(
            codes.allSatisfy { $0 >= 0 && Int($0) < levels.count }, "Fixed-effect codes must index the levels")
        self.name = name
        self.codes = codes
        self.levels = levels
    }

    /// Trusted initializer for codes known to be dense and in range.
    init(name: String, denseCodes: [Int32], levels: [String]) {
        self.name = name
        self.codes = denseCodes
        self.levels = levels
    }

    /// Number of levels present in the rows used.
    public var levelCount: Int { levels.count }

    /// Encodes `column` over `rows` (none of them missing): sorted distinct ids, dense codes.
    ///
    /// Cost: one pass over `rows`; integer ids (and dates, booleans, categorical codes) use a table
    /// over their range instead of hashing when the range is not much larger than the row count.
    static func encode(_ column: Column, rows: [Int]) -> FixedEffectFactor {
        switch column.values {
        case .categorical(let all, let levels):
            // Levels are stored sorted; keep those present and renumber densely.
            let (codes, present) = denseCodes(rows.map { Int(all[$0]) }, low: 0, high: levels.count - 1)
            return FixedEffectFactor(name: column.name, denseCodes: codes, levels: present.map { levels[$0] })
        case .integer(let values, _):
            return integerFactor(column.name, rows.map { values[$0] }, label: String.init)
        case .date(let days, _):
            return integerFactor(column.name, rows.map { days[$0] }, label: { ISODate.format(daysSinceEpoch: $0) })
        case .bool(let values, _):
            return integerFactor(column.name, rows.map { values[$0] ? 1 : 0 }, label: { $0 == 1 ? "true" : "false" })
        case .double(let values, _):
            // +0.0 and −0.0 are the same id.
            let keys = rows.map { values[$0] == 0 ? 0 : values[$0] }
            let sorted = Set(keys).sorted()
            var index = [Double: Int32](minimumCapacity: sorted.count)
            for (k, v) in sorted.enumerated() { index[v] = Int32(k) }
            return FixedEffectFactor(
                name: column.name, denseCodes: keys.map { index[$0]! }, levels: sorted.map(LevelText.of))
        }
    }

    /// Dense codes of integer ids in sorted order, labelled by `label`.
    private static func integerFactor(_ name: String, _ ids: [Int], label: (Int) -> String) -> FixedEffectFactor {
        guard let low = ids.min(), let high = ids.max() else {
            return FixedEffectFactor(name: name, denseCodes: [], levels: [])
        }
        // A presence table over [low, high] is one pass and no hashing; fall back to sorting the
        // distinct ids when the range is sparse (e.g. 9-digit employee numbers).
        if high - low < max(4 * ids.count, 1 << 16) {
            let (codes, present) = denseCodes(ids, low: low, high: high)
            return FixedEffectFactor(name: name, denseCodes: codes, levels: present.map(label))
        }
        let sorted = Set(ids).sorted()
        var index = [Int: Int32](minimumCapacity: sorted.count)
        for (k, v) in sorted.enumerated() { index[v] = Int32(k) }
        return FixedEffectFactor(name: name, denseCodes: ids.map { index[$0]! }, levels: sorted.map(label))
    }

    /// Codes of `ids` (all in `low...high`) numbered by increasing id, and the ids present.
    private static func denseCodes(_ ids: [Int], low: Int, high: Int) -> ([Int32], [Int]) {
        guard high >= low else { return ([], []) }
        var table = [Int32](repeating: -1, count: high - low + 1)
        for id in ids { table[id - low] = 0 }
        var present: [Int] = []
        for j in table.indices where table[j] == 0 {
            table[j] = Int32(present.count)
            present.append(low + j)
        }
        return (ids.map { table[$0 - low] }, present)
    }

    /// The factor restricted to the rows where `keep` is true, levels that no longer occur removed.
    func keeping(_ keep: [Bool]) -> FixedEffectFactor {
        precondition(keep.count == codes.count, "One keep flag per row is required")
        var table = [Int32](repeating: -1, count: levels.count)
        for i in codes.indices where keep[i] { table[Int(codes[i])] = 0 }
        var present: [String] = []
        for j in table.indices where table[j] == 0 {
            table[j] = Int32(present.count)
            present.append(levels[j])
        }
        var out: [Int32] = []
        out.reserveCapacity(codes.count)
        for i in codes.indices where keep[i] { out.append(table[Int(codes[i])]) }
        return FixedEffectFactor(name: name, denseCodes: out, levels: present)
    }
}
