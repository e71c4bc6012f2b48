import Testing

@testable import Attribution

@Suite("Chain of impact: levels 1–3 and intangibles")
struct ChainOfImpactTests {
    @Test("reaction: mean and top-two-box share over non-missing ratings")
    func reaction() throws {
        let summary = try ReactionSummary(ratings: [5, 4, 3, .nan, 4, 2])
        #expect(summary.respondents == 5)
        #expect(summary.missing == 1)
        #expect(summary.mean == 3.6)
        #expect(summary.shareFavourable == 0.6)
        #expect(throws: ImpactLevelError.outsideScale(measure: "reaction", row: 2, value: 7, lower: 1, upper: 5)) {
            try ReactionSummary(ratings: [4, 7])
        }
        #expect(throws: ImpactLevelError.tooFewObservations(measure: "reaction", count: 0, minimum: 1)) {
            try ReactionSummary(ratings: [.nan])
        }
        #expect(throws: ImpactLevelError.invalidScale(lower: 1, upper: 5, threshold: 6)) {
            try ReactionSummary(ratings: [4], favourableThreshold: 6)
        }
    }

    @Test("learning: paired change, d_z and t test by hand (R t.test(post, pre, paired = TRUE))")
    func learning() throws {
        // Changes 3, 2, 0, 3, 4 (the NaN pair is dropped): mean 2.4, Σ(d − d̄)² = 9.2, s_d = √2.3.
        let summary = try LearningSummary(pre: [10, 12, 9, 15, 11, .nan], post: [13, 14, 9, 18, 15, 20])
        #expect(summary.pairs == 5)
        #expect(summary.incompletePairs == 1)
        #expect(abs(summary.meanChange - 2.4) < 1e-12)
        #expect(abs(summary.standardDeviationOfChange - 2.3.squareRoot()) < 1e-12)
        #expect(abs(summary.cohenDz - 2.4 / 2.3.squareRoot()) < 1e-12)
        let t = 2.4 / (2.3.squareRoot() / 5.0.squareRoot())
        #expect(abs(summary.tStatistic - t) < 1e-12)
        #expect(summary.degreesOfFreedom == 4)
        // For 4 df the two-sided p is 1 − t(t² + 6)/(t² + 4)^(3/2) = 0.0240435287993…
        #expect(abs(summary.pValue - 0.024_043_528_799_4) < 1e-10)
        #expect(summary.meanPre == 11.4 && summary.meanPost == 13.8)
    }

    @Test("learning: unpaired, too few and constant changes are typed errors")
    func learningErrors() {
        #expect(throws: ImpactLevelError.unpairedScores(pre: 2, post: 3)) { try LearningSummary(pre: [1, 2], post: [1, 2, 3]) }
        #expect(throws: ImpactLevelError.tooFewObservations(measure: "assessment (pairs)", count: 1, minimum: 2)) {
            try LearningSummary(pre: [1, .nan], post: [2, 3])
        }
        #expect(throws: ImpactLevelError.constantChange(change: 1)) { try LearningSummary(pre: [1, 2, 3], post: [2, 3, 4]) }
    }

    @Test("application: share applying among respondents, non-respondents counted")
    func application() throws {
        let summary = try ApplicationSummary(responses: [true, false, nil, true, true])
        #expect(summary.respondents == 4 && summary.nonRespondents == 1 && summary.applying == 3)
        #expect(summary.shareApplying == 0.75)
        #expect(throws: ImpactLevelError.tooFewObservations(measure: "application", count: 0, minimum: 1)) {
            try ApplicationSummary(responses: [nil, nil])
        }
    }

    @Test("intangibles are listed under principle 11 with no number; missing levels are stated")
    func principles() throws {
        let chain = ChainOfImpact(
            reaction: try ReactionSummary(ratings: [5, 4]),
            intangibles: [Intangible(name: "team collaboration", evidence: "survey item 7: +0.4 on 1–5")])
        #expect(chain.levelsWithData == [1])
        let log = chain.principlesLog
        let listed = try #require(log.entries(for: .intangibles).first)
        #expect(listed.before == nil && listed.after == nil)
        #expect(listed.location == "intangible: team collaboration")
        #expect(log.entries(for: .lowerLevelsNotComprehensive).first?.rule.contains("levels 2, 3 have no data") == true)
        #expect(ChainOfImpact().principlesLog.principlesApplied == [.lowerLevelsData])
    }
}
