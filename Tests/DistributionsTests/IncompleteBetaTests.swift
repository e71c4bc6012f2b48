import Foundation
import Testing

@testable import Distributions

/// Internal pieces of the incomplete beta ratio, against mpmath (40 digits) and exact rationals.
@Suite("IncompleteBeta internals")
struct IncompleteBetaTests {
    @Test("xᵃyᵇ/B(a, b) in the Stirling (a, b ≥ 8) and direct branches")
    func factor() {
        let values: [(Double, Double, Double, Double)] = [
            (8.5, 8.5, 0.3, 0.184_117_660_082_045_2), (7.5, 7.5, 0.3, 0.205_488_459_912_996_86),
            (50, 0.5, 0.99, 0.240_759_857_490_464_08),
        ]
        for (a, b, x, expected) in values {
            let y = 1 - x
            let lambda = IncompleteBeta.lambda(a, b, x: x, y: y)
            expectClose(IncompleteBeta.factor(a, b, x: x, y: y, lambda: lambda), expected, 2e-15, "(\(a), \(b), \(x))")
        }
    }

    @Test("λ = a − (a+b)x is formed with one rounding from the smaller of x and y")
    func lambda() {
        // Exact rational arithmetic on the doubles gives 999.9999999998898 and 292.50075000000004.
        expectClose(IncompleteBeta.lambda(5e6, 5e6, x: 0.4999, y: 1 - 0.4999), 999.999_999_999_889_8, 1e-15)
        expectClose(IncompleteBeta.lambda(3e6, 7.5, x: 1 - 0.0001, y: 0.0001), 292.500_750_000_000_04, 1e-15)
    }

    @Test("the two ratios are complementary and non-negative")
    func complementary() {
        for (a, b) in [(0.3, 0.3), (2.0, 9.0), (5e9, 0.5), (0.5, 5e9), (4e6, 3e6)] {
            for x in [1e-12, 0.01, 0.5, 0.99, 1 - 1e-12] {
                let ratios = IncompleteBeta.ratios(a, b, x: x, y: 1 - x)
                #expect(abs(ratios.lower + ratios.upper - 1) <= 2.3e-16, "(\(a), \(b), \(x))")
                #expect(ratios.lower >= 0 && ratios.upper >= 0)
            }
        }
    }

    @Test("the ratio is monotone in x across the switch to the mirrored fraction")
    func monotoneAcrossSwitch() {
        let (a, b) = (30.0, 70.0)
        let switchPoint = (a + 1) / (a + b + 2)
        var previous = 0.0
        for step in -3...3 {
            let x = switchPoint + Double(step) * 1e-9
            let value = IncompleteBeta.ratios(a, b, x: x, y: 1 - x).lower
            #expect(value > previous)
            previous = value
        }
    }
}
