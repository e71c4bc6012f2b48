import DataFrameModule
import Estimators
import Foundation
import Testing

/// The NSW treated men with the CPS-1 comparison group (`datasets/nsw-cps-comparison/`), with
/// `age2` = age² added for Dehejia & Wahba's specification.
private let nswCPS: DataFrame = {
    let frame = bundledFrame("datasets/nsw-cps-comparison/nsw_cps_comparison.csv")
    let age = frame["age"]?.numericValues() ?? []
    let squared = Column(name: "age2", values: .double(age.map { $0 * $0 }, missing: age.map { _ in false }))
    do { return try frame.adding(squared) } catch { fatalError("Cannot add age2: \(error)") }
}()

private let covariates = ["age", "age2", "educ", "nodegree", "black", "hisp", "re74", "re75"]

/// The experimental benchmark the observational estimates are judged against (Dehejia & Wahba 1999).
private let experimentalBenchmark = 1_794.34

/// LaLonde's lesson on the real data: against the CPS-1 comparison group the raw difference is far
/// from the experimental benchmark, and covariate adjustment moves it most of the way. Reference
/// values: the published unadjusted CPS-1 estimate (Dehejia & Wahba 1999, Table 3: −8,498, SE 712)
/// statsmodels 0.15 OLS and `TreatmentEffect(...).ra(effect_group=1)`, and the normalized IPW formula
/// evaluated by hand (README).
@Suite("Bundled datasets: NSW treated vs CPS-1 comparison group")
struct BundledDatasetNSWComparisonTests {
    @Test("185 NSW participants and 15,992 CPS-1 men")
    func sample() throws {
        let treat = try #require(nswCPS["treat"]?.numericValues())
        #expect(treat.filter { $0 == 1 }.count == 185)
        #expect(treat.filter { $0 == 0 }.count == 15_992)
    }

    @Test("the raw difference reproduces the published −8,498 (SE 712)")
    func rawDifference() throws {
        let fit = try LinearRegression.fit("re78 ~ treat", data: nswCPS, covariance: .classical)
        let row = try #require(fit.coefficientTable()["treat"])
        #expect(abs(row.estimate - -8_498) < 0.5)
        #expect(abs(row.standardError - 712) < 0.5)
    }

    @Test("covariate adjustment matches statsmodels and lands within 2 SE of the experimental benchmark")
    func adjusted() throws {
        let ols = try LinearRegression.fit(
            "re78 ~ treat + " + covariates.joined(separator: " + "), data: nswCPS, covariance: .classical)
        let olsRow = try #require(ols.coefficientTable()["treat"])
        // statsmodels 0.15 OLS: 738.834238654662 (SE 547.0533734188704).
        #expect(abs(olsRow.estimate - 738.834238654662) < 1e-4)
        #expect(abs(olsRow.standardError - 547.0533734188704) < 1e-4)
        #expect(abs(olsRow.estimate - experimentalBenchmark) < 2 * olsRow.standardError)

        let comparison = try ControlGroupComparison(
            data: nswCPS, outcome: "re78", treatment: "treat", covariates: covariates)
        let ra = try comparison.regressionAdjustment(.averageTreatmentEffectOnTreated)
        #expect(abs(ra.effect - 736.4741098576325) < 1e-3)
        #expect(abs(ra.standardError - 623.3182610762071) < 1e-3)
        #expect(abs(ra.effect - experimentalBenchmark) < 2 * ra.standardError)
        // Normalized IPW for the ATT: mean(y | D = 1) − Σ_controls w y / Σ_controls w, w = p̂/(1 − p̂),
        // computed by hand with numpy from a statsmodels GLM logit (tol 1e-14): 1,441.838314201139.
        let ipw = try comparison.inverseProbabilityWeighting(.averageTreatmentEffectOnTreated)
        #expect(abs(ipw.effect - 1_441.838314201139) < 1e-3)
        #expect(abs(ipw.effect - experimentalBenchmark) < 2 * ipw.standardError)
    }
}
