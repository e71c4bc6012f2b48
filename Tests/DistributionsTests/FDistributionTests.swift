import Foundation
import Testing

@testable import Distributions

@Suite("FDistribution")
struct FDistributionTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("f")) { testCase in
            let f = FDistribution(
                numeratorDegreesOfFreedom: testCase["dfn"], denominatorDegreesOfFreedom: testCase["dfd"])
            return ReferenceFixture.evaluate(testCase, on: f, density: f.density)
        }
    }

    @Test("reciprocal: F(ν₁, ν₂).cdf(f) = F(ν₂, ν₁).survival(1/f)")
    func reciprocal() {
        for (n1, n2) in [(3.0, 8.5), (0.7, 40), (1e5, 12), (2e6, 3e6)] {
            let f = FDistribution(numeratorDegreesOfFreedom: n1, denominatorDegreesOfFreedom: n2)
            let g = FDistribution(numeratorDegreesOfFreedom: n2, denominatorDegreesOfFreedom: n1)
            for p in [1e-100, 0.01, 0.5, 0.9] {
                let x = f.quantile(p)
                // 1/x is rounded, and with large ν the tail is very sensitive to its argument.
                let tolerance = conditionedTolerance(x: x, density: f.density(x), tail: f.cdf(x))
                expectClose(f.cdf(x), g.survival(1 / x), tolerance, "(\(n1), \(n2)) at \(x)")
            }
        }
    }

    @Test("F(1, ν) is the square of Student's t")
    func squaredT() {
        for df in [1.0, 4.5, 300] {
            let f = FDistribution(numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: df)
            let t = StudentT(degreesOfFreedom: df)
            for x in [0.01, 1, 3, 40, 1e4] {
                expectClose(f.survival(x * x), 2 * t.survival(x), 1e-13, "ν = \(df), t = \(x)")
            }
        }
    }

    @Test("ν₂ = ∞ is χ²(ν₁)/ν₁")
    func infiniteDenominator() {
        let f = FDistribution(numeratorDegreesOfFreedom: 4, denominatorDegreesOfFreedom: .infinity)
        let chi = ChiSquared(degreesOfFreedom: 4)
        for x in [0.1, 1, 7.5] {
            #expect(f.cdf(x) == chi.cdf(4 * x))
            #expect(f.survival(x) == chi.survival(4 * x))
            #expect(f.density(x) == 4 * chi.density(4 * x))
        }
        #expect(f.inverseSurvival(0.05) == chi.inverseSurvival(0.05) / 4)
        // and a very large finite ν₂ is close to it
        let large = FDistribution(numeratorDegreesOfFreedom: 4, denominatorDegreesOfFreedom: 1e15)
        expectClose(large.survival(3), f.survival(3), 1e-12)
    }

    @Test("both degrees of freedom 1e7: the median is 1 and tails stay accurate")
    func largeDegreesOfFreedom() {
        let f = FDistribution(numeratorDegreesOfFreedom: 1e7, denominatorDegreesOfFreedom: 1e7)
        expectClose(f.cdf(1), 0.5, 1e-15)
        expectClose(f.quantile(0.5), 1, 1e-15)
        // Symmetry of F(n, n) under f → 1/f (1/f rounded, hence the conditioned tolerance).
        for x in [1.001, 1.003, 1.02] {
            let tolerance = conditionedTolerance(x: x, density: f.density(x), tail: f.survival(x))
            expectClose(f.survival(x), f.cdf(1 / x), tolerance, "f = \(x)")
        }
    }

    @Test("support ends and the density at the origin")
    func ends() {
        let f = FDistribution(numeratorDegreesOfFreedom: 5, denominatorDegreesOfFreedom: 2)
        #expect(f.cdf(0) == 0 && f.survival(0) == 1)
        #expect(f.cdf(-3) == 0 && f.cdf(.infinity) == 1)
        #expect(f.quantile(0) == 0 && f.quantile(1) == .infinity)
        #expect(f.inverseSurvival(0) == .infinity && f.inverseSurvival(1) == 0)
        #expect(FDistribution(numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: 3).density(0) == .infinity)
        #expect(FDistribution(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 3).density(0) == 1)
        #expect(f.density(0) == 0)
        #expect(f.density(.nan).isNaN)
    }

    @Test("invalid degrees of freedom trap")
    func invalidParametersTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = FDistribution(numeratorDegreesOfFreedom: 0, denominatorDegreesOfFreedom: 3)
        }
        await #expect(processExitsWith: .failure) {
            _ = FDistribution(numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: -1)
        }
        await #expect(processExitsWith: .failure) {
            _ = FDistribution(numeratorDegreesOfFreedom: .infinity, denominatorDegreesOfFreedom: 3)
        }
    }
}
