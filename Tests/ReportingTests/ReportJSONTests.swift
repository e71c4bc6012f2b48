import Foundation
import Testing

@testable import Reporting

@Suite("Report JSON")
struct ReportJSONTests {
    @Test("a study report round-trips exactly, infinity included")
    func roundTrip() throws {
        let report = sampleStudyReport()
        let text = try ReportJSON.text(report)
        let back = try ReportJSON.decode(StudyReport.self, from: text)
        #expect(back == report)
        #expect(back.roi.paybackMonths.upper == .infinity)
        #expect(try ReportJSON.text(back) == text)
    }

    @Test("keys are sorted, the format is named and the text is stable")
    func stable() throws {
        let text = try ReportJSON.text(sampleStudyReport())
        #expect(text.contains("\"format\" : \"impact-study-report/1\""))
        #expect(text.contains("\"upper\" : \"Infinity\""))
        #expect(text.contains("\"dataFile\" : \"../../datasets/sales-training/sales_training.csv\""))
        let top = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(top["title"] as? String == "Sales | training")
        // Top-level keys appear in sorted order in the text.
        let keys = top.keys.sorted()
        let positions = keys.compactMap { text.range(of: "\n  \"\($0)\" :")?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(try ReportJSON.text(sampleStudyReport()) == text)
    }

    @Test("doubles keep every bit")
    func fullPrecision() throws {
        let report = sampleStudyReport()
        let back = try ReportJSON.decode(StudyReport.self, from: try ReportJSON.text(report))
        #expect(back.effect.estimate.bitPattern == report.effect.estimate.bitPattern)
        #expect(back.conversion.valuePerUnit.bitPattern == (0.3).bitPattern)
    }
}

@Suite("Report JSON: attribution sections")
struct ReportJSONAttributionTests {
    @Test("a study report with every section round-trips exactly")
    func roundTrip() throws {
        let report = fullStudyReport()
        let text = try ReportJSON.text(report)
        let back = try ReportJSON.decode(StudyReport.self, from: text)
        #expect(back == report)
        #expect(back.isolation?.headline.method == "Callaway–Sant'Anna")
        #expect(back.diagnostics.map(\.status) == [.pass, .warning, .fail, .notRun])
        #expect(text.contains("\"status\" : \"not run\""))
        #expect(try ReportJSON.text(back) == text)
    }
}
