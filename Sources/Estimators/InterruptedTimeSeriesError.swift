/// Problems with the data of an interrupted time series, each with advice.
public enum InterruptedTimeSeriesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column named in the call is not in the data.
    case columnNotFound(name: String)
    /// The time or outcome column is not numeric.
    case nonNumericColumn(name: String, type: String)
    /// Outcome or time values are missing (or not finite).
    case missingValues(column: String, rows: Int)
    /// Two rows share one period.
    case duplicatePeriod(time: Double)
    /// Periods are missing from the regular grid, so the Newey–West lags would not count periods.
    case missingPeriods(step: Double, missing: [Double])
    /// Gaps between periods are not whole multiples of the smallest gap.
    case irregularSpacing(after: Double, gap: Double, step: Double)
    /// Too few periods before the interruption to fit the pre-trend.
    case tooFewPreInterruptionPeriods(count: Int, minimum: Int)
    /// Too few periods from the interruption on to fit the post segment.
    case tooFewPostInterruptionPeriods(count: Int, minimum: Int)
    /// The Newey–West lag leaves no pair of observations that far apart.
    case lagTooLarge(lag: Int, observations: Int)

    public var description: String {
        switch self {
        case .columnNotFound(let name):
            return "No column named '\(name)'. Check the name against the data's header."
        case .nonNumericColumn(let name, let type):
            return "Column '\(name)' is \(type) but must be numeric (dates count as days). Recode it as numbers, "
                + "e.g. a month index."
        case .missingValues(let column, let rows):
            return "Column '\(column)' is missing in \(rows) row(s). An interrupted time series needs every period: "
                + "impute those values or shorten the series."
        case .duplicatePeriod(let time):
            return "Period \(time) appears more than once. Give one row per period (aggregate the series first)."
        case .missingPeriods(let step, let missing):
            let shown = missing.prefix(5).map { "\($0)" }.joined(separator: ", ")
            return "The series skips \(missing.count) period(s) on its grid of step \(step) (\(shown)"
                + (missing.count > 5 ? ", …" : "") + "). Newey–West lags count periods: impute the missing "
                + "periods or shorten the series."
        case .irregularSpacing(let after, let gap, let step):
            return "The gap \(gap) after period \(after) is not a multiple of the smallest gap \(step). Use an "
                + "equally spaced time index (e.g. months since the start)."
        case .tooFewPreInterruptionPeriods(let count, let minimum):
            return "Only \(count) period(s) before the interruption; the pre-trend needs at least \(minimum). "
                + "Use a longer pre-period or move the interruption."
        case .tooFewPostInterruptionPeriods(let count, let minimum):
            return "Only \(count) period(s) from the interruption on; the level and slope change need at least "
                + "\(minimum). Wait for more post-interruption data or move the interruption."
        case .lagTooLarge(let lag, let observations):
            return "A Newey–West lag of \(lag) needs more than \(lag) observations; the series has \(observations). "
                + "Choose a smaller lag or leave it to the automatic rule."
        }
    }
}
