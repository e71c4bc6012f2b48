import Foundation
import Testing

@testable import Distributions

@Suite("StudentT")
struct StudentTTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("t")) { testCase in
            let t = StudentT(degreesOfFreedom: testCase["df"])
            return ReferenceFixture.evaluate(testCase, on: t, density: t.density, twoSided: t.twoSidedPValue)
        }
    }

    @Test("ν = ∞ and ν > 1e25 are the standard normal")
    func normalLimit() {
        let normal = Normal()
        for df in [Double.infinity, 1e30] {
            let t = StudentT(degreesOfFreedom: df)
            for x in [-38.0, -5, -1e-3, 0, 0.7, 12, 37] {
                #expect(t.cdf(x) == normal.cdf(x))
                #expect(t.survival(x) == normal.survival(x))
                #expect(t.density(x) == normal.density(x))
            }
            for p in [1e-300, 0.01, 0.3, 0.5, 0.8, 1 - 1e-16] {
                #expect(t.quantile(p) == normal.quantile(p))
                #expect(t.inverseSurvival(p) == normal.inverseSurvival(p))
            }
        }
        // Just below the switch the incomplete-beta path agrees with the normal to ~1e-15.
        let large = StudentT(degreesOfFreedom: 1e24)
        for x in [0.5, 3.0, 10, 30] {
            expectClose(large.survival(x), Normal().survival(x), 1e-14, "x = \(x)")
        }
    }

    @Test("closed forms: Cauchy (ν = 1) and ν = 2")
    func closedForms() {
        let cauchy = StudentT(degreesOfFreedom: 1)
        let two = StudentT(degreesOfFreedom: 2)
        for x in [0.001, 0.3, 1, 4, 50, 1e6] {
            // Cauchy: S(x) = atan(1/x)/π, accurate for all x > 0.
            expectClose(cauchy.survival(x), atan(1 / x) / Double.pi, 1e-15, "Cauchy S(\(x))")
            // ν = 2: S(x) = ½(1 − x/√(2 + x²)) = 1 / (√(2 + x²)(√(2 + x²) + x)).
            let root = (2 + x * x).squareRoot()
            expectClose(two.survival(x), 1 / (root * (root + x)), 1e-14, "ν = 2 S(\(x))")
        }
    }

    @Test("the far-tail logarithmic branch joins the incomplete-beta branch smoothly")
    func farTailBranch() {
        for df in [0.7, 1, 2.5] {  // S(1e100) is representable for ν < 3
            let t = StudentT(degreesOfFreedom: df)
            // ν/t² = 1e−200 is the switch; S ∝ t^{−ν} on both sides.
            let switchPoint = (df / 1e-200).squareRoot()
            let inside = t.survival(switchPoint * 0.999)
            let outside = t.survival(switchPoint * 1.001)
            expectClose(outside / inside, pow(0.999 / 1.001, df), 1e-13, "ν = \(df)")
        }
        #expect(StudentT(degreesOfFreedom: 1).survival(.greatestFiniteMagnitude) > 0)
    }

    @Test("support ends, median and NaN")
    func ends() {
        let t = StudentT(degreesOfFreedom: 4.5)
        #expect(t.quantile(0) == -.infinity)
        #expect(t.quantile(1) == .infinity)
        #expect(t.quantile(0.5) == 0)
        #expect(t.inverseSurvival(0) == .infinity)
        #expect(t.inverseSurvival(1) == -.infinity)
        #expect(t.inverseSurvival(0.5) == 0)
        #expect(t.cdf(0) == 0.5 && t.survival(0) == 0.5)
        #expect(t.cdf(.infinity) == 1 && t.cdf(-.infinity) == 0)
        #expect(t.density(.nan).isNaN)
        #expect(t.twoSidedPValue(.nan).isNaN)
    }

    @Test("quantiles beyond the double range overflow to infinity")
    func overflowingQuantile() {
        // ν = 0.5: S(t) ~ t^{-1/2}, so S⁻¹(1e−300) ≈ 1e600.
        let t = StudentT(degreesOfFreedom: 0.5)
        #expect(t.inverseSurvival(1e-300) == .infinity)
        #expect(t.quantile(1e-300) == -.infinity)
    }

    @Test("two-sided p-value is 2 S(|t|)")
    func twoSided() {
        let t = StudentT(degreesOfFreedom: 12)
        #expect(t.twoSidedPValue(0) == 1)
        #expect(t.twoSidedPValue(-2.5) == 2 * t.survival(2.5))
        expectClose(t.twoSidedPValue(t.inverseSurvival(0.025)), 0.05, 1e-14)
    }

    @Test("invalid degrees of freedom trap")
    func invalidParametersTrap() async {
        await #expect(processExitsWith: .failure) { _ = StudentT(degreesOfFreedom: 0) }
        await #expect(processExitsWith: .failure) { _ = StudentT(degreesOfFreedom: -3) }
        await #expect(processExitsWith: .failure) { _ = StudentT(degreesOfFreedom: .nan) }
    }
}
