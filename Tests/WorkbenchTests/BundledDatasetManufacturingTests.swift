import DataFrameModule
import Estimators
import Foundation
import Testing

/// The manufacturing-quality panel (`datasets/manufacturing-quality/`), read once.
private let manufacturing = bundledFrame("datasets/manufacturing-quality/manufacturing_quality.csv")

/// True effect at event time e (README): a ramp to −4 defects per 1,000 units over four weeks.
private func trueEffect(eventTime e: Int) -> Double { e < 0 ? 0 : -4 * min(1, Double(e + 1) / 4) }

/// True mean effect over the 26 post-training weeks: (−1 − 2 − 3 − 4·23) / 26 (README).
private let trueMeanPostEffect = -98.0 / 26.0

/// An event study and difference-in-differences recover the known truth of the synthetic
/// manufacturing panel; an estimate passes when it lies within 3 standard errors (CR1 by line,
/// G = 24) of the truth.
@Suite("Bundled datasets: manufacturing quality")
struct BundledDatasetManufacturingTests {
    @Test("the design is as documented: 24 lines, 12 trained in week 27, 52 weeks")
    func design() throws {
        let trainedLine = try #require(manufacturing["trained_line"]?.numericValues())
        let week = try #require(manufacturing["week"]?.numericValues())
        #expect(trainedLine.filter { $0 == 1 }.count == 12 * 52)
        #expect(Set(week) == Set((1...52).map(Double.init)))
        let cohort = try #require(manufacturing["training_week"]?.numericValues())
        #expect(Set(cohort.filter { !$0.isNaN }) == [27])
    }

    @Test("the event study's coefficients follow the true ramp and the leads are zero")
    func eventStudy() throws {
        let result = try EventStudy.estimate(
            EventStudySpecification(
                outcome: "defects_per_1000", unit: "line_id", time: "week", cohort: "training_week", cluster: "line_id",
                leads: 4, lags: 4),
            data: manufacturing)
        #expect(result.treatedUnits == 12)
        #expect(result.neverTreatedUnits == 12)
        for point in result.eventTimes where !point.isReference {
            let se = try #require(point.standardError)
            // The binned endpoints average the effects beyond the window: 0 before −4, −4 after +4.
            #expect(abs(point.estimate - trueEffect(eventTime: point.eventTime)) < 3 * se, "e = \(point.eventTime)")
        }
        let pretest = try #require(result.preTrendTest)
        #expect(pretest.fPValue > 0.05)
    }

    @Test("cost of an error → money: the README's defects avoided and value follow from the data")
    func defectsAvoidedToMoney() throws {
        let week = try #require(manufacturing["week"]?.numericValues())
        let trained = try #require(manufacturing["trained"]?.numericValues())
        let units = try #require(manufacturing["units_produced"]?.numericValues())
        // 40 minutes of rework at 54 USD/h plus 23.50 USD of material.
        let costPerDefect = 40.0 / 60.0 * 54 + 23.50
        var trainedUnits = 0.0
        var avoided = 0.0
        for i in week.indices where trained[i] == 1 {
            trainedUnits += units[i]
            avoided -= trueEffect(eventTime: Int(week[i]) - 27) * units[i] / 1_000
        }
        #expect(costPerDefect == 59.5)
        #expect(trainedUnits == 3_023_130)
        #expect(abs(avoided - 11_397.2) < 0.05)
        #expect(abs(avoided * costPerDefect - 678_131.67) < 0.01)
    }

    @Test("difference-in-differences recovers the true mean post-training effect of −3.77 per 1,000")
    func differenceInDifferences() throws {
        let fit = try LinearRegression.fit(
            "defects_per_1000 ~ trained_line + post + trained", data: manufacturing,
            covariance: .clustered(by: ["line_id"]))
        let row = try #require(fit.coefficientTable()["trained"])
        #expect(abs(row.estimate - trueMeanPostEffect) < 3 * row.standardError)
        let twfe = try LinearRegression.fit(
            "defects_per_1000 ~ trained | line_id + week", data: manufacturing, covariance: .clustered(by: ["line_id"]))
        let twfeRow = try #require(twfe.coefficientTable()["trained"])
        #expect(abs(twfeRow.estimate - trueMeanPostEffect) < 3 * twfeRow.standardError)
    }
}
