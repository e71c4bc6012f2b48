import Foundation
import Testing

@testable import Inference

@Suite("Truncated normal quantile")
struct HonestDiDTruncatedNormalTests {
    @Test func untruncatedIsTheNormalQuantile() {
        #expect(abs(HonestDiDTruncatedNormal.quantile(0.975, lower: -.infinity, upper: .infinity) - 1.959963984540054) < 1e-12)
    }

    @Test func halfNormal() {
        // On [0, ∞): F(q) = 2Φ(q) − 1, so q_p = Φ⁻¹((1 + p)/2); p = 0.95 → Φ⁻¹(0.975).
        #expect(abs(HonestDiDTruncatedNormal.quantile(0.95, lower: 0, upper: .infinity) - 1.959963984540054) < 1e-12)
        // On (−∞, 0]: q_p = Φ⁻¹(p/2); p = 0.05 → −Φ⁻¹(0.975).
        #expect(abs(HonestDiDTruncatedNormal.quantile(0.05, lower: -.infinity, upper: 0) + 1.959963984540054) < 1e-12)
    }

    /// scipy 1.17.1 `truncnorm.ppf(p, a, b)` values.
    @Test func matchesScipy() {
        let cases: [(Double, Double, Double, Double)] = [
            (0.95, -1, 2, 1.524596682775978),
            (0.95, 3, 6, 3.817169056058019),
            (0.5, -7, -5, -5.132017491916842),
            (0.9545, 1.2, 1.9, 1.8432586682691638),
        ]
        for (p, a, b, expected) in cases {
            let q = HonestDiDTruncatedNormal.quantile(p, lower: a, upper: b)
            #expect(abs(q - expected) < 1e-9 * max(1, abs(expected)), "p \(p) on [\(a), \(b)]: \(q) vs \(expected)")
        }
    }

    @Test func farTailUsesTheExponentialApproximation() {
        // Beyond ~38 standard deviations the tail areas underflow; the excess over l is ≈ Exp(l).
        let q = HonestDiDTruncatedNormal.quantile(0.95, lower: 40, upper: .infinity)
        #expect(abs(q - (40 - log(0.05) / 40)) < 1e-3)
        #expect(HonestDiDTruncatedNormal.quantile(0.5, lower: 2, upper: 2) == 2)
    }
}
