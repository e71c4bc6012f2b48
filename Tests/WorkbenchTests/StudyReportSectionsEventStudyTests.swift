import Distributions
import Estimators
import Reporting
import Testing

@testable import Workbench

@Suite("Report section builder: event time")
struct StudyReportSectionsEventStudyTests {
    static let sample = StaggeredPanelSimulation(units: 300, periods: 8, clusters: 30).sample(seed: 7)

    @Test("TWFE event study: one point per event time with the result's interval; F pre-trend test")
    func twfe() throws {
        let spec = EventStudySpecification(
            outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team", leads: 3, lags: 3, level: 0.9)
        let result = try EventStudy.estimate(spec, data: Self.sample.frame())
        let section = StudyReportSections.eventStudySection(result)
        #expect(section.referencePeriod == -1)
        #expect(section.level == 0.9)
        #expect(section.points.map(\.eventTime) == result.eventTimes.map(\.eventTime))
        for (point, e) in zip(section.points, result.eventTimes) {
            #expect(point.estimate == e.estimate)
            if e.isReference {
                #expect(point.lower == 0 && point.upper == 0)
            } else {
                #expect(point.lower == e.lower && point.upper == e.upper)
            }
            #expect(point.uniformLower == nil)
        }
        let test = try #require(result.preTrendTest)
        let pre = try #require(section.preTrend)
        #expect(pre.value == test.fStatistic && pre.pValue == test.fPValue && pre.degreesOfFreedom == test.rank)
        #expect(pre.statistic == "F(\(test.rank), 29)")
        #expect(section.estimator.contains("two-way fixed effects"))
    }

    @Test("Callaway–Sant'Anna with bootstrap bands: pointwise and uniform bands from the band rows")
    func csBands() throws {
        let result = try CallawaySantAnna.estimate(Self.sample.panel(clusteredByTeam: true))
        let bands = result.bootstrapBands(.dynamic, options: CallawaySantAnnaBootstrapOptions(seed: 5, replicates: 199))
        let section = StudyReportSections.eventStudySection(result, bands: bands)
        #expect(section.level == bands.level)
        #expect(section.referencePeriod == nil)
        #expect(section.points.count == bands.rows.count)
        for (point, row) in zip(section.points, bands.rows) {
            #expect(Double(point.eventTime) == row.label)
            #expect(point.estimate == row.estimate)
            #expect(point.lower == row.pointwise?.lowerBound && point.upper == row.pointwise?.upperBound)
            #expect(point.uniformLower == row.simultaneous?.lowerBound && point.uniformUpper == row.simultaneous?.upperBound)
            // A uniform band is never narrower than the pointwise interval.
            #expect(try #require(point.uniformLower) <= point.lower)
        }
        #expect(section.preTrend == nil)
        #expect(section.estimator.contains("B = 199, seed 5"))
    }

    @Test("Callaway–Sant'Anna without bands: analytic ± z·se of the dynamic aggregation; universal base is the reference")
    func csAnalytic() throws {
        let spec = CallawaySantAnnaSpecification(basePeriod: .universal)
        let result = try CallawaySantAnna.estimate(Self.sample.panel(), specification: spec)
        let section = StudyReportSections.eventStudySection(result, bands: nil, level: 0.9)
        let aggregate = result.aggregate(.dynamic)
        let z = Normal().quantile(0.95)
        #expect(section.referencePeriod == -1)
        #expect(section.level == 0.9)
        #expect(section.points.map { Double($0.eventTime) } == aggregate.elements.map(\.label))
        for (point, element) in zip(section.points, aggregate.elements) {
            let se = element.standardError ?? 0
            #expect(point.estimate == element.estimate)
            #expect(abs(point.lower - (element.estimate - z * se)) < 1e-12)
            #expect(abs(point.upper - (element.estimate + z * se)) < 1e-12)
            #expect(point.uniformLower == nil)
        }
    }
}
