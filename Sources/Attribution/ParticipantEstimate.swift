/// Participant (or manager) estimates as an isolation method (ROI Methodology; Phillips &
/// Phillips 2007, ch. 6): each respondent states the improvement in the KPI, the share of it
/// attributed to the training and the confidence in that share, and the effect is
///
///     effect = (1/N) Σ_{i=1..N} improvement_i × share_i × confidence_i
///
/// over all N participants, shares and confidences as fractions of 100 %. The adjustments are the
/// ROI Institute's guiding principles, each logged:
/// - non-respondents count as zero (principle 6, no data → no improvement);
/// - the confidence discounts each claim for its error (principle 7);
/// - extreme claims are left out (principle 8) by a stated rule: a respondent whose |improvement|
///   exceeds `extremeMultiple` × the median |improvement| of the respondents is excluded, logged
///   and counted as zero (the rule is off when that median is 0). A share above 100 % is an error,
///   never an extreme claim.
///
/// Interval: pairs bootstrap over the respondents (`ResamplingPlan.pairs(rows: R)`), the number of
/// respondents R and of participants N held fixed (the response pattern is a fact of the survey;
/// the sampling variation is in what respondents claim), so replicate b is (1/N) Σ_r f_br·a_r with
/// a_r the respondent's adjusted claim. The extreme-claim rule is applied once, before resampling.
/// Analytic SE: (R/N)·s_a/√R with s_a the respondents' sample SD.
public struct ParticipantEstimate: Sendable, Equatable {
    /// One participant's adjusted contribution and why it is what it is.
    public struct Contribution: Sendable, Equatable {
        /// How the participant's answer entered the effect.
        public enum Status: String, Sendable, Equatable {
            /// Answered; contributes improvement × share × confidence.
            case counted
            /// Did not answer; counts as zero (principle 6).
            case nonRespondent
            /// Answered, but the claim is extreme; counts as zero (principle 8).
            case excludedExtreme
        }

        /// The participant's row (1-based).
        public let row: Int
        /// The stated improvement, if any.
        public let improvement: Double?
        /// improvement × share × confidence (0 for non-respondents and excluded claims).
        public let adjusted: Double
        /// How the answer entered.
        public let status: Status
    }

    /// The KPI the improvements are in.
    public let kpi: String
    /// Every participant's contribution, in row order.
    public let contributions: [Contribution]
    /// The multiple of the median |improvement| above which a claim is excluded.
    public let extremeMultiple: Double
    /// The median |improvement| of the respondents (the rule's yardstick).
    public let medianImprovement: Double
    /// The effect: mean adjusted improvement over all participants.
    public let effect: Double
    /// The guiding principles applied and the numbers they changed.
    public let principles: PrinciplesLog

    /// Validates and adjusts a survey given as one entry per participant (`nil` = blank).
    ///
    /// A participant with all three entries blank is a non-respondent; a partial answer is an error.
    /// - Parameters:
    ///   - improvement: stated improvement in the KPI's units.
    ///   - sharePercent: share of the improvement attributed to training, 0–100.
    ///   - confidencePercent: confidence in the share, 0–100.
    ///   - extremeMultiple: the exclusion rule's multiple of the median |improvement| (default 3).
    /// - Throws: `ParticipantEstimateError` naming the first bad row.
    public init(
        kpi: String, improvement: [Double?], sharePercent: [Double?], confidencePercent: [Double?],
        extremeMultiple: Double = 3
    ) throws {
        precondition(extremeMultiple > 1, "the extreme-claim multiple must exceed 1")
        guard improvement.count == sharePercent.count, improvement.count == confidencePercent.count else {
            throw ParticipantEstimateError.columnLengthMismatch(
                improvement: improvement.count, share: sharePercent.count, confidence: confidencePercent.count)
        }
        guard !improvement.isEmpty else { throw ParticipantEstimateError.noParticipants }
        var answers: [(row: Int, improvement: Double, share: Double, confidence: Double)?] = []
        for i in improvement.indices {
            answers.append(
                try Self.validated(row: i + 1, improvement[i], sharePercent[i], confidencePercent[i]))
        }
        let respondents = answers.compactMap { $0 }
        guard respondents.count >= 2 else { throw ParticipantEstimateError.tooFewRespondents(count: respondents.count) }
        let median = Self.median(respondents.map { abs($0.improvement) })
        // The rule is relative to the typical claim; with a zero median any claim would be "extreme".
        let limit = median > 0 ? extremeMultiple * median : Double.infinity
        var contributions: [Contribution] = []
        var unadjusted = 0.0
        var beforeExclusion = 0.0
        for (i, answer) in answers.enumerated() {
            guard let answer else {
                contributions.append(.init(row: i + 1, improvement: nil, adjusted: 0, status: .nonRespondent))
                continue
            }
            let adjusted = answer.improvement * answer.share / 100 * answer.confidence / 100
            unadjusted += answer.improvement * answer.share / 100
            beforeExclusion += adjusted
            let extreme = abs(answer.improvement) > limit
            contributions.append(
                .init(
                    row: answer.row, improvement: answer.improvement, adjusted: extreme ? 0 : adjusted,
                    status: extreme ? .excludedExtreme : .counted))
        }
        let n = Double(improvement.count)
        self.kpi = kpi
        self.contributions = contributions
        self.extremeMultiple = extremeMultiple
        self.medianImprovement = median
        self.effect = contributions.reduce(0) { $0 + $1.adjusted } / n
        self.principles = Self.log(
            kpi: kpi, participants: improvement.count, respondents: respondents.count,
            perRespondent: (unadjusted / Double(respondents.count), beforeExclusion / Double(respondents.count)),
            allParticipants: (beforeExclusion / n, effect), excluded: contributions.filter { $0.status == .excludedExtreme },
            limit: limit)
    }

    /// Number of participants N.
    public var participantCount: Int { contributions.count }
    /// Number of respondents R (counted or excluded).
    public var respondentCount: Int { contributions.filter { $0.status != .nonRespondent }.count }
    /// Rows whose claims were excluded as extreme.
    public var excludedRows: [Int] { contributions.filter { $0.status == .excludedExtreme }.map(\.row) }

    /// The respondents' adjusted claims a_r (0 for excluded claims), in row order.
    var respondentClaims: [Double] { contributions.filter { $0.status != .nonRespondent }.map(\.adjusted) }

    /// One participant's answer checked, or `nil` for a blank (non-respondent) row.
    static func validated(row: Int, _ improvement: Double?, _ share: Double?, _ confidence: Double?) throws -> (
        row: Int, improvement: Double, share: Double, confidence: Double
    )? {
        if improvement == nil && share == nil && confidence == nil { return nil }
        for (value, field) in [(improvement, "improvement"), (share, "share"), (confidence, "confidence")] {
            if let value, !value.isFinite { throw ParticipantEstimateError.nonFiniteValue(row: row, field: field) }
        }
        guard let improvement else { throw ParticipantEstimateError.missingImprovement(row: row) }
        guard let share else { throw ParticipantEstimateError.missingShare(row: row) }
        guard (0...100).contains(share) else { throw ParticipantEstimateError.shareOutOfRange(row: row, value: share) }
        guard let confidence else { throw ParticipantEstimateError.missingConfidence(row: row) }
        guard (0...100).contains(confidence) else {
            throw ParticipantEstimateError.confidenceOutOfRange(row: row, value: confidence)
        }
        return (row, improvement, share, confidence)
    }

    /// The median (mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let m = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
    }
}
