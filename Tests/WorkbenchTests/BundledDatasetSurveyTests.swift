import DataFrameModule
import Foundation
import Testing

/// The participant-estimate survey (`datasets/contact-centre-survey/`), read once.
private let survey = bundledFrame("datasets/contact-centre-survey/contact_centre_survey.csv")

/// The survey has the documented non-response, extreme claims and Phillips-adjusted figures
/// (README, "Known figures"), and every respondent is a trained agent of the contact-centre panel.
@Suite("Bundled datasets: contact-centre participant estimates")
struct BundledDatasetSurveyTests {
    private func values(_ name: String) throws -> [Double] { try #require(survey[name]?.numericValues()) }

    @Test("190 of 270 trained agents responded; non-respondents have empty answers")
    func response() throws {
        let responded = try values("responded")
        let improvement = try values("improvement_minutes")
        #expect(responded.filter { $0 == 1 }.count == 190)
        for i in responded.indices {
            #expect(improvement[i].isNaN == (responded[i] == 0))
        }
        for name in ["attribution_pct", "confidence_pct"] {
            #expect(try values(name).allSatisfy { $0.isNaN || (0...100).contains($0) })
        }
    }

    @Test("the adjusted estimate (improvement × attribution × confidence) matches the README")
    func adjusted() throws {
        let improvement = try values("improvement_minutes")
        let attribution = try values("attribution_pct")
        let confidence = try values("confidence_pct")
        let ids = (0..<survey.rowCount).map { survey["respondent_id"]!.text(at: $0) }
        let answered = improvement.indices.filter { !improvement[$0].isNaN }
        let extreme = answered.filter { improvement[$0] > 4 }
        #expect(extreme.map { ids[$0] } == ["R029", "R166", "R181", "R205", "R230"])
        let adjusted = answered.map { improvement[$0] * attribution[$0] / 100 * confidence[$0] / 100 }
        let kept = zip(answered, adjusted).filter { improvement[$0.0] <= 4 }.map(\.1)
        #expect(abs(adjusted.reduce(0, +) / Double(adjusted.count) - 0.858651) < 1e-6)
        #expect(abs(kept.reduce(0, +) / Double(kept.count) - 0.710507) < 1e-6)
        // Guiding principle 6: non-respondents count as no improvement; extremes are left out (principle 8).
        #expect(abs(kept.reduce(0, +) / Double(survey.rowCount) - 0.486829) < 1e-6)
    }

    @Test("every respondent is a trained agent of the panel, in the team and cohort the panel gives")
    func linkedToPanel() throws {
        let panel = bundledFrame("datasets/contact-centre/contact_centre.csv")
        let cohort = try #require(panel["training_week"]?.numericValues())
        var panelCohort: [String: (team: String, week: Double)] = [:]
        for i in 0..<panel.rowCount where !cohort[i].isNaN {
            panelCohort[panel["agent_id"]!.text(at: i)] = (panel["team_id"]!.text(at: i), cohort[i])
        }
        let weeks = try values("training_week")
        #expect(panelCohort.count == survey.rowCount)
        for i in 0..<survey.rowCount {
            let entry = try #require(panelCohort[survey["agent_id"]!.text(at: i)])
            #expect(entry.team == survey["team_id"]!.text(at: i))
            #expect(entry.week == weeks[i])
        }
    }
}
