import Foundation
import Testing

@testable import Distributions

/// The solver on equations with known roots.
@Suite("QuantileSolver")
struct QuantileSolverTests {
    /// Exponential survival `G(x) = e⁻ˣ`: root `−log q`.
    static func exponentialSurvival(_ target: Double) -> QuantileEquation {
        QuantileEquation(
            increasing: false, target: target, function: { exp(-$0) }, logDensity: { -$0 },
            densityElasticity: { -$0 })
    }

    /// Exponential cdf `G(x) = 1 − e⁻ˣ`: root `−log(1 − p)`.
    static func exponentialCDF(_ target: Double) -> QuantileEquation {
        QuantileEquation(
            increasing: true, target: target, function: { -expm1(-$0) }, logDensity: { -$0 },
            densityElasticity: { -$0 })
    }

    /// Power tail `G(x) = x^{−k}` (decreasing), density `k x^{−k−1}`.
    static func powerSurvival(_ target: Double, exponent k: Double) -> QuantileEquation {
        QuantileEquation(
            increasing: false, target: target, function: { pow($0, -k) }, logDensity: { log(k) - (k + 1) * log($0) },
            densityElasticity: { _ in -(k + 1) })
    }

    // Targets stay on the side where G carries its information (the distributions switch tails
    // for that reason): G ≈ 1 − 1e−6 would fix x only to ~1e−10.
    @Test("decreasing equation, from a good and from a poor start", arguments: [1e-300, 1e-20, 0.3, 0.6])
    func decreasing(target: Double) {
        for start in [1.0, 1e-200, 1e200] {
            let root = QuantileSolver.solve(Self.exponentialSurvival(target), guesses: [start])
            expectClose(root, -log(target), 4e-16, "q = \(target) from \(start)")
        }
    }

    @Test("increasing equation down to a root of 1e−300", arguments: [1e-300, 1e-9, 0.3, 0.5])
    func increasing(target: Double) {
        let root = QuantileSolver.solve(Self.exponentialCDF(target), guesses: [1])
        expectClose(root, -log1p(-target), 4e-16, "p = \(target)")
    }

    @Test("the best of several guesses is used, and unusable guesses are skipped")
    func guessSelection() {
        let root = QuantileSolver.solve(Self.exponentialSurvival(1e-10), guesses: [.nan, -1, .infinity, 0, 23])
        expectClose(root, 10 * log(10), 4e-16)
    }

    @Test("roots beyond the double range give ∞ or 0")
    func unrepresentable() {
        // x^{−1/2} = 1e−300 at x = 1e600; x^{−1/2} = 1e300 at x = 1e−600.
        #expect(QuantileSolver.solve(Self.powerSurvival(1e-300, exponent: 0.5), guesses: [1]) == .infinity)
        #expect(QuantileSolver.solve(Self.powerSurvival(1e300, exponent: 0.5), guesses: [1]) == 0)
        // and a representable power-law root is exact
        expectClose(QuantileSolver.solve(Self.powerSurvival(1e-300, exponent: 2), guesses: [1]), 1e150, 4e-16)
    }
}
