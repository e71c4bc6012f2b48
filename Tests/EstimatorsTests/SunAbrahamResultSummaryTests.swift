import DataFrameModule
import Inference
import Testing

@testable import Estimators

@Suite("SunAbrahamResult summary")
struct SunAbrahamResultSummaryTests {
    @Test("the summary states the design and prints every event time, the ATT, the test and the cells")
    func summaryContents() throws {
        let data = try sunAbrahamFrame(StaggeredPanelSimulation(units: 200, clusters: 20), seed: 12)
        let result = try SunAbraham.estimate(
            SunAbrahamSpecification(outcome: "y", unit: "unit", time: "time", cohort: "cohort", window: -3...2),
            data: data)
        let text = result.summary()
        #expect(text.contains("Sun & Abraham 2021, interaction-weighted"))
        #expect(text.contains("control: \(result.control)"))
        #expect(text.contains("Clusters:     G = \(result.clusterCount) (unit)"))
        #expect(text.contains("binned into the endpoints per cohort"))
        #expect(text.contains("0 (reference)"))
        for e in result.eventTimes where !e.isReference {
            #expect(text.contains(StatisticsText.number(e.estimate)))
        }
        let att = try #require(result.att)
        #expect(text.contains("ATT") && text.contains(StatisticsText.number(att.estimate)))
        let test = try #require(result.preTrendTest)
        #expect(text.contains("Pre-trend test (leads -3, -2 = 0)"))
        #expect(text.contains(StatisticsText.number(test.fStatistic, significant: 5)))
        for effect in result.cohortEffects {
            #expect(text.contains(StatisticsText.number(effect.standardError)))
        }
    }
}
