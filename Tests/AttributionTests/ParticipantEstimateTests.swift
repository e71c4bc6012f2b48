import DataFrameModule
import Inference
import Testing

@testable import Attribution

@Suite("Participant estimates")
struct ParticipantEstimateTests {
    /// Six participants; row 3 did not answer; row 5 claims 100 against a respondent median of 12,
    /// above 3 × 12 = 36, so it is excluded. Adjusted claims: 10·.5·.8 = 4, 20·.25·1 = 5, 0,
    /// 8·1·.5 = 4, 0, 12·.5·.5 = 3; effect = 16/6.
    static func survey() throws -> ParticipantEstimate {
        try ParticipantEstimate(
            kpi: "sales", improvement: [10, 20, nil, 8, 100, 12], sharePercent: [50, 25, nil, 100, 50, 50],
            confidencePercent: [80, 100, nil, 50, 50, 50])
    }

    @Test("hand-computed effect, exclusions and principle log")
    func handComputed() throws {
        let survey = try Self.survey()
        #expect(abs(survey.effect - 16.0 / 6) < 1e-12)
        #expect(survey.participantCount == 6)
        #expect(survey.respondentCount == 5)
        #expect(survey.medianImprovement == 12)
        #expect(survey.excludedRows == [5])
        #expect(survey.contributions[2].status == .nonRespondent)
        #expect(survey.contributions[4].status == .excludedExtreme)
        let log = survey.principles.entries
        #expect(log.map(\.principle) == [.adjustForError, .noDataNoImprovement, .omitExtremes])
        // Before the confidence discount: mean of improvement × share = (5 + 5 + 8 + 50 + 6)/5 = 14.8.
        #expect(abs(log[0].before! - 14.8) < 1e-12 && abs(log[0].after! - 8.2) < 1e-12)
        #expect(abs(log[1].after! - 41.0 / 6) < 1e-12)
        #expect(abs(log[2].after! - 16.0 / 6) < 1e-12)
    }

    @Test("analytic interval: (R/N)·s/√R by hand")
    func analytic() throws {
        let estimate = try Self.survey().isolate(bootstrap: nil)
        // Respondent claims 4, 5, 4, 0, 3: mean 3.2, s² = 14.8/4 = 3.7.
        let se = 5.0 / 6 * (3.7 / 5).squareRoot()
        #expect(abs(estimate.standardError - se) < 1e-12)
        #expect(abs(estimate.lower - (16.0 / 6 - 1.959963984540054 * se)) < 1e-9)
        #expect(estimate.notes.count == 1)
    }

    @Test("pairs bootstrap over respondents: replicate = Σ f·a / N, seeded, thread-invariant")
    func bootstrap() throws {
        let survey = try Self.survey()
        let one = try survey.isolate(bootstrap: .init(replicates: 999, seed: 17, threads: 1))
        let two = try survey.isolate(bootstrap: .init(replicates: 999, seed: 17, threads: 2))
        #expect(one == two)
        let claims: [Double] = [4, 5, 4, 0, 3]
        for r in [0, 1, 500] {
            let f = ResamplingPlan.pairs(rows: 5).weights(forReplicate: r, seed: 17)
            let expected = zip(f, claims).reduce(0) { $0 + $1.0 * $1.1 } / 6
            #expect(abs(one.replicates!.values[r] - expected) < 1e-12)
        }
        #expect(one.lower < one.effect && one.upper > one.effect)
        // The bootstrap SD of a mean is the plug-in SD: √((R − 1)/R) times the analytic SE, up to noise.
        let analytic = try survey.isolate(bootstrap: nil).standardError
        #expect(abs(one.standardError / (analytic * (4.0 / 5).squareRoot()) - 1) < 0.1)
    }

    @Test("bad input: typed errors naming the row")
    func badInput() {
        #expect(throws: ParticipantEstimateError.shareOutOfRange(row: 2, value: 120)) {
            try ParticipantEstimate(
                kpi: "k", improvement: [1, 2, 3], sharePercent: [10, 120, 10], confidencePercent: [50, 50, 50])
        }
        #expect(throws: ParticipantEstimateError.missingConfidence(row: 3)) {
            try ParticipantEstimate(
                kpi: "k", improvement: [1, 2, 3], sharePercent: [10, 10, 10], confidencePercent: [50, 50, nil])
        }
        #expect(throws: ParticipantEstimateError.confidenceOutOfRange(row: 1, value: -5)) {
            try ParticipantEstimate(
                kpi: "k", improvement: [1, 2, 3], sharePercent: [10, 10, 10], confidencePercent: [-5, 50, 50])
        }
        #expect(throws: ParticipantEstimateError.missingImprovement(row: 2)) {
            try ParticipantEstimate(
                kpi: "k", improvement: [1, nil, 3], sharePercent: [10, 10, 10], confidencePercent: [50, 50, 50])
        }
        #expect(throws: ParticipantEstimateError.nonFiniteValue(row: 1, field: "improvement")) {
            try ParticipantEstimate(
                kpi: "k", improvement: [.infinity, 2], sharePercent: [10, 10], confidencePercent: [50, 50])
        }
        #expect(throws: ParticipantEstimateError.columnLengthMismatch(improvement: 2, share: 1, confidence: 2)) {
            try ParticipantEstimate(kpi: "k", improvement: [1, 2], sharePercent: [10], confidencePercent: [50, 50])
        }
        #expect(throws: ParticipantEstimateError.tooFewRespondents(count: 1)) {
            try ParticipantEstimate(
                kpi: "k", improvement: [1, nil], sharePercent: [10, nil], confidencePercent: [50, nil])
        }
        #expect(throws: ParticipantEstimateError.noParticipants) {
            try ParticipantEstimate(kpi: "k", improvement: [], sharePercent: [], confidencePercent: [])
        }
        #expect(ParticipantEstimateError.missingConfidence(row: 3).description.contains("Row 3"))
    }

    @Test("a zero median switches the extreme-claim rule off")
    func zeroMedian() throws {
        let survey = try ParticipantEstimate(
            kpi: "k", improvement: [0, 0, 9], sharePercent: [50, 50, 50], confidencePercent: [100, 100, 100])
        #expect(survey.excludedRows.isEmpty)
        #expect(abs(survey.effect - 1.5) < 1e-12)
    }

    @Test("survey read from CSV: blanks are non-respondents, a bad share names its row")
    func csv() throws {
        let good = try DataFrame.readCSV(
            text: "id,improvement,share,confidence\n1,10,50,80\n2,20,25,100\n3,,,\n4,8,100,50\n5,100,50,50\n6,12,50,50\n")
        let survey = try ParticipantEstimate(
            kpi: "sales", frame: good, improvement: "improvement", share: "share", confidence: "confidence")
        #expect(survey == (try Self.survey()))
        let bad = try DataFrame.readCSV(text: "improvement,share,confidence\n10,50,80\n20,150,100\n")
        #expect(throws: ParticipantEstimateError.shareOutOfRange(row: 2, value: 150)) {
            try ParticipantEstimate(kpi: "sales", frame: bad, improvement: "improvement", share: "share", confidence: "confidence")
        }
        #expect(throws: ParticipantEstimateError.self) {
            try ParticipantEstimate(kpi: "sales", frame: bad, improvement: "gain", share: "share", confidence: "confidence")
        }
    }
}
