import Estimators
import Testing

@testable import Reporting

/// A comparison with a two-way fixed-effects column: the footer reads the within R² and the
/// absorbed effects from the fit itself.
@Suite("Model comparison with absorbed fixed effects")
struct ModelComparisonFixedEffectsTests {
    @Test("within R² and FE rows come from the fits")
    func fixedEffectsColumn() throws {
        let pooled = try LinearRegression.fit(
            "sales ~ trained_team * post", data: salesTrainingFrame, covariance: .clustered(by: ["team_id"]))
        let twoWay = try LinearRegression.fit(
            "sales ~ trained | employee_id + month", data: salesTrainingFrame, covariance: .clustered(by: ["team_id"]))
        let comparison = ModelComparison(fits: [pooled, twoWay], level: 0.95)
        #expect(comparison.models[0].withinRSquared == nil)
        let within = try #require(comparison.models[1].withinRSquared)
        #expect(within == twoWay.withinRSquared)
        #expect(comparison.models[1].fixedEffects == ["employee_id", "month"])
        #expect(comparison.models[0].fixedEffects.isEmpty)
        let text = comparison.text()
        #expect(text.contains("Within R²"))
        #expect(text.contains("FE: employee_id"))
        #expect(comparison["trained"]?.cells[1]?.estimate == twoWay.coefficient("trained"))
    }
}
