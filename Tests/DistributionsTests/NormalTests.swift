import Foundation
import Testing

@testable import Distributions

@Suite("Normal")
struct NormalTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("normal")) { testCase in
            let normal = Normal(mean: testCase["mean"], standardDeviation: testCase["sd"])
            return ReferenceFixture.evaluate(
                testCase, on: normal, density: normal.density, twoSided: normal.twoSidedPValue)
        }
    }

    @Test("survival(x) = cdf(2μ − x) exactly, both sides of the erfc/Mills-ratio switch")
    func symmetry() {
        let standard = Normal()
        for z in [0.0, 0.3, 3.0.nextDown, 3, 3.0.nextUp, 7, 20, 37.5] {
            #expect(standard.survival(z) == standard.cdf(-z))
        }
        let shifted = Normal(mean: 1.5, standardDeviation: 2)
        for z in [0.25, 2.75, 3, 3.25, 20.5] {  // dyadic, so 1.5 ± 2z is exact
            #expect(shifted.survival(1.5 + 2 * z) == shifted.cdf(1.5 - 2 * z))
        }
    }

    @Test("the erfc and Mills-ratio branches agree at the switch z = 3")
    func branchesAgree() {
        let viaErfc = 0.5 * erfc(3 / 2.0.squareRoot())
        expectClose(Normal.standardSurvival(3), viaErfc, 2e-15)
        expectClose(Normal.standardSurvival(3.0.nextDown), viaErfc, 2e-15)
    }

    @Test("tails reach the underflow threshold without losing relative precision")
    func farTail() {
        // S(38) = 2.885428351e-316 (subnormal); S(38.5) underflows to 0 only when the value does.
        let s38 = Normal.standardSurvival(38)
        #expect(abs(s38 - 2.885_428_351_e-316) <= 1e-320)
        #expect(Normal.standardSurvival(39) == 0)
        #expect(Normal.standardSurvival(-39) == 1)
    }

    @Test("support ends and the median")
    func ends() {
        let normal = Normal(mean: -2, standardDeviation: 3)
        #expect(normal.quantile(0) == -.infinity)
        #expect(normal.quantile(1) == .infinity)
        #expect(normal.inverseSurvival(0) == .infinity)
        #expect(normal.inverseSurvival(1) == -.infinity)
        #expect(normal.quantile(0.5) == -2)
        #expect(normal.cdf(.infinity) == 1)
        #expect(normal.survival(.infinity) == 0)
        #expect(normal.cdf(-.infinity) == 0)
        #expect(normal.density(.infinity) == 0)
    }

    @Test("quantile of a subnormal probability stays finite and consistent")
    func subnormalProbability() {
        let z = Normal().quantile(1e-310)
        #expect(z < -37.5 && z > -38)
        expectClose(Normal().cdf(z), 1e-310, 1e-6)  // subnormal p carries only ~17 bits here
    }

    @Test("two-sided p-value is 2 S(|z|) and 1 at the centre")
    func twoSided() {
        let normal = Normal()
        #expect(normal.twoSidedPValue(0) == 1)
        #expect(normal.twoSidedPValue(-1.96) == normal.twoSidedPValue(1.96))
        expectClose(normal.twoSidedPValue(1.959_963_984_540_054), 0.05, 1e-15)
        #expect(normal.twoSidedPValue(.nan).isNaN)
    }

    @Test("invalid parameters trap")
    func invalidParametersTrap() async {
        await #expect(processExitsWith: .failure) { _ = Normal(standardDeviation: 0) }
        await #expect(processExitsWith: .failure) { _ = Normal(standardDeviation: -1) }
        await #expect(processExitsWith: .failure) { _ = Normal(mean: .nan) }
        await #expect(processExitsWith: .failure) { _ = Normal(standardDeviation: .infinity) }
    }
}
