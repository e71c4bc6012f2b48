import Testing

@testable import Estimators

@Suite("Welch t test")
struct ControlGroupWelchTestTests {
    /// scipy 1.x `ttest_ind([1, 2, 3, 4], [2, 4, 6, 8, 10], equal_var=False)`:
    /// statistic −2.2514363231593695, p 0.06913359319239237, df 5.520787746170677.
    @Test func smallExampleMatchesScipy() {
        let test = ControlGroupWelchTest(treated: [1, 2, 3, 4], control: [2, 4, 6, 8, 10])
        #expect(test.difference == -3.5)
        #expect(abs(test.statistic - -2.2514363231593695) < 1e-13)
        #expect(abs(test.degreesOfFreedom - 5.520787746170677) < 1e-12)
        #expect(abs(test.pValue - 0.06913359319239237) < 1e-10)
        let interval = test.confidenceInterval(level: 0.95)
        #expect(interval.lower < -3.5 && interval.upper > 0)  // p > 0.05: the 95 % interval covers 0
    }

    @Test func equalVariancesAndSizesGiveTheClassicalDegreesOfFreedom() {
        // With s₁ = s₀ and n₁ = n₀ = m, Welch's ν equals the pooled 2m − 2.
        let test = ControlGroupWelchTest(treated: [1, 2, 3], control: [11, 12, 13])
        #expect(abs(test.degreesOfFreedom - 4) < 1e-12)
        #expect(abs(test.standardError - (2.0 / 3).squareRoot()) < 1e-14)
    }
}
