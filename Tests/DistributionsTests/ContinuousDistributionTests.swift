import Foundation
import Testing

@testable import Distributions

/// Properties every `ContinuousDistribution` must have, checked through the protocol.
@Suite("ContinuousDistribution contract")
struct ContinuousDistributionTests {
    static let distributions: [any ContinuousDistribution] = [
        Normal(), Normal(mean: -4, standardDeviation: 0.25), StudentT(degreesOfFreedom: 3.7),
        StudentT(degreesOfFreedom: 0.6), StudentT(degreesOfFreedom: 2e5), ChiSquared(degreesOfFreedom: 0.4),
        ChiSquared(degreesOfFreedom: 7), ChiSquared(degreesOfFreedom: 3e6),
        FDistribution(numeratorDegreesOfFreedom: 4, denominatorDegreesOfFreedom: 9.5),
        FDistribution(numeratorDegreesOfFreedom: 0.8, denominatorDegreesOfFreedom: 2e6),
    ]

    @Test("cdf + survival = 1 and cdf is non-decreasing", arguments: distributions.indices)
    func complementAndMonotone(index: Int) {
        let distribution = Self.distributions[index]
        var previous = 0.0
        for p in stride(from: 0.01, through: 0.99, by: 0.07) {
            let x = distribution.quantile(p)
            let cdf = distribution.cdf(x)
            expectClose(cdf + distribution.survival(x), 1, 4e-16, "\(distribution) at \(x)")
            #expect(cdf >= previous, "\(distribution): cdf decreased at \(x)")
            previous = cdf
        }
    }

    @Test("quantile and inverseSurvival invert cdf and survival", arguments: distributions.indices)
    func roundTrip(index: Int) {
        let distribution = Self.distributions[index]
        for p in roundTripProbabilities {
            // The smaller tail carries the information, so each root is checked on that side.
            expectRoot(
                distribution.quantile(p), of: distribution, target: min(p, 1 - p), upperTail: p > 0.5,
                "quantile(\(p))")
            expectRoot(
                distribution.inverseSurvival(p), of: distribution, target: min(p, 1 - p), upperTail: p <= 0.5,
                "inverseSurvival(\(p))")
        }
    }

    @Test("NaN in gives NaN out", arguments: distributions.indices)
    func nanPropagates(index: Int) {
        let distribution = Self.distributions[index]
        #expect(distribution.cdf(.nan).isNaN)
        #expect(distribution.survival(.nan).isNaN)
        #expect(distribution.quantile(.nan).isNaN)
        #expect(distribution.inverseSurvival(.nan).isNaN)
    }

    @Test("a probability outside [0, 1] traps")
    func probabilityOutOfRangeTraps() async {
        await #expect(processExitsWith: .failure) { _ = Normal().quantile(1.5) }
        await #expect(processExitsWith: .failure) { _ = StudentT(degreesOfFreedom: 3).inverseSurvival(-0.1) }
        await #expect(processExitsWith: .failure) { _ = ChiSquared(degreesOfFreedom: 3).quantile(-1e-300) }
        await #expect(processExitsWith: .failure) {
            _ = FDistribution(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 3).inverseSurvival(2)
        }
    }
}
