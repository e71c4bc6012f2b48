import DataFrameModule

/// A factor evaluated on the rows a model uses: numbers, or level codes with a reference level.
struct EncodedFactor {
    enum Values {
        /// One value per used row.
        case numeric([Double])
        /// One code per used row into `levels` (sorted, all present in the rows used);
        /// `reference` indexes the level left out by treatment coding.
        case categorical(codes: [Int32], levels: [String], reference: Int)
    }

    let factor: Factor
    let values: Values

    var isCategorical: Bool {
        if case .categorical = values { return true }
        return false
    }

    /// Whether `factor` on `column` enters as dummies: `C()` or a categorical column.
    /// Booleans and dates enter as numbers unless wrapped in `C()` (0/1 and days since 1970-01-01).
    static func isCategorical(_ factor: Factor, _ column: Column) -> Bool {
        factor.forcedCategorical || column.type == .categorical
    }

    /// Encodes `factor` over `rows`. The default reference is the first level in sorted order
    /// among the levels present in `rows` (R's `factor()` sorts levels and `lm` drops unused ones
    /// via `model.frame(drop.unused.levels = TRUE)`; patsy's Treatment uses the first level).
    static func encode(
        _ factor: Factor, column: Column, rows: [Int], referenceOverrides: [String: String]
    ) throws(ModelSpecError) -> EncodedFactor {
        guard isCategorical(factor, column) else {
            return EncodedFactor(factor: factor, values: .numeric(numericValues(column, rows: rows)))
        }
        let (codes, levels, numericKeys) = levelCodes(column, rows: rows)
        guard levels.count >= 2 else {
            throw .categoricalWithOneLevel(variable: factor.variable, level: levels.first ?? "")
        }
        var reference = 0
        // The formula's own C(x, ref = ...) is more specific than a per-variable option.
        if let requested = factor.reference ?? referenceOverrides[factor.variable] {
            guard let found = levelIndex(of: requested, levels: levels, numericKeys: numericKeys, isBool: column.type == .bool) else {
                throw .unknownReferenceLevel(variable: factor.variable, level: requested, levels: levels)
            }
            reference = found
        }
        return EncodedFactor(factor: factor, values: .categorical(codes: codes, levels: levels, reference: reference))
    }

    /// Values of a non-categorical column at `rows`: integers, doubles, booleans as 0/1, dates as
    /// days since 1970-01-01.
    static func numericValues(_ column: Column, rows: [Int]) -> [Double] {
        switch column.values {
        case .double(let v, _): return rows.map { v[$0] }
        case .integer(let v, _): return rows.map { Double(v[$0]) }
        case .bool(let v, _): return rows.map { v[$0] ? 1 : 0 }
        case .date(let v, _): return rows.map { Double(v[$0]) }
        case .categorical: preconditionFailure("categorical column '\(column.name)' has no numeric values")
        }
    }

    /// Codes into the sorted levels present at `rows`, the level texts, and the levels as numbers
    /// for numeric columns (so that `ref = 3` matches a level printed `3`).
    private static func levelCodes(_ column: Column, rows: [Int]) -> ([Int32], [String], [Double]?) {
        switch column.values {
        case .categorical(let allCodes, let allLevels):
            // Levels are stored sorted already; keep those present and renumber densely.
            var present = [Bool](repeating: false, count: allLevels.count)
            for r in rows { present[Int(allCodes[r])] = true }
            var newCode = [Int32](repeating: -1, count: allLevels.count)
            var levels: [String] = []
            for (k, level) in allLevels.enumerated() where present[k] {
                newCode[k] = Int32(levels.count)
                levels.append(level)
            }
            return (rows.map { newCode[Int(allCodes[$0])] }, levels, nil)
        case .integer(let v, _):
            let (codes, keys) = codesOfSortedUnique(rows.map { v[$0] })
            return (codes, keys.map(String.init), keys.map(Double.init))
        case .double(let v, _):
            let (codes, keys) = codesOfSortedUnique(rows.map { v[$0] })
            return (codes, keys.map(LevelText.of), keys)
        case .bool(let v, _):
            // false < true, so `false` is the default reference as in R and patsy.
            let (codes, keys) = codesOfSortedUnique(rows.map { v[$0] ? 1 : 0 })
            return (codes, keys.map { $0 == 1 ? "true" : "false" }, keys.map(Double.init))
        case .date(let v, _):
            let (codes, keys) = codesOfSortedUnique(rows.map { v[$0] })
            return (codes, keys.map { ISODate.format(daysSinceEpoch: $0) }, nil)
        }
    }

    /// Dense codes of `keys` into their sorted distinct values (numeric order, not text order:
    /// 9 before 10, as R's `factor()` and patsy sort numbers).
    private static func codesOfSortedUnique<K: Hashable & Comparable>(_ keys: [K]) -> ([Int32], [K]) {
        let levels = Set(keys).sorted()
        var index = [K: Int32](minimumCapacity: levels.count)
        for (k, level) in levels.enumerated() { index[level] = Int32(k) }
        return (keys.map { index[$0]! }, levels)
    }

    /// Index of `requested` among `levels`: exact text, else numerically equal (`2021.0` = `2021`),
    /// else for booleans `TRUE`/`True`/`1`.
    private static func levelIndex(of requested: String, levels: [String], numericKeys: [Double]?, isBool: Bool) -> Int? {
        if let k = levels.firstIndex(of: requested) { return k }
        if isBool, let k = levels.firstIndex(of: requested.lowercased()) { return k }
        if let keys = numericKeys, let value = Double(requested) { return keys.firstIndex(of: value) }
        return nil
    }
}
