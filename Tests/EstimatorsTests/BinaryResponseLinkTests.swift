import Foundation
import Testing

@testable import Estimators

@Suite("BinaryResponseLink: probabilities, log-likelihood derivatives and tails")
struct BinaryResponseLinkTests {
    @Test("known values of F and its inverse")
    func knownValues() {
        #expect(BinaryResponseLink.logit.probability(0) == 0.5)
        #expect(abs(BinaryResponseLink.logit.probability(log(3)) - 0.75) < 1e-15)
        // scipy.stats.norm.cdf(1.96)
        #expect(abs(BinaryResponseLink.probit.probability(1.96) - 0.9750021048517795) < 1e-15)
        for link in BinaryResponseLink.allCases {
            for eta in [-6.0, -1.3, 0.2, 2.5] {
                #expect(abs(link.linearPredictor(link.probability(eta)) - eta) < 1e-12 * max(1, abs(eta)))
            }
        }
    }

    @Test(
        "score and observed weight are the first and minus second derivatives of ℓ (central differences, rtol 1e-6)",
        arguments: BinaryResponseLink.allCases)
    func derivatives(link: BinaryResponseLink) {
        let h = 1e-4
        for y in [0.0, 1.0] {
            for eta in [-4.0, -1.5, -0.2, 0.0, 0.7, 2.0, 5.0] {
                let l = { link.logLikelihood($0, y: y) }
                let first = (l(eta + h) - l(eta - h)) / (2 * h)
                let second = (l(eta + h) - 2 * l(eta) + l(eta - h)) / (h * h)
                let d = link.derivatives(eta, y: y)
                #expect(abs(d.score - first) <= 1e-6 * max(abs(first), 1e-3), "\(link) y=\(y) η=\(eta)")
                #expect(abs(d.observed + second) <= 1e-5 * max(abs(second), 1e-3), "\(link) y=\(y) η=\(eta)")
                // F(η)(1 − F(η)) = F(η)F(−η) for both (symmetric) links.
                let tails = link.probability(eta) * link.probability(-eta)
                let density = link == .logit ? tails : exp(-eta * eta / 2) / (2 * Double.pi).squareRoot()
                #expect(abs(d.expected - density * density / tails) <= 1e-12 * d.expected)
            }
        }
    }

    @Test("far tails stay finite and exact: log Φ(−40) (scipy norm.logcdf), logit softplus, positive weights")
    func tails() {
        #expect(abs(BinaryResponseLink.probit.logLikelihood(-40, y: 1) - -804.6084420137538) < 1e-13 * 804.6)
        #expect(abs(BinaryResponseLink.probit.logLikelihood(40, y: 0) - -804.6084420137538) < 1e-13 * 804.6)
        #expect(abs(BinaryResponseLink.probit.logLikelihood(-36.9, y: 1) - -685.3328831653506) < 1e-13 * 685.3)
        #expect(abs(BinaryResponseLink.probit.logLikelihood(6, y: 1) / -9.86587645524372e-10 - 1) < 1e-13)
        #expect(BinaryResponseLink.logit.logLikelihood(-800, y: 1) == -800)
        #expect(BinaryResponseLink.logit.logLikelihood(800, y: 1) == 0)
        for link in BinaryResponseLink.allCases {
            for eta in [-60.0, -38.0, 38.0, 60.0] {
                for y in [0.0, 1.0] {
                    let d = link.derivatives(eta, y: y)
                    #expect(d.observed > 0 && d.expected > 0 && d.score.isFinite, "\(link) η=\(eta) y=\(y)")
                }
            }
        }
        // A badly predicted probit row: λ ≈ −η for y = 1 at η = −50, so the observed weight → 1.
        #expect(abs(BinaryResponseLink.probit.derivatives(-50, y: 1).observed - 1) < 1e-3)
    }
}
