import DataFrameModule
import Inference
import LinearAlgebra

/// Interrupted time series by segmented regression with Newey–West standard errors.
///
///     y_t = β0 + β1·t + β2·post_t + β3·(t − T0)·post_t + ε_t,   post_t = 1{t ≥ T0},
///
/// fitted by least squares on one equally spaced series; β2 is the level change at the
/// interruption T0, β3 the slope change, and the counterfactual of a post period is the pre-trend
/// extrapolated, `β0 + β1 t`. The covariance is Newey–West HAC (Bartlett kernel) because the
/// errors of a series are autocorrelated (see `NeweyWest`).
///
/// Matches statsmodels 0.15 `OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L,
/// "use_correction": c})` with `X = [1, t, post, (t − T0)·post]`; effects and counterfactuals as
/// its `t_test` of the same linear combinations (`datasets/reference/its_series.json`).
/// References: Wagner, Soumerai, Zhang & Ross-Degnan (2002), *J. Clin. Pharm. Ther.* 27(4);
/// Bernal, Cummins & Gasparrini (2017), *Int. J. Epidemiol.* 46(1); Newey & West (1987, 1994).
public enum InterruptedTimeSeries {
    /// Fewest periods on each side of the interruption: a line through two points has no residual,
    /// so three give each segment's level and slope at least one degree of freedom.
    public static let minimumSegmentLength = 3

    /// Fits the segmented regression to `outcome` observed at `time` (any order; sorted here).
    ///
    /// - Throws: `InterruptedTimeSeriesError` for missing values, a duplicated period, periods
    ///   missing from the equally spaced grid or irregular spacing, fewer than
    ///   `minimumSegmentLength` periods before or from the interruption, or a lag ≥ N;
    ///   `LinearAlgebraError` if the least-squares solve fails.
    public static func fit(
        time: [Double], outcome: [Double], specification: InterruptedTimeSeriesSpecification
    ) throws -> InterruptedTimeSeriesResult {
        let series = try validatedSeries(time: time, outcomes: [("outcome", outcome)], specification: specification)
        let t = series.times
        let y = series.outcomes[0]
        let t0 = specification.interruption
        let (preCount, postCount, lag) = (series.preCount, series.postCount, series.lag)
        let post = t.map { $0 >= t0 ? 1.0 : 0.0 }
        let since = t.indices.map { post[$0] * (t[$0] - t0) }
        // Time is centred at T0 for the fit: with calendar times (t ≈ 2000) the raw intercept is a
        // far extrapolation and [1, t] V [1, t]ᵀ would cancel away five digits of a counterfactual's
        // SE. The raw parametrization is recovered exactly by a linear map (see the result type).
        let centred = t.map { $0 - t0 }
        let design = Matrix(columnArrays: [[Double](repeating: 1, count: t.count), centred, post, since])
        let solution = try leastSquares(design, y)
        // Each segment has ≥ 3 distinct periods, so the four columns are independent; a drop
        // here would be a bug, not a data problem.
        precondition(solution.rank == 4, "The segmented design must have full rank")
        let covariance = NeweyWest.covariance(
            design: design, residuals: solution.residuals, bread: solution.unscaledCovariance, maxLag: lag,
            smallSampleCorrection: specification.smallSampleCorrection)
        return InterruptedTimeSeriesResult(
            specification: specification, times: t, outcomes: y, centredCoefficients: solution.coefficients,
            centredCovariance: covariance, maxLag: lag, residuals: solution.residuals, preCount: preCount,
            postCount: postCount)
    }

    /// Fits the segmented regression to two numeric columns of `data`.
    ///
    /// - Throws: `InterruptedTimeSeriesError.columnNotFound`, `.nonNumericColumn` (a categorical
    ///   time or outcome; dates count as days), `.missingValues`, and the errors of
    ///   `fit(time:outcome:specification:)`.
    public static func fit(
        data: DataFrame, outcome: String, time: String, specification: InterruptedTimeSeriesSpecification
    ) throws -> InterruptedTimeSeriesResult {
        let t = try numericColumn(data, time)
        let y = try numericColumn(data, outcome)
        return try fit(time: t, outcome: y, specification: specification)
    }

    /// A complete numeric column of `data` (dates as days).
    static func numericColumn(_ data: DataFrame, _ name: String) throws -> [Double] {
        guard let column = data[name] else { throw InterruptedTimeSeriesError.columnNotFound(name: name) }
        guard column.type != .categorical, let values = column.numericValues() else {
            throw InterruptedTimeSeriesError.nonNumericColumn(name: name, type: column.type.description)
        }
        let missing = values.filter { !$0.isFinite }.count
        if missing > 0 { throw InterruptedTimeSeriesError.missingValues(column: name, rows: missing) }
        return values
    }

    /// Series sorted by time and checked: finite values, a regular grid, enough periods on both
    /// sides of the interruption, and a lag below the number of periods.
    static func validatedSeries(
        time: [Double], outcomes: [(name: String, values: [Double])], specification: InterruptedTimeSeriesSpecification
    ) throws -> (times: [Double], outcomes: [[Double]], preCount: Int, postCount: Int, lag: Int) {
        let badTime = time.filter { !$0.isFinite }.count
        if badTime > 0 { throw InterruptedTimeSeriesError.missingValues(column: "time", rows: badTime) }
        for (name, values) in outcomes {
            precondition(values.count == time.count, "\(name) must have one entry per period")
            let bad = values.filter { !$0.isFinite }.count
            if bad > 0 { throw InterruptedTimeSeriesError.missingValues(column: name, rows: bad) }
        }
        let order = time.indices.sorted { time[$0] < time[$1] }
        let t = order.map { time[$0] }
        try checkRegularGrid(t)
        let preCount = t.filter { $0 < specification.interruption }.count
        let postCount = t.count - preCount
        if preCount < minimumSegmentLength {
            throw InterruptedTimeSeriesError.tooFewPreInterruptionPeriods(count: preCount, minimum: minimumSegmentLength)
        }
        if postCount < minimumSegmentLength {
            throw InterruptedTimeSeriesError.tooFewPostInterruptionPeriods(
                count: postCount, minimum: minimumSegmentLength)
        }
        let lag = specification.maxLag ?? NeweyWest.automaticLag(observations: t.count)
        if lag >= t.count { throw InterruptedTimeSeriesError.lagTooLarge(lag: lag, observations: t.count) }
        return (t, outcomes.map { series in order.map { series.values[$0] } }, preCount, postCount, lag)
    }

    /// Checks that sorted periods are distinct and lie on one equally spaced grid without holes.
    static func checkRegularGrid(_ t: [Double]) throws {
        guard t.count >= 2 else { return }
        var step = Double.infinity
        for i in 1..<t.count {
            let gap = t[i] - t[i - 1]
            if gap == 0 { throw InterruptedTimeSeriesError.duplicatePeriod(time: t[i]) }
            step = min(step, gap)
        }
        var missing: [Double] = []
        for i in 1..<t.count {
            let ratio = (t[i] - t[i - 1]) / step
            let whole = ratio.rounded()
            // Relative slack for periods stored in binary (e.g. steps of 0.1).
            guard abs(ratio - whole) <= 1e-9 * max(1, whole) else {
                throw InterruptedTimeSeriesError.irregularSpacing(after: t[i - 1], gap: t[i] - t[i - 1], step: step)
            }
            if whole > 1 { missing += (1..<Int(whole)).map { t[i - 1] + Double($0) * step } }
        }
        if !missing.isEmpty { throw InterruptedTimeSeriesError.missingPeriods(step: step, missing: missing) }
    }
}
