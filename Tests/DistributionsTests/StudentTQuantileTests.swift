import Foundation
import Testing

@testable import Distributions

@Suite("StudentT quantiles")
struct StudentTQuantileTests {
    @Test("Hill's approximation is a good start (1e-3 relative for ν ≥ 2.5)", arguments: [2.5, 3.7, 10, 80, 1e4])
    func hillStart(df: Double) {
        let t = StudentT(degreesOfFreedom: df)
        for q in [1e-200, 1e-30, 1e-6, 0.01, 0.1, 0.3, 0.45] {
            expectClose(t.hillApproximation(twoSided: 2 * q), t.inverseSurvival(q), 1e-3, "ν = \(df), q = \(q)")
        }
    }

    @Test("the power-tail start is asymptotically exact")
    func powerTailStart() {
        for df in [0.6, 1.5, 4] {
            let t = StudentT(degreesOfFreedom: df)
            expectClose(t.powerTailApproximation(1e-150), t.inverseSurvival(1e-150), 1e-12, "ν = \(df)")
        }
    }

    @Test("central quantiles keep relative precision (p − ½ ≈ 1e−12)", arguments: [1.0, 2, 3.3, 50, 1e8])
    func centralQuantile(df: Double) {
        // F(x) − ½ ≈ x f(0), so the quantile is (p − ½)/f(0) to first order.
        let t = StudentT(degreesOfFreedom: df)
        let offset = 0x1p-40
        let x = t.quantile(0.5 + offset)
        expectClose(x, offset / t.density(0), 1e-9, "ν = \(df)")
        #expect(t.quantile(0.5 - offset) == -x)
    }
}
