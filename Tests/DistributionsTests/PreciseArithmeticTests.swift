import Foundation
import Testing

@testable import Distributions

@Suite("PreciseArithmetic")
struct PreciseArithmeticTests {
    @Test("log1pmx = log(1 + x) − x, including where both terms cancel")
    func log1pmx() {
        // mpmath, 40 digits.
        let values: [(Double, Double)] = [
            (-0.9, -1.402_585_092_994_046), (-0.5, -0.193_147_180_559_945_31), (-1e-5, -5.000_033_333_583_336_4e-11),
            (1e-9, -4.999_999_996_666_667e-19), (0.3, -0.037_635_735_532_508_94), (0.5, -0.094_534_891_891_835_62),
            (3, -1.613_705_638_880_109_4),
        ]
        for (x, expected) in values {
            expectClose(PreciseArithmetic.log1pmx(x), expected, 2e-16, "log1pmx(\(x))")
        }
        #expect(PreciseArithmetic.log1pmx(0) == 0)
    }

    @Test("logRatio keeps the relative difference of close arguments")
    func logRatio() {
        // 3·2⁻¹⁰⁰⁰ (1 + 2⁻⁴⁰) is exact, so the ratio is exactly 1 + 2⁻⁴⁰: log = 2⁻⁴⁰(1 − 2⁻⁴¹ + …).
        let target = 3 * 0x1p-1000
        let value = target * (1 + 0x1p-40)
        expectClose(PreciseArithmetic.logRatio(value, target), 0x1p-40 * (1 - 0x1p-41), 2e-16)
        expectClose(PreciseArithmetic.logRatio(8, 2), log(4), 4e-16)
    }

    @Test("exp(−z²/2) with the square split exactly")
    func expMinusHalfSquare() {
        // z = 37.1 (the double nearest): mpmath gives exp(−z²/2) = 1.3072723687206494e-299; a
        // rounded z² would be off by up to z²/2 · ε ≈ 8e−14 here.
        expectClose(PreciseArithmetic.expMinusHalfSquare(37.1), 1.307_272_368_720_649_4e-299, 4e-16)
        #expect(PreciseArithmetic.expMinusHalfSquare(0) == 1)
    }

    @Test("twoSum and fmaTail are exact error-free transformations")
    func errorFree() {
        let (head, tail) = PreciseArithmetic.twoSum(1e16, 1.5)
        #expect(head == 1e16 + 2 && tail == -0.5)
        let a = 1 + 0x1p-30
        let product = a * a  // the 2⁻⁶⁰ term is lost
        #expect(PreciseArithmetic.fmaTail(a, a, product) == 0x1p-60)
    }
}
