import Foundation
import Testing

@testable import Distributions

@Suite("ChiSquared")
struct ChiSquaredTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("chi2")) { testCase in
            let chi = ChiSquared(degreesOfFreedom: testCase["df"])
            return ReferenceFixture.evaluate(testCase, on: chi, density: chi.density)
        }
    }

    @Test("closed forms: ν = 2 is exponential, ν = 1 is a squared normal")
    func closedForms() {
        let two = ChiSquared(degreesOfFreedom: 2)
        for x in [1e-12, 0.5, 3, 40, 700, 1400] {
            // The exponent −x/2 is formed in double: its rounding, up to x/2 · ε, is the floor here.
            let tolerance = 4e-15 + x / 2 * Double.ulpOfOne
            expectClose(two.survival(x), exp(-x / 2), tolerance, "ν = 2 S(\(x))")
            expectClose(two.cdf(x), -expm1(-x / 2), tolerance, "ν = 2 F(\(x))")
            expectClose(two.density(x), exp(-x / 2) / 2, tolerance, "ν = 2 f(\(x))")
        }
        let one = ChiSquared(degreesOfFreedom: 1)
        for z in [0.25, 1, 2.5, 6, 30] {
            expectClose(one.survival(z * z), 2 * Normal().survival(z), 1e-14, "ν = 1 S(\(z)²)")
        }
    }

    @Test("quantile round trip for huge degrees of freedom (ν = 1e9)")
    func hugeDegreesOfFreedom() {
        let chi = ChiSquared(degreesOfFreedom: 1e9)
        for q in [1e-100, 1e-5, 0.5] {
            expectRoot(chi.inverseSurvival(q), of: chi, target: q, upperTail: true, "inverseSurvival(\(q))")
            expectRoot(chi.quantile(q), of: chi, target: q, upperTail: false, "quantile(\(q))")
        }
    }

    @Test("tiny arguments use the leading term without underflow")
    func tinyArguments() {
        let chi = ChiSquared(degreesOfFreedom: 0.4)
        // F(x) = (x/2)^{0.2} / Γ(1.2) · (1 + O(x)).
        let x = 1e-300
        expectClose(chi.cdf(x), exp(0.2 * log(x / 2) - lgamma(1.2)), 1e-13)  // exponent ≈ −138
        #expect(chi.cdf(.leastNonzeroMagnitude) > 1e-70)
        // Just above the switch the gamma series gives the same value.
        expectClose(chi.cdf(1.0000001e-290), chi.cdf(0.9999999e-290) * pow(1.0000001 / 0.9999999, 0.2), 1e-13)
    }

    @Test("support ends, the origin and quantiles below the double range")
    func ends() {
        let chi = ChiSquared(degreesOfFreedom: 3)
        #expect(chi.cdf(0) == 0 && chi.cdf(-1) == 0)
        #expect(chi.survival(0) == 1 && chi.survival(-1) == 1)
        #expect(chi.cdf(.infinity) == 1 && chi.survival(.infinity) == 0)
        #expect(chi.quantile(0) == 0 && chi.quantile(1) == .infinity)
        #expect(chi.inverseSurvival(0) == .infinity && chi.inverseSurvival(1) == 0)
        #expect(ChiSquared(degreesOfFreedom: 1).density(0) == .infinity)
        #expect(ChiSquared(degreesOfFreedom: 2).density(0) == 0.5)
        #expect(ChiSquared(degreesOfFreedom: 3).density(0) == 0)
        #expect(chi.density(-2) == 0)
        // ν = 0.3: the 1e−300 quantile is about 1e−2000, which rounds to 0.
        #expect(ChiSquared(degreesOfFreedom: 0.3).quantile(1e-300) == 0)
    }

    @Test("invalid degrees of freedom trap")
    func invalidParametersTrap() async {
        await #expect(processExitsWith: .failure) { _ = ChiSquared(degreesOfFreedom: 0) }
        await #expect(processExitsWith: .failure) { _ = ChiSquared(degreesOfFreedom: .infinity) }
        await #expect(processExitsWith: .failure) { _ = ChiSquared(degreesOfFreedom: .nan) }
    }
}
