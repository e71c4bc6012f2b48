/// The guiding-principle log of a participant-estimate survey.
extension ParticipantEstimate {
    /// Principles 7 (confidence discount), 8 (extreme claims) and 6 (non-respondents as zero), in
    /// the order applied, each with the number it changed.
    static func log(
        kpi: String, participants: Int, respondents: Int, perRespondent: (unadjusted: Double, discounted: Double),
        allParticipants: (beforeExclusion: Double, after: Double), excluded: [Contribution], limit: Double
    ) -> PrinciplesLog {
        let location = "participant estimates: \(kpi)"
        var log = PrinciplesLog()
        log.record(
            .init(
                principle: .adjustForError, rule: "each claim multiplied by the respondent's confidence",
                location: location, quantity: "mean attributed improvement per respondent",
                before: perRespondent.unadjusted, after: perRespondent.discounted))
        log.record(
            .init(
                principle: .noDataNoImprovement,
                rule: "\(participants - respondents) of \(participants) participants did not respond and count as zero",
                location: location, quantity: "mean adjusted improvement",
                before: perRespondent.discounted, after: allParticipants.beforeExclusion))
        if !excluded.isEmpty {
            let rows = excluded.map { String($0.row) }.joined(separator: ", ")
            log.record(
                .init(
                    principle: .omitExtremes,
                    rule: "claims with |improvement| above \(limit) (multiple of the median) excluded: rows \(rows)",
                    location: location, quantity: "effect per participant",
                    before: allParticipants.beforeExclusion, after: allParticipants.after))
        }
        return log
    }
}
