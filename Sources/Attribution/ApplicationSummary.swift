/// Level 3 (application): the share of respondents who apply the training on the job.
///
/// share applying = #{applying} / #{responded}; non-responses (nil) are left out of the share
/// and counted in `nonRespondents`, so the report can show how many the share rests on.
public struct ApplicationSummary: Sendable, Equatable, Codable {
    public let respondents: Int
    public let nonRespondents: Int
    public let applying: Int
    public let shareApplying: Double

    /// The summary of one answer per participant: true = applies, false = does not, nil = no answer.
    /// - Throws: `ImpactLevelError.tooFewObservations` when nobody answered.
    public init(responses: [Bool?]) throws {
        let answered = responses.compactMap { $0 }
        guard !answered.isEmpty else {
            throw ImpactLevelError.tooFewObservations(measure: "application", count: 0, minimum: 1)
        }
        respondents = answered.count
        nonRespondents = responses.count - answered.count
        applying = answered.filter { $0 }.count
        shareApplying = Double(applying) / Double(answered.count)
    }
}
