import Foundation
import Testing

@testable import Distributions

/// Internal pieces of `log Γ`, against mpmath values at 40 digits.
@Suite("LogGamma internals")
struct LogGammaTests {
    @Test("Stirling correction δ(x)")
    func stirlingCorrection() {
        let values: [(Double, Double)] = [
            (8, 0.010_411_265_261_972_096), (12.5, 0.006_665_247_032_707_682),
            (1e3, 8.333_333_055_555_635e-5), (1e8, 8.333_333_333_333_334e-10),
        ]
        for (x, expected) in values {
            expectClose(LogGamma.stirlingCorrection(x), expected, 1e-15, "δ(\(x))")
        }
    }

    @Test("log Γ(1 + z) for |z| ≤ ½, including tiny z where log Γ ≈ −γz")
    func logGammaOnePlus() {
        let values: [(Double, Double)] = [
            (-0.5, 0.572_364_942_924_700_1), (-0.1, 0.066_376_239_734_742_98), (1e-8, -5.772_156_566_768_626e-9),
            (0.3, -0.108_174_809_507_860_47), (0.5, -0.120_782_237_635_245_22),
        ]
        for (z, expected) in values {
            expectClose(LogGamma.logGammaOnePlus(z), expected, 2e-15, "log Γ(1 + \(z))")
        }
    }

    @Test("log B(a, b) in all three regimes, without cancellation")
    func logBeta() {
        let values: [(Double, Double, Double)] = [
            (0.5, 5e9, -10.593_986_931_740_556), (3, 8, -5.886_104_031_450_156), (10, 20, -19.115_327_299_887_046),
            (5e6, 5e6, -6_931_478.252_561_539), (1e-3, 2, 6.906_755_778_649_053),
        ]
        for (a, b, expected) in values {
            expectClose(LogGamma.logBeta(a, b), expected, 1e-15, "log B(\(a), \(b))")
            #expect(LogGamma.logBeta(a, b) == LogGamma.logBeta(b, a))
        }
    }

    @Test("sin(πx) is exact at the integers and accurate next to them")
    func sinPi() {
        #expect(LogGamma.sinPi(3) == 0)
        #expect(LogGamma.sinPi(-2) == 0)
        expectClose(LogGamma.sinPi(0.5), 1, 1e-16)
        expectClose(LogGamma.sinPi(1.5), -1, 1e-16)
        // sin(π(1e10 + 1e-6)) = sin(π·1e−6) up to the sign of the even period.
        expectClose(LogGamma.sinPi(1e10 + 0.25), sin(Double.pi / 4), 1e-15)
    }
}
