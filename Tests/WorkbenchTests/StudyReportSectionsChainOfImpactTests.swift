import Attribution
import Reporting
import Testing

@testable import Workbench

@Suite("Report section builder: chain of impact")
struct StudyReportSectionsChainOfImpactTests {
    static let row = StudyReport.IsolationRow(
        method: "2×2 DiD", label: "2×2 DiD, never-trained teams", estimate: 1_480, standardError: 210,
        interval: StudyReport.Interval(lower: 1_050, upper: 1_900, level: 0.95, method: "cluster bootstrap percentile"),
        replicates: 999, observations: 14_354)
    static let roi = StudyReport.ROI(
        level: 0.95, benefits: .init(point: 1_600_000, lower: 1_100_000, upper: 2_100_000), costs: 400_000,
        netBenefits: .init(point: 1_200_000, lower: 700_000, upper: 1_700_000), roiPercent: .init(point: 300, lower: 175, upper: 425),
        benefitCostRatio: .init(point: 4, lower: 2.75, upper: 5.25), paybackMonths: .init(point: 3, lower: 2.3, upper: 4.4),
        probabilityPositive: 0.998)

    @Test("levels 1–5 map the summaries value for value; sources name the files")
    func allLevels() throws {
        let reaction = try ReactionSummary(ratings: [5, 4, 3, .nan, 4])
        let learning = try LearningSummary(pre: [50, 55, .nan, 40], post: [60, 58, 70, 49])
        let application = try ApplicationSummary(responses: [true, false, nil, true])
        let chain = ChainOfImpact(
            reaction: reaction, learning: learning, application: application,
            intangibles: [Intangible(name: "Team morale", evidence: "pulse survey +0.4")])
        let location = StudyLocation(file: "s.yml", keyPath: "chain_of_impact.reaction.file")
        let file = { (name: String) in Study.LevelFile(pathAsWritten: name, path: "/x/\(name)", location: location) }
        let settings = Study.ChainOfImpactSettings(
            reaction: Study.ReactionFile(file: file("reaction.csv")), learning: Study.LearningFile(file: file("assessment.csv")),
            application: Study.ApplicationFile(file: file("application.csv")))
        let section = StudyReportSections.chainOfImpactSection(chain: chain, impact: Self.row, roi: Self.roi, settings: settings)
        #expect(section.levels.map(\.level) == [1, 2, 3, 4, 5])
        #expect(section.levels.allSatisfy { $0.measured })
        #expect(
            section.levels.map(\.source) == [
                "reaction.csv", "assessment.csv", "application.csv", "isolation step: 2×2 DiD, never-trained teams",
                "ROI chain (bootstrap over the whole chain)",
            ])
        let l1 = section.levels[0].measures
        #expect(l1.map(\.value) == [reaction.mean, reaction.shareFavourable])
        #expect(l1[0].label == "mean rating (1–5)")
        #expect(l1[0].detail == "n = 4, 1 without a rating left out")
        let l2 = section.levels[1].measures
        #expect(l2.map(\.value) == [learning.meanPre, learning.meanPost, learning.meanChange, learning.cohenDz])
        #expect(l2[2].detail?.contains("paired t(2)") == true)
        #expect(l2[2].detail?.contains("1 incomplete left out") == true)
        let l3 = section.levels[2].measures
        #expect(l3.map(\.value) == [application.shareApplying])
        #expect(l3[0].detail == "2 of 3 respondents; 1 non-respondents left out")
        let l4 = section.levels[3].measures
        #expect(l4[0].value == 1_480 && l4[0].interval == Self.row.interval)
        let l5 = section.levels[4].measures
        #expect(l5.map(\.value) == [300, 4, 0.998])
        #expect(l5[0].interval?.lower == 175 && l5[0].interval?.upper == 425 && l5[0].interval?.level == 0.95)
        #expect(section.intangibles == ["Team morale: pulse survey +0.4"])
    }

    @Test("levels not collected are present with measured false and no source")
    func missingLevels() throws {
        let chain = ChainOfImpact(learning: try LearningSummary(pre: [1, 2, 3], post: [2, 4, 5]))
        let section = StudyReportSections.chainOfImpactSection(chain: chain, impact: nil, roi: Self.roi)
        #expect(section.levels.count == 5)
        #expect(section.levels.map(\.measured) == [false, true, false, false, true])
        #expect(section.levels[0].measures.isEmpty && section.levels[0].source == nil)
        #expect(section.levels[1].source == nil)
        #expect(
            section.levels.map(\.name) == [
                "Reaction and planned action", "Learning", "Application and implementation", "Business impact", "Return on investment",
            ])
        let none = StudyReportSections.chainOfImpactSection(chain: nil, impact: nil, roi: nil)
        #expect(none.levels.allSatisfy { !$0.measured })
        #expect(none.intangibles.isEmpty)
    }
}
