/// Bad participant-survey input, naming the row (1-based data row, header not counted) and what to do.
public enum ParticipantEstimateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The share attributed to training lies outside 0–100 %.
    case shareOutOfRange(row: Int, value: Double)
    /// The confidence in the share lies outside 0–100 %.
    case confidenceOutOfRange(row: Int, value: Double)
    /// A respondent gave an improvement and a share but no confidence.
    case missingConfidence(row: Int)
    /// A respondent gave a share or confidence but no improvement.
    case missingImprovement(row: Int)
    /// A respondent gave an improvement but no share attributed to training.
    case missingShare(row: Int)
    /// A value is infinite or not a number.
    case nonFiniteValue(row: Int, field: String)
    /// The survey columns differ in length.
    case columnLengthMismatch(improvement: Int, share: Int, confidence: Int)
    /// The survey lists no participant.
    case noParticipants
    /// Fewer than two respondents: no interval can be computed.
    case tooFewRespondents(count: Int)
    /// A named survey column is missing from the file, or is not numeric.
    case unusableColumn(name: String, detail: String)

    public var description: String {
        switch self {
        case .shareOutOfRange(let row, let value):
            return "Row \(row): the share attributed to training is \(value) %, outside 0–100 %. "
                + "Correct the entry (a share above 100 % is an error, not a strong claim)."
        case .confidenceOutOfRange(let row, let value):
            return "Row \(row): the confidence is \(value) %, outside 0–100 %. Correct the entry."
        case .missingConfidence(let row):
            return "Row \(row): improvement and share are given but the confidence is missing. "
                + "Ask the respondent, or blank the whole response to count it as a non-response (zero)."
        case .missingImprovement(let row):
            return "Row \(row): a share or confidence is given but the improvement is missing. "
                + "Complete the response, or blank it to count it as a non-response (zero)."
        case .missingShare(let row):
            return "Row \(row): the improvement is given but the share attributed to training is missing. "
                + "Complete the response, or blank it to count it as a non-response (zero)."
        case .nonFiniteValue(let row, let field):
            return "Row \(row): \(field) is not a finite number. Correct the entry."
        case .columnLengthMismatch(let improvement, let share, let confidence):
            return "The survey columns differ in length (improvement \(improvement), share \(share), "
                + "confidence \(confidence)); give one entry per participant in each."
        case .noParticipants:
            return "The survey lists no participant."
        case .tooFewRespondents(let count):
            return "Only \(count) participant(s) responded; at least two are needed for an interval."
        case .unusableColumn(let name, let detail):
            return "Survey column '\(name)': \(detail)."
        }
    }
}
