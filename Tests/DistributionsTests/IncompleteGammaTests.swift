import Foundation
import Testing

@testable import Distributions

/// Internal pieces of the incomplete gamma ratios, against mpmath (40–50 digits).
@Suite("IncompleteGamma internals")
struct IncompleteGammaTests {
    @Test("xᵃe⁻ˣ/Γ(a) in the direct, Temme-near-mode and Temme-far branches")
    func prefactor() {
        let values: [(Double, Double, Double)] = [
            (7.9, 10, 0.874_726_832_009_396_3), (20, 26, 0.836_981_403_508_582_5), (20, 1, 3.024_202_700_602_420_5e-18),
            (5e6, 5.01e6, 0.041_042_344_629_951_37),
        ]
        for (a, x, expected) in values {
            // Formed as exp(exponent): the exponent's rounding (|exponent| ≤ 40 here) is the floor.
            expectClose(IncompleteGamma.prefactor(a, x), expected, 1e-14, "(\(a), \(x))")
        }
    }

    @Test("the small-shape series joins the standard series at a = 1")
    func smallShapeBoundary() {
        // mpmath: P(0.999999, 1.2) = 0.6988061752644266, P(1.000001, 1.2) = 0.6988054009111231.
        expectClose(IncompleteGamma.ratios(0.999_999, 1.2).lower, 0.698_806_175_264_426_6, 1e-15)
        expectClose(IncompleteGamma.ratios(1.000_001, 1.2).lower, 0.698_805_400_911_123_1, 1e-15)
        // and at x = 1.5 for a < 1, where P(½, x) = erf(√x)
        for x in [(1.5).nextDown, 1.5] {
            expectClose(IncompleteGamma.ratios(0.5, x).lower, erf(x.squareRoot()), 1e-15, "x = \(x)")
        }
    }

    @Test("series and continued fraction agree across x = a + 1 for a = 1e6")
    func seriesFractionBoundary() {
        // mpmath at 50 digits; thousands of series terms or fraction steps, hence 3e−14.
        let below = IncompleteGamma.ratios(1e6, 1e6 + 1 - 1e-3)
        let above = IncompleteGamma.ratios(1e6, 1e6 + 1 + 1e-3)
        expectClose(below.lower, 0.500_531_523_800_399_4, 3e-14)
        expectClose(below.upper, 0.499_468_476_199_600_55, 3e-14)
        expectClose(above.lower, 0.500_532_321_683_734_8, 3e-14)
        expectClose(above.upper, 0.499_467_678_316_265_15, 3e-14)
    }
}
