/// A frame split into groups by the values of key columns, from `DataFrame.grouped(by:)`.
///
/// Groups are sorted by key (the first key first, each in `Column.groupCodes()` order), and a
/// missing key value forms its own group, placed after every non-missing value of that key,
/// as pandas `groupby(dropna=False)` does. Aggregations return a frame with the key columns
/// (their types and levels kept; missing keys stay missing) followed by the result.
public struct GroupedFrame: Sendable {
    /// One group: its key texts and its rows.
    public struct Group: Sendable, Equatable {
        /// One text per key column, as `Column.text(at:)` renders it (`"NA"` for missing).
        public let key: [String]
        /// Row indices into the grouped frame, ascending.
        public let rows: [Int]
    }

    /// The frame that was grouped.
    public let frame: DataFrame
    /// Key column names, in grouping order.
    public let keyNames: [String]
    /// Dense group number of every row of `frame`, in `0..<groups.count` (never −1).
    public let groupIDs: [Int32]
    /// The groups in key order.
    public let groups: [Group]
    /// One row per group, in key order: the key columns.
    public let keys: DataFrame

    init(frame: DataFrame, keyNames: [String], groupIDs: [Int32], groups: [Group], keys: DataFrame) {
        self.frame = frame
        self.keyNames = keyNames
        self.groupIDs = groupIDs
        self.groups = groups
        self.keys = keys
    }

    /// Key texts → row indices, for modules that look groups up by value. Two groups whose key
    /// texts coincide (a categorical level spelled `NA` next to a missing value) are merged.
    public var groupIndices: [[String]: [Int]] {
        Dictionary(groups.map { ($0.key, $0.rows) }, uniquingKeysWith: { ($0 + $1).sorted() })
    }

    /// Number of rows per group, in an integer column named `count` (`n` if a key is so named).
    public func count() -> DataFrame {
        let counts = groups.map(\.rows.count)
        let values = ColumnValues.integer(counts, missing: Array(repeating: false, count: counts.count))
        return result(values, name: "count", ifTaken: "n")
    }

    /// Sum of the numeric column `name` per group, skipping missing values; a group without
    /// values sums to 0 (pandas `sum` with `min_count=0`, R `sum(na.rm = TRUE)`). The result is
    /// a double column named like the summed column (`sum_<name>` if that is a key), added with
    /// Neumaier compensation.
    public func sum(_ name: String) throws -> DataFrame {
        let values = try numericValues(name)
        let sums = groups.map { group in DescriptiveStatistics.compensatedSum(group.rows.map { values[$0] }.filter { !$0.isNaN }) }
        return result(.double(sums, missing: Array(repeating: false, count: sums.count)), name: name, ifTaken: "sum_" + name)
    }

    /// Mean of the numeric column `name` per group, skipping missing values; missing for a group
    /// without values (pandas `mean`, R `mean(na.rm = TRUE)` gives NaN there). The result is a
    /// double column named like the averaged column (`mean_<name>` if that is a key).
    public func mean(_ name: String) throws -> DataFrame {
        let values = try numericValues(name)
        let means = groups.map { group in DescriptiveStatistics.mean(group.rows.map { values[$0] }.filter { !$0.isNaN }) }
        let column = ColumnValues.double(means.map { $0 ?? .nan }, missing: means.map { $0 == nil })
        return result(column, name: name, ifTaken: "mean_" + name)
    }

    /// Integer, double or bool values as doubles (NaN where missing).
    private func numericValues(_ name: String) throws -> [Double] {
        let column = try frame.column(named: name)
        guard column.type.isNumeric, let values = column.numericValues() else {
            throw DataError.wrongColumnType(column: name, found: column.type, expected: "a numeric (integer, double or bool) column")
        }
        return values
    }

    /// The key columns followed by the result column, named `name` unless a key already has
    /// that name (aggregating a key column, or a key called `count`): then `fallback`.
    private func result(_ values: ColumnValues, name: String, ifTaken fallback: String) -> DataFrame {
        var resultName = keyNames.contains(name) ? fallback : name
        while keyNames.contains(resultName) { resultName += "_" }
        return DataFrame(validColumns: keys.columns + [Column(name: resultName, values: values)])
    }
}
