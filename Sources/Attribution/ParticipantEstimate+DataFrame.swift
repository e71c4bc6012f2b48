import DataFrameModule

/// Reading a participant survey from a data frame (e.g. `DataFrame.readCSV(path:)`).
extension ParticipantEstimate {
    /// The survey in `frame`: one row per participant, blanks (missing values) for non-respondents.
    ///
    /// - Parameters:
    ///   - improvement, share, confidence: the numeric columns (share and confidence in percent).
    /// - Throws: `ParticipantEstimateError.unusableColumn` for a missing or non-numeric column, and
    ///   the validation errors of `init(kpi:improvement:sharePercent:confidencePercent:extremeMultiple:)`.
    public init(
        kpi: String, frame: DataFrame, improvement: String, share: String, confidence: String,
        extremeMultiple: Double = 3
    ) throws {
        func values(_ name: String) throws -> [Double?] {
            guard let column = frame[name] else {
                throw ParticipantEstimateError.unusableColumn(
                    name: name, detail: "not in the file (columns: \(frame.columnNames.joined(separator: ", ")))")
            }
            guard let numbers = column.numericValues() else {
                throw ParticipantEstimateError.unusableColumn(name: name, detail: "not numeric (\(column.type))")
            }
            return numbers.indices.map { column.isMissing($0) ? nil : numbers[$0] }
        }
        try self.init(
            kpi: kpi, improvement: values(improvement), sharePercent: values(share),
            confidencePercent: values(confidence), extremeMultiple: extremeMultiple)
    }
}
