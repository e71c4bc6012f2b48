import DataFrameModule

/// Reading the columns a study names: indicators, treated-after-training rows, the benefiting
/// population and how many periods after training the data observe.
extension StudyRunner {
    /// The numeric values of `name` (`.nan` where missing; dates as days since 1970-01-01). The
    /// data check has already confirmed the column exists and is numeric.
    static func numbers(_ data: DataFrame, _ name: String) -> [Double] {
        data[name]?.numericValues() ?? [Double](repeating: .nan, count: data.rowCount)
    }

    /// Rows where the 0/1 column `name` is 1 (missing counts as 0).
    static func indicator(_ data: DataFrame, _ name: String) -> [Bool] {
        numbers(data, name).map { $0 == 1 }
    }

    /// Rows of treated units in or after their first treated period: cohort > 0 (0 or empty =
    /// never treated, R `did`'s convention) and time ≥ cohort.
    static func cohortPost(_ data: DataFrame, cohort: String, time: String) -> [Bool] {
        zip(numbers(data, cohort), numbers(data, time)).map { g, t in g.isFinite && g > 0 && t >= g }
    }

    /// Among `rows` with an observed outcome: the distinct units (the benefiting population: units
    /// without outcome data count as zero, guiding principle 6) and the most rows any one unit has
    /// (periods after training observed, one row per unit and period).
    static func exposureCounts(_ data: DataFrame, rows: [Bool], unit: String, outcome: String) -> (units: Int, periods: Int) {
        guard let unitColumn = data[unit] else { return (0, 0) }
        let y = numbers(data, outcome)
        var counts: [String: Int] = [:]
        for i in rows.indices where rows[i] && !y[i].isNaN && !unitColumn.isMissing(i) {
            counts[unitColumn.text(at: i), default: 0] += 1
        }
        return (counts.count, counts.values.max() ?? 0)
    }

    /// The mean outcome over `rows` in each period, periods in increasing order (missing outcomes skipped).
    static func meanByPeriod(_ data: DataFrame, outcome: String, time: String, rows: [Bool]) -> (times: [Double], means: [Double]) {
        let y = numbers(data, outcome)
        let t = numbers(data, time)
        var sums: [Double: (sum: Double, count: Int)] = [:]
        for i in rows.indices where rows[i] && !y[i].isNaN && !t[i].isNaN {
            let cell = sums[t[i], default: (0, 0)]
            sums[t[i]] = (cell.sum + y[i], cell.count + 1)
        }
        let times = sums.keys.sorted()
        return (times, times.map { sums[$0]!.sum / Double(sums[$0]!.count) })
    }
}
