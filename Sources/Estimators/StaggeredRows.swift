import DataFrameModule

/// The unit, period and cohort of every row of a long staggered panel, read and checked once for
/// the regression-based event-study estimators (`EventStudy`, `SunAbraham`).
///
/// Periods must be integers (relative time t − cohort counts periods); a cohort must be an integer
/// period and the same on every row of a unit. What a cohort outside the observed periods means is
/// left to the estimator (an error for the TWFE event study, a never-treated unit for Sun–Abraham).
struct StaggeredRows {
    /// Per row: the period, `nil` where missing.
    let time: [Int?]
    /// Per row: the unit's cohort as coded, `nil` for never treated.
    let cohort: [Int?]
    /// Per row: the unit id as text, `nil` where missing.
    let unitKey: [String?]
    /// Each unit's cohort (`nil` = never treated).
    let unitCohort: [String: Int?]
    /// First and last observed period.
    let first: Int, last: Int

    /// Reads the rows of `data`.
    /// - Throws: `EstimationError` (missing or non-numeric column, no period), `EventStudyError`
    ///   (non-integer period or cohort, cohort varying within a unit).
    init(data: DataFrame, unit: String, time timeName: String, cohort cohortName: String, neverTreated: NeverTreatedCoding)
        throws
    {
        let time = try EventStudyPanel.integerValues(DiD2x2.requireColumn(timeName, in: data))
        let cohortColumn = try DiD2x2.requireColumn(cohortName, in: data)
        guard cohortColumn.type != .categorical, let cohortValues = cohortColumn.numericValues() else {
            throw EstimationError.nonNumericColumn(name: cohortName, type: cohortColumn.type.description)
        }
        let unitColumn = try DiD2x2.requireColumn(unit, in: data)
        let periods = time.compactMap { $0 }
        guard let first = periods.min(), let last = periods.max() else {
            throw EstimationError.nonNumericColumn(name: timeName, type: "empty (every value missing)")
        }
        var cohort = [Int?](repeating: nil, count: data.rowCount)
        var unitKey = [String?](repeating: nil, count: data.rowCount)
        var unitCohort: [String: Int?] = [:]
        for i in 0..<data.rowCount {
            let key = unitColumn.isMissing(i) ? nil : unitColumn.text(at: i)
            unitKey[i] = key
            let value = cohortValues[i]
            var treated: Int?
            if !neverTreated.isNeverTreated(value) {
                // The magnitude bound keeps Int(value) from trapping on absurd codes.
                guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else {
                    throw EventStudyError.nonIntegerPeriod(column: cohortName, value: value)
                }
                treated = Int(value)
            }
            cohort[i] = treated
            guard let key else { continue }
            if let seen = unitCohort[key], seen != treated {
                // A never-treated row is reported as cohort 0 in the message.
                throw EventStudyError.cohortVariesWithinUnit(unit: key, first: seen ?? 0, second: treated ?? 0)
            }
            unitCohort[key] = treated
        }
        self.time = time
        self.cohort = cohort
        self.unitKey = unitKey
        self.unitCohort = unitCohort
        self.first = first
        self.last = last
    }
}
