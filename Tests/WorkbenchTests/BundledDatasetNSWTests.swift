import DataFrameModule
import Estimators
import Foundation
import Testing

/// The NSW experimental sample of Dehejia & Wahba (1999) (`datasets/nsw-dehejia-wahba/`), with
/// `age2` = age² added for their adjusted specification (the formula language has no `I()`).
private let nsw: DataFrame = {
    let frame = bundledFrame("datasets/nsw-dehejia-wahba/nsw_dehejia_wahba.csv")
    let age = frame["age"]?.numericValues() ?? []
    let squared = Column(name: "age2", values: .double(age.map { $0 * $0 }, missing: age.map { _ in false }))
    do { return try frame.adding(squared) } catch { fatalError("Cannot add age2: \(error)") }
}()

/// Dehejia & Wahba's covariates (1999, Table 3 adjusted column): age, age², schooling, no degree,
/// Black, Hispanic, earnings in 1974 and 1975.
private let dehejiaWahbaCovariates = ["age", "age2", "educ", "nodegree", "black", "hisp", "re74", "re75"]

/// The workbench reproduces the published experimental benchmark on the real NSW data: Dehejia &
/// Wahba (1999, Table 3, row "NSW"): unadjusted 1,794 (SE 633), adjusted 1,672 (SE 638), USD of 1978
/// earnings. The published figures are rounded to the dollar, so the tolerance is 0.5 USD.
@Suite("Bundled datasets: NSW (LaLonde 1986; Dehejia & Wahba 1999)")
struct BundledDatasetNSWTests {
    @Test("the sample is Dehejia & Wahba's: 185 treated and 260 controls")
    func sample() throws {
        let treat = try #require(nsw["treat"]?.numericValues())
        #expect(treat.filter { $0 == 1 }.count == 185)
        #expect(treat.filter { $0 == 0 }.count == 260)
    }

    @Test("the difference in means reproduces the published 1,794 (SE 633)")
    func differenceInMeans() throws {
        let fit = try LinearRegression.fit("re78 ~ treat", data: nsw, covariance: .classical)
        let row = try #require(fit.coefficientTable()["treat"])
        #expect(abs(row.estimate - 1_794) < 0.5)
        // The published SE is the pooled-variance (classical OLS) one.
        #expect(abs(row.standardError - 633) < 0.5)
        let comparison = try ControlGroupComparison(
            data: nsw, outcome: "re78", treatment: "treat", covariates: dehejiaWahbaCovariates)
        let welch = comparison.differenceInMeans()
        #expect(abs(welch.difference - row.estimate) < 1e-6)
        // Welch's unequal-variance SE (R `t.test`; numpy): 670.9965.
        #expect(abs(welch.standardError - 670.9965463815241) < 1e-3)
    }

    @Test("the regression-adjusted estimate reproduces the published 1,672 (SE 638)")
    func adjustedRegression() throws {
        let formula = "re78 ~ treat + " + dehejiaWahbaCovariates.joined(separator: " + ")
        let fit = try LinearRegression.fit(formula, data: nsw, covariance: .classical)
        let row = try #require(fit.coefficientTable()["treat"])
        #expect(abs(row.estimate - 1_672) < 0.5)
        #expect(abs(row.standardError - 638) < 0.5)
    }

    @Test("regression adjustment (separate arm regressions) stays within one SE of the experimental benchmark")
    func regressionAdjustment() throws {
        let comparison = try ControlGroupComparison(
            data: nsw, outcome: "re78", treatment: "treat", covariates: dehejiaWahbaCovariates)
        let att = try comparison.regressionAdjustment(.averageTreatmentEffectOnTreated)
        // statsmodels 0.15 TreatmentEffect(...).ra(effect_group=1): 1,772.7229 (SE 669.1383).
        #expect(abs(att.effect - 1_772.7229453648079) < 1e-4)
        #expect(abs(att.standardError - 669.1383283409222) < 1e-3)
        #expect(abs(att.effect - 1_794.34) < att.standardError)
        let ate = try comparison.regressionAdjustment(.averageTreatmentEffect)
        #expect(abs(ate.effect - 1_611.9137645290712) < 1e-4)
    }
}
