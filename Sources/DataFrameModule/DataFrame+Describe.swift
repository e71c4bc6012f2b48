extension DataFrame {
    /// One summary per column, in column order: counts of non-missing and missing values, and
    ///
    /// - integer and double columns: mean, standard deviation (divisor n − 1), minimum,
    ///   quartiles by linear interpolation (Hyndman & Fan type 7 = R `quantile`, numpy
    ///   `"linear"`) and maximum — the numbers of pandas `DataFrame.describe()`;
    /// - categorical and bool columns: every level with its count, most frequent first, ties by
    ///   name — pandas `value_counts()` with a deterministic tie order;
    /// - date columns: the earliest and latest date.
    ///
    /// NaN stored in a double column counts as missing, as in `Column.numericValues()`; integers
    /// enter the statistics as doubles (exact up to 2^53).
    public func describe() -> [ColumnSummary] {
        columns.map(Self.summary)
    }

    /// `describe()` as an aligned text table for the terminal: one line per column with counts,
    /// the numeric statistics, and for other types the top levels or the date range.
    public func describeTable() -> String {
        var table = TextTable(
            headers: ["column", "type", "count", "missing", "mean", "sd", "min", "25%", "50%", "75%", "max", "levels / range"],
            alignments: [.left, .left] + Array(repeating: .right, count: 9) + [.left])
        for s in describe() {
            var cells = [TextTable.truncate(s.name, to: 30), s.type.rawValue, String(s.count), String(s.missing)]
            var statistics = Array(repeating: "", count: 7)
            var remark = ""
            switch s.details {
            case .numeric(let n):
                statistics = [n.mean, n.sd ?? .nan, n.min, n.q25, n.median, n.q75, n.max].map(DisplayFormatting.number)
                if n.sd == nil { statistics[1] = "" }
            case .levels(let levels):
                let shown = levels.prefix(3).map { "\(TextTable.truncate($0.level, to: 20)) (\($0.count))" }
                let more = levels.count > 3 ? ", …" : ""
                remark = "\(levels.count) level\(levels.count == 1 ? "" : "s"): " + shown.joined(separator: ", ") + more
            case .dates(let first, let last):
                remark = ISODate.format(daysSinceEpoch: first) + " … " + ISODate.format(daysSinceEpoch: last)
            case .noValues:
                remark = "no values"
            }
            cells += statistics + [remark]
            table.rows.append(cells)
        }
        return table.render()
    }

    private static func summary(of column: Column) -> ColumnSummary {
        let n = column.count
        switch column.values {
        case .integer, .double:
            let values = (column.numericValues() ?? []).filter { !$0.isNaN }
            return ColumnSummary(
                name: column.name, type: column.type, count: values.count, missing: n - values.count,
                details: numericDetails(values))
        case .bool(let v, let missing):
            var trueCount = 0
            var falseCount = 0
            for i in 0..<n where !missing[i] {
                if v[i] { trueCount += 1 } else { falseCount += 1 }
            }
            let levels = sortedLevels([LevelCount(level: "false", count: falseCount), LevelCount(level: "true", count: trueCount)])
            return ColumnSummary(
                name: column.name, type: .bool, count: trueCount + falseCount, missing: n - trueCount - falseCount,
                details: .levels(levels))
        case .categorical(let codes, let levelNames):
            var counts = [Int](repeating: 0, count: levelNames.count)
            for code in codes where code >= 0 { counts[Int(code)] += 1 }
            let present = counts.reduce(0, +)
            let levels = sortedLevels(zip(levelNames, counts).map { LevelCount(level: $0, count: $1) })
            return ColumnSummary(
                name: column.name, type: .categorical, count: present, missing: n - present, details: .levels(levels))
        case .date(let days, let missing):
            let present = (0..<n).filter { !missing[$0] }.map { days[$0] }
            let details: ColumnSummary.Details =
                present.isEmpty ? .noValues : .dates(first: present.min()!, last: present.max()!)
            return ColumnSummary(name: column.name, type: .date, count: present.count, missing: n - present.count, details: details)
        }
    }

    private static func numericDetails(_ values: [Double]) -> ColumnSummary.Details {
        guard let mean = DescriptiveStatistics.mean(values) else { return .noValues }
        let sorted = values.sorted()
        return .numeric(
            NumericSummary(
                mean: mean,
                sd: DescriptiveStatistics.standardDeviation(values),
                min: sorted[0],
                q25: DescriptiveStatistics.quantile(sorted: sorted, 0.25),
                median: DescriptiveStatistics.quantile(sorted: sorted, 0.5),
                q75: DescriptiveStatistics.quantile(sorted: sorted, 0.75),
                max: sorted[sorted.count - 1]))
    }

    /// Most frequent first; ties by level name, byte-wise.
    private static func sortedLevels(_ levels: [LevelCount]) -> [LevelCount] {
        levels.sorted { a, b in
            a.count != b.count ? a.count > b.count : a.level.utf8.lexicographicallyPrecedes(b.level.utf8)
        }
    }
}
