import Foundation

/// `log Γ` and the pieces of Stirling's series the incomplete beta and gamma functions need to
/// avoid cancelling large logarithms (DiDonato & Morris 1992, functions `gamln1`, `algdiv`,
/// `bcorr`, `betaln`; written here from the formulas, not from their code).
enum LogGamma {
    /// `½ log(2π)`.
    static let halfLogTwoPi = 0.918_938_533_204_672_741_78
    /// Euler–Mascheroni constant `γ`.
    static let eulerGamma = 0.577_215_664_901_532_860_61

    /// `ζ(n) − 1` for `n = 2, 3, …, 33` (20 significant digits), the coefficients of
    /// Abramowitz & Stegun 6.1.33.
    private static let zetaMinusOne: [Double] = [
        0.644_934_066_848_226_436_47, 0.202_056_903_159_594_285_40, 0.082_323_233_711_138_191_516,
        0.036_927_755_143_369_926_331, 0.017_343_061_984_449_139_715, 0.008_349_277_381_922_826_839_8,
        0.004_077_356_197_944_339_378_7, 0.002_008_392_826_082_214_417_9, 0.000_994_575_127_818_085_337_15,
        0.000_494_188_604_119_464_558_7, 0.000_246_086_553_308_048_298_64, 0.000_122_713_347_578_489_146_75,
        6.124_813_505_870_482_925_9e-5, 3.058_823_630_702_049_355_2e-5, 1.528_225_940_865_187_173_3e-5,
        7.637_197_637_899_762_273_6e-6, 3.817_293_264_999_839_856_5e-6, 1.908_212_716_553_938_925_7e-6,
        9.539_620_338_727_961_131_5e-7, 4.769_329_867_878_064_631_2e-7, 2.384_505_027_277_329_900_0e-7,
        1.192_199_259_653_110_730_7e-7, 5.960_818_905_125_947_961_2e-8, 2.980_350_351_465_228_018_6e-8,
        1.490_155_482_836_504_123_5e-8, 7.450_711_789_835_429_492_0e-9, 3.725_334_024_788_457_054_8e-9,
        1.862_659_723_513_049_006_4e-9, 9.313_274_324_196_681_828_7e-10, 4.656_629_065_033_784_073_0e-10,
        2.328_311_833_676_505_492_0e-10, 1.164_155_017_270_051_977_6e-10,
    ]

    /// `B₂ₖ / (2k(2k − 1))` for `k = 1…10`: Stirling's series for `δ(x)`.
    private static let stirlingCoefficients: [Double] = [
        1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188,
        -691.0 / 360_360, 1.0 / 156, -3617.0 / 122_400, 43867.0 / 244_188, -174_611.0 / 125_400,
    ]

    /// `log |Γ(x)|` for every real `x` (see `SpecialFunctions.logGamma`).
    static func logGamma(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return .infinity }
        if x <= 0 {
            // Poles at 0 and the negative integers (scipy returns +inf there too).
            if x == x.rounded(.down) { return .infinity }
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            return log(Double.pi / abs(sinPi(x))) - logGamma(1 - x)
        }
        if x < 0.5 { return logGammaOnePlus(x) - log(x) }
        if x < 1.5 { return logGammaOnePlus(x - 1) }  // x − 1 exact (Sterbenz)
        if x < 2.5 { return log1p(x - 2) + logGammaOnePlus(x - 2) }  // x − 2 exact
        if x < 8 {
            // Γ(x) = (x−1)(x−2)⋯(x−n) Γ(x−n) with x − n ∈ [1.5, 2.5); each x − k is exact.
            var product = 1.0
            var shifted = x
            while shifted >= 2.5 {
                shifted -= 1
                product *= shifted
            }
            return log(product) + log1p(shifted - 2) + logGammaOnePlus(shifted - 2)
        }
        return (x - 0.5) * log(x) - x + halfLogTwoPi + stirlingCorrection(x)
    }

    /// `log Γ(1 + z)` for `|z| ≤ ½` to full relative precision, by Abramowitz & Stegun 6.1.33.
    static func logGammaOnePlus(_ z: Double) -> Double {
        precondition(abs(z) <= 0.5 + 1e-12, "logGammaOnePlus needs |z| ≤ 1/2, got \(z)")
        if z == 0 { return 0 }
        var sum = 0.0
        var power = -z
        for (index, coefficient) in zetaMinusOne.enumerated() {
            power *= -z  // (−z)ⁿ = (−1)ⁿ zⁿ for n = index + 2
            let term = coefficient * power / Double(index + 2)
            sum += term
            if abs(term) <= 1e-18 * abs(sum) { break }
        }
        return -log1p(z) + z * (1 - eulerGamma) + sum
    }

    /// Stirling's correction `δ(x) = log Γ(x) − [(x − ½) log x − x + ½ log 2π]`, for `x ≥ 8`
    /// (ten terms of the series; the first omitted term is below 2e−16 relative at `x = 8`).
    static func stirlingCorrection(_ x: Double) -> Double {
        precondition(x >= 8, "stirlingCorrection needs x ≥ 8, got \(x)")
        let inverse = 1 / x
        let inverseSquared = inverse * inverse
        var sum = 0.0
        for coefficient in stirlingCoefficients.reversed() {
            sum = sum * inverseSquared + coefficient
        }
        return sum * inverse
    }

    /// `log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b)` for `a, b > 0`, without the
    /// cancellation of the three large terms when either argument is large.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b)
        let large = max(a, b)
        if large < 8 { return logGamma(small) + logGamma(large) - logGamma(small + large) }
        if small < 8 { return logGamma(small) + logGammaDifference(small, large) }
        // Both large: Stirling for all three gammas, grouped so nothing large cancels:
        // log B = ½ log(2π(a+b)/(ab)) − a log(1 + b/a) − b log(1 + a/b) + δ(a) + δ(b) − δ(a+b).
        let ratio = small / large
        return 0.5 * log(2 * Double.pi) + 0.5 * (log(small + large) - log(small) - log(large))
            - small * log1p(1 / ratio) - large * log1p(ratio) + betaStirlingCorrection(small, large)
    }

    /// `log Γ(b) − log Γ(a + b)` for `b ≥ 8`, `a > 0`, as
    /// `b·(u − log(1+u)) + ½ log(1+u) − a log(a+b) + δ(b) − δ(a+b)` with `u = a/b`
    /// (Stirling's series for both; the large `b log b` terms cancel analytically).
    static func logGammaDifference(_ a: Double, _ b: Double) -> Double {
        let u = a / b
        return -b * PreciseArithmetic.log1pmx(u) + 0.5 * log1p(u) - a * log(a + b)
            + stirlingCorrection(b) - stirlingCorrection(a + b)
    }

    /// `δ(a) + δ(b) − δ(a + b)` for `a, b ≥ 8`: the Stirling remainder of `log B(a, b)`.
    static func betaStirlingCorrection(_ a: Double, _ b: Double) -> Double {
        stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(a + b)
    }

    /// `sin(πx)` with the argument reduced exactly first, so it is accurate near the integers.
    static func sinPi(_ x: Double) -> Double {
        let nearest = x.rounded()
        let reduced = x - nearest  // exact, |reduced| ≤ ½
        let sign: Double = nearest.truncatingRemainder(dividingBy: 2) == 0 ? 1 : -1
        return sign * sin(Double.pi * reduced)
    }
}
