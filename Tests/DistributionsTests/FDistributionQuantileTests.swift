import Foundation
import Testing

@testable import Distributions

@Suite("FDistribution quantiles")
struct FDistributionQuantileTests {
    @Test("quantiles for fractional degrees of freedom below 1 (no normal approximation)")
    func smallDegreesOfFreedom() {
        let f = FDistribution(numeratorDegreesOfFreedom: 0.5, denominatorDegreesOfFreedom: 0.8)
        for p in [1e-30, 0.2, 0.5, 0.7] {
            let x = f.quantile(p)
            expectClose(f.cdf(x), p, 1e-13, "p = \(p)")
        }
        for q in [1e-100, 1e-20, 0.3] {  // S(f) ~ f^{−0.4}: 1e−100 ↔ f ≈ 1e250
            let x = f.inverseSurvival(q)
            expectClose(f.survival(x), q, 1e-13, "q = \(q)")
        }
    }

    @Test("quantiles beyond the double range are 0 and ∞")
    func unrepresentable() {
        let f = FDistribution(numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: 1)
        // S(f) ~ (2/π) f^{−1/2}: S⁻¹(1e−300) ≈ 4e599.
        #expect(f.inverseSurvival(1e-300) == .infinity)
        #expect(f.quantile(1e-300) == 0)
    }

    @Test("critical values used by Wald tests")
    func criticalValues() {
        // Values from scipy 1.17 `stats.f.isf` (agrees with mpmath to 1e-15 here).
        let table: [(Double, Double, Double, Double)] = [
            (0.05, 3, 20, 3.098_391_212_140_781), (0.01, 5, 60, 3.338_884_422_449_531_5),
        ]
        for (q, n1, n2, value) in table {
            let f = FDistribution(numeratorDegreesOfFreedom: n1, denominatorDegreesOfFreedom: n2)
            expectClose(f.inverseSurvival(q), value, 1e-12, "F(\(1 - q); \(n1), \(n2))")
        }
    }
}
