import DataFrameModule
import Foundation
import Reporting
import Testing

@testable import Workbench

@Suite("Report section builder: trends")
struct StudyReportSectionsTrendsTests {
    /// Two treated units (cohort 3) and two never treated (cohort empty), 3 periods; one missing outcome.
    static let csv = """
        unit,time,trained,cohort,y
        1,1,1,3,10
        1,2,1,3,12
        1,3,1,3,20
        2,1,1,3,14
        2,2,1,3,
        2,3,1,3,24
        3,1,0,,5
        3,2,0,,6
        3,3,0,,7
        4,1,0,,9
        4,2,0,,8
        4,3,,,100
        """

    static func frame() throws -> DataFrame { try DataFrame.readCSV(text: csv) }

    @Test("treated-group column: means by period, missing outcomes skipped and counted")
    func treatedGroup() throws {
        let trends = try StudyReportSections.trendSection(
            frame: Self.frame(), outcome: "y", time: "time", grouping: .treatedGroup(column: "trained"), treatmentStarts: [3])
        let s = trends.section
        #expect(s.time == "time")
        #expect(s.treatmentStarts == [3])
        #expect(s.series.map(\.name) == ["Trained", "Comparison"])
        #expect(s.series[0].times == [1, 2, 3])
        #expect(s.series[0].means == [12, 12, 22])
        #expect(s.series[1].means == [7, 7, 7])
        #expect(trends.missingOutcome == 1)
        // The row with a missing group is neither treated nor comparison.
        #expect(trends.missingTimeOrGroup == 1)
    }

    @Test("cohort column: ever vs never trained, or one series per cohort; starts default to the cohorts")
    func cohorts() throws {
        let ever = try StudyReportSections.trendSection(
            frame: Self.frame(), outcome: "y", time: "time", grouping: .cohort(column: "cohort"))
        #expect(ever.section.series.map(\.name) == ["Ever trained", "Never trained"])
        #expect(ever.section.treatmentStarts == [3])
        // A missing cohort means never treated (did's convention), so unit 4's last row counts.
        #expect(ever.section.series[1].means == [7, 7, 53.5])
        #expect(ever.missingTimeOrGroup == 0)
        let each = try StudyReportSections.trendSection(
            frame: Self.frame(), outcome: "y", time: "time", grouping: .cohort(column: "cohort", perCohort: true))
        #expect(each.section.series.map(\.name) == ["Cohort 3", "Never trained"])
    }

    @Test("unknown and text columns are data errors")
    func errors() throws {
        #expect(throws: DataError.self) {
            try StudyReportSections.trendSection(
                frame: Self.frame(), outcome: "sales", time: "time", grouping: .treatedGroup(column: "trained"))
        }
        let text = try DataFrame.readCSV(text: "t,g,y\n1,a,2\n")
        #expect(throws: DataError.wrongColumnType(column: "g", found: .categorical, expected: "numeric (or a date)")) {
            try StudyReportSections.trendSection(frame: text, outcome: "y", time: "t", grouping: .treatedGroup(column: "g"))
        }
    }
}
