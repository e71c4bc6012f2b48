import DataFrameModule
import Inference
import LinearAlgebra

extension InterruptedTimeSeries {
    /// Comparative interrupted time series: the treated series against a comparison series observed
    /// over the same periods, with group interactions and Driscoll–Kraay standard errors.
    ///
    ///     y_gt = β0 + β1 t + β2 post_t + β3 (t − T0) post_t
    ///          + β4 G + β5 G t + β6 G post_t + β7 G (t − T0) post_t + ε_gt,   G = 1 for the treated series,
    ///
    /// so β6 is the level change and β7 the slope change of the treated series beyond the comparison
    /// series' own changes (Linden 2015, *Stata Journal* 15(2), `itsa` with a control group). The two
    /// series' errors may correlate within a period and over time, so the covariance sums the scores
    /// within each period before the Newey–West lags (`NeweyWest.driscollKraayCovariance`); the
    /// automatic lag is `⌊4 (T/100)^{2/9}⌋` in periods T. Matches statsmodels 0.15
    /// `OLS(y, X).fit(cov_type="hac-groupsum", cov_kwds={"time": period, "maxlags": L,
    /// "use_correction": "hac" or False})` (`datasets/reference/its_series.json`).
    ///
    /// - Throws: the errors of `fit(time:outcome:specification:)` for either series
    ///   (`.missingValues` names `outcome` or `comparison`).
    public static func fitComparative(
        time: [Double], outcome: [Double], comparison: [Double], specification: InterruptedTimeSeriesSpecification
    ) throws -> InterruptedTimeSeriesComparativeResult {
        let series = try validatedSeries(
            time: time, outcomes: [("outcome", outcome), ("comparison", comparison)], specification: specification)
        let t = series.times
        let periods = t.count
        let t0 = specification.interruption
        // Rows: the comparison series (G = 0), then the treated series (G = 1), each in time order.
        var columns = [[Double]](repeating: [], count: 8)
        for g in [0.0, 1.0] {
            for time in t {
                let post = time >= t0 ? 1.0 : 0.0
                // Time centred at T0, as in the single-series fit (accuracy with calendar times).
                let base = [1, time - t0, post, post * (time - t0)]
                for j in 0..<4 {
                    columns[j].append(base[j])
                    columns[4 + j].append(g * base[j])
                }
            }
        }
        let y = series.outcomes[1] + series.outcomes[0]
        let design = Matrix(columnArrays: columns)
        let solution = try leastSquares(design, y)
        // Each series has ≥ 3 periods per segment, so the eight columns are independent.
        precondition(solution.rank == 8, "The comparative segmented design must have full rank")
        let covariance = NeweyWest.driscollKraayCovariance(
            design: design, residuals: solution.residuals, period: Array(0..<periods) + Array(0..<periods),
            bread: solution.unscaledCovariance, maxLag: series.lag,
            smallSampleCorrection: specification.smallSampleCorrection)
        return InterruptedTimeSeriesComparativeResult(
            specification: specification, times: t, outcomes: series.outcomes[0],
            comparisonOutcomes: series.outcomes[1], centredCoefficients: solution.coefficients,
            centredCovariance: covariance, maxLag: series.lag, residuals: solution.residuals,
            preCount: series.preCount, postCount: series.postCount)
    }

    /// The comparative fit on a wide frame: one row per period with the treated and comparison
    /// outcomes in two numeric columns.
    ///
    /// - Throws: `InterruptedTimeSeriesError.columnNotFound`, `.nonNumericColumn`, `.missingValues`
    ///   and the errors of `fitComparative(time:outcome:comparison:specification:)`.
    public static func fitComparative(
        data: DataFrame, outcome: String, comparison: String, time: String,
        specification: InterruptedTimeSeriesSpecification
    ) throws -> InterruptedTimeSeriesComparativeResult {
        try fitComparative(
            time: try numericColumn(data, time), outcome: try numericColumn(data, outcome),
            comparison: try numericColumn(data, comparison), specification: specification)
    }
}
