/// Summary of one column, as `DataFrame.describe()` returns it.
public struct ColumnSummary: Sendable, Equatable {
    /// What is summarised beyond the counts, by column type.
    public enum Details: Sendable, Equatable {
        /// Integer and double columns.
        case numeric(NumericSummary)
        /// Categorical and bool columns: every level with its count, most frequent first,
        /// ties by name (byte-wise). Bool levels are `false` and `true`.
        case levels([LevelCount])
        /// Date columns: earliest and latest date, in days since 1970-01-01.
        case dates(first: Int, last: Int)
        /// A numeric or date column without any non-missing value.
        case noValues
    }

    /// Column name.
    public let name: String
    /// Column type.
    public let type: ColumnType
    /// Non-missing values.
    public let count: Int
    /// Missing values (for doubles, NaN counts as missing, as everywhere in the module).
    public let missing: Int
    /// Type-specific statistics.
    public let details: Details

    /// A summary from its parts.
    public init(name: String, type: ColumnType, count: Int, missing: Int, details: Details) {
        self.name = name
        self.type = type
        self.count = count
        self.missing = missing
        self.details = details
    }

    /// The numeric statistics, for integer and double columns with values.
    public var numeric: NumericSummary? {
        if case .numeric(let summary) = details { return summary }
        return nil
    }

    /// The level counts, for categorical and bool columns.
    public var levels: [LevelCount]? {
        if case .levels(let levels) = details { return levels }
        return nil
    }
}

/// Location and spread of a numeric column's non-missing values.
///
/// Quantiles are Hyndman & Fan type 7 (R `quantile` default, numpy `"linear"`), see
/// `DescriptiveStatistics.quantile(sorted:_:)`.
public struct NumericSummary: Sendable, Equatable {
    /// Arithmetic mean.
    public let mean: Double
    /// Standard deviation with divisor n − 1; `nil` with a single value.
    public let sd: Double?
    /// Smallest value.
    public let min: Double
    /// First quartile (25th percentile).
    public let q25: Double
    /// Median (50th percentile).
    public let median: Double
    /// Third quartile (75th percentile).
    public let q75: Double
    /// Largest value.
    public let max: Double

    /// A summary from its parts.
    public init(mean: Double, sd: Double?, min: Double, q25: Double, median: Double, q75: Double, max: Double) {
        self.mean = mean
        self.sd = sd
        self.min = min
        self.q25 = q25
        self.median = median
        self.q75 = q75
        self.max = max
    }
}

/// A level of a categorical or bool column and how many rows have it.
public struct LevelCount: Sendable, Equatable {
    /// Level text (`false` or `true` for bool columns).
    public let level: String
    /// Number of rows with this level.
    public let count: Int

    /// A level count from its parts.
    public init(level: String, count: Int) {
        self.level = level
        self.count = count
    }
}
