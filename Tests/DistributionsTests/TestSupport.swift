import Foundation
import Testing

import Distributions

/// Relative difference `|a − b| / |b|` (absolute when `b = 0`).
func relativeError(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a) : abs(a - b) / abs(b)
}

/// Expects `actual` within `tolerance` (relative) of `expected`, naming both on failure.
func expectClose(
    _ actual: Double, _ expected: Double, _ tolerance: Double, _ context: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        relativeError(actual, expected) <= tolerance,
        "\(context()) got \(actual), expected \(expected), relative error \(relativeError(actual, expected))",
        sourceLocation: sourceLocation)
}

/// Probabilities from 1e−300 to 1 − 1e−16 used by the round-trip tests.
let roundTripProbabilities: [Double] = [
    1e-300, 1e-200, 1e-100, 1e-40, 1e-15, 1e-8, 1e-4, 0.01, 0.05, 0.2, 0.3, 0.45, 0.499, 0.5, 0.501, 0.6,
    0.8, 0.95, 0.99, 1 - 1e-6, 1 - 1e-12, 1 - 1e-16,
]

/// Tolerance for an identity evaluated at a rounded argument: `1e−13` plus the relative change
/// of `tail` caused by moving `x` by two units in its last place, `2ε · x f(x) / tail(x)`.
func conditionedTolerance(x: Double, density: Double, tail: Double) -> Double {
    1e-13 + 2 * Double.ulpOfOne * abs(x) * density / tail
}

/// A returned quantile `x` is right when the tail probability at the doubles two steps either
/// side of it brackets the target (to 1e−13): the best a double `x` can do whatever the
/// conditioning (for χ²(3e6) one ulp of `x` moves a 1e−300 tail by 5e−12 relative).
func expectRoot(
    _ x: Double, of distribution: any ContinuousDistribution, target: Double, upperTail: Bool, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard x.isFinite && x != 0 && abs(x) > 1e-300 else { return }  // beyond the double range
    let below = x.nextDown.nextDown
    let above = x.nextUp.nextUp
    let tail = { (x: Double) in upperTail ? distribution.survival(x) : distribution.cdf(x) }
    let (small, large) = upperTail ? (tail(above), tail(below)) : (tail(below), tail(above))
    #expect(
        small <= target * (1 + 1e-13) && large >= target * (1 - 1e-13),
        "\(distribution) \(label) = \(x): tail \(small)…\(large) does not bracket \(target)",
        sourceLocation: sourceLocation)
}
