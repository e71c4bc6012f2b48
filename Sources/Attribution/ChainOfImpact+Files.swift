import DataFrameModule

/// Levels 1–3 of the chain of impact read from CSV files, one row per participant.
///
/// - reaction: a numeric rating column (default `rating`); empty cells are non-responses;
/// - assessment: numeric `pre` and `post` score columns, paired by row; a row missing either is an
///   incomplete pair;
/// - application: a 0/1 (or true/false) column (default `applied`); empty cells are non-responses.
/// Every left-out row is counted in the summary (`missing`, `incompletePairs`, `nonRespondents`).
extension ChainOfImpact {
    /// The reaction summary of `column` in the CSV file at `path`.
    /// - Throws: the CSV reader's `DataError` (file, line, column), `ImpactLevelError`.
    public static func reaction(
        csv path: String, column: String = "rating", scale: ClosedRange<Double> = 1...5, favourableThreshold: Double = 4
    ) throws -> ReactionSummary {
        let frame = try DataFrame.readCSV(path: path)
        return try ReactionSummary(
            ratings: numbers(frame, column, file: path), scale: scale, favourableThreshold: favourableThreshold)
    }

    /// The paired pre/post assessment summary of columns `pre` and `post` in the CSV file at `path`.
    /// - Throws: the CSV reader's `DataError`, `ImpactLevelError`.
    public static func learning(csv path: String, pre: String = "pre", post: String = "post") throws -> LearningSummary {
        let frame = try DataFrame.readCSV(path: path)
        return try LearningSummary(pre: numbers(frame, pre, file: path), post: numbers(frame, post, file: path))
    }

    /// The application summary of the 0/1 column `column` in the CSV file at `path`.
    /// - Throws: the CSV reader's `DataError`, `ImpactLevelError` (a value other than 0/1).
    public static func application(csv path: String, column: String = "applied") throws -> ApplicationSummary {
        let frame = try DataFrame.readCSV(path: path)
        let values = try numbers(frame, column, file: path)
        let responses = try values.enumerated().map { index, value -> Bool? in
            if value.isNaN { return nil }
            guard value == 0 || value == 1 else {
                throw ImpactLevelError.unusableColumn(
                    file: path, column: column, problem: "has \(value) in data row \(index + 1); code application as 0/1")
            }
            return value == 1
        }
        return try ApplicationSummary(responses: responses)
    }

    /// The numeric values of `column` (NaN where missing).
    static func numbers(_ frame: DataFrame, _ column: String, file: String) throws -> [Double] {
        guard let values = frame[column] else {
            let available = frame.columns.map(\.name).joined(separator: ", ")
            throw ImpactLevelError.unusableColumn(file: file, column: column, problem: "is not in the file (columns: \(available))")
        }
        guard values.type != .categorical, let numbers = values.numericValues() else {
            throw ImpactLevelError.unusableColumn(
                file: file, column: column, problem: "is \(values.type.description), not numeric")
        }
        return numbers
    }
}
