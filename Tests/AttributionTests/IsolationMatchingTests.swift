import DataFrameModule
import Estimators
import Foundation
import Inference
import Testing

@testable import Attribution

@Suite("Isolation: nearest-neighbour matching with the Otsu–Rai weighted bootstrap")
struct IsolationMatchingTests {
    /// n people; P(trained) = logistic(−0.5 + 0.8·x); y = 1 + x + 2·d + ε: the effect on the trained is 2.
    static func crossSection(n: Int = 600, seed: UInt64 = 41) throws -> DataFrame {
        try IsolationFixture.crossSection(n: n, seed: seed, propensityIntercept: -0.5)
    }

    @Test("the analytic interval is Abadie–Imbens and covers the known ATT")
    func analytic() throws {
        let data = try Self.crossSection()
        let method = IsolationMatching(data: data, outcome: "y", treatment: "trained", covariates: ["x"])
        let estimate = try method.isolate(bootstrap: nil)
        let comparison = try ControlGroupComparison(data: data, outcome: "y", treatment: "trained", covariates: ["x"])
        let result = try comparison.nearestNeighbourMatching(.init(replacement: true))
        let variance = try comparison.abadieImbensVariance(result)
        #expect(estimate.effect == result.effect)
        #expect(estimate.standardError == variance.populationStandardError)
        #expect(estimate.lower < 2 && 2 < estimate.upper)
        #expect(estimate.replicates == nil)
        #expect(estimate.inference.contains("Abadie–Imbens"))
        #expect(method.providesReplicates)
        #expect(method.label.contains("with replacement"))
    }

    @Test("Otsu–Rai replicates: SE near the Abadie–Imbens SE, interval covers the truth, seeded per replicate")
    func weightedBootstrap() throws {
        let data = try Self.crossSection()
        let method = IsolationMatching(
            data: data, outcome: "y", treatment: "trained", covariates: ["x"],
            specification: .init(ratio: 2, replacement: true))
        let analytic = try method.isolate(bootstrap: nil)
        let one = try method.isolate(bootstrap: .init(replicates: 999, seed: 11, threads: 1))
        let two = try method.isolate(bootstrap: .init(replicates: 999, seed: 11, threads: 2))
        #expect(one == two)
        let replicates = try #require(one.replicates)
        #expect(replicates.failed == 0)
        #expect(replicates.scheme.contains("Otsu–Rai"))
        // Var*(τ̂*) equals the AI variance exactly; B = 999 leaves a sampling error of about
        // 1/√(2B) ≈ 2.2 % in the SD, so 10 % is a loose bound.
        #expect(abs(one.standardError / analytic.standardError - 1) < 0.10)
        #expect(one.lower < 2 && 2 < one.upper)
        #expect(one.effect == analytic.effect)
        // Replicate r depends only on (seed, r): a shorter run is a prefix of a longer one.
        let short = try method.isolate(bootstrap: .init(replicates: 99, seed: 11, threads: 2))
        #expect(short.replicates?.values == Array(replicates.values.prefix(99)))
        let other = try method.isolate(bootstrap: .init(replicates: 99, seed: 12, threads: 1))
        #expect(other.replicates?.values != short.replicates?.values)
    }

    @Test("Mammen multipliers give the same SE to sampling error")
    func mammen() throws {
        let data = try Self.crossSection(seed: 43)
        let method = IsolationMatching(
            data: data, outcome: "y", treatment: "trained", covariates: ["x"], multipliers: .mammen)
        let analytic = try method.isolate(bootstrap: nil)
        let boot = try method.isolate(bootstrap: .init(replicates: 999, seed: 5))
        #expect(abs(boot.standardError / analytic.standardError - 1) < 0.10)
        #expect(boot.replicates?.scheme.contains("Mammen") == true)
    }

    @Test("no control within the caliper is the estimator's typed error")
    func caliperWithoutControls() throws {
        let data = try Self.crossSection(n: 200)
        let method = IsolationMatching(
            data: data, outcome: "y", treatment: "trained", covariates: ["x"],
            specification: .init(replacement: true, caliper: 1e-12))
        #expect(throws: NearestNeighbourMatchingError.self) { try method.isolate(bootstrap: .init(seed: 1)) }
    }

    @Test("too many variance matches for an arm is a typed error; without replacement the note says so")
    func varianceMatchesAndNotes() throws {
        let data = try Self.crossSection(n: 200)
        let tooMany = IsolationMatching(
            data: data, outcome: "y", treatment: "trained", covariates: ["x"], varianceMatches: 500)
        #expect(throws: NearestNeighbourMatchingError.self) { try tooMany.isolate(bootstrap: nil) }
        let greedy = IsolationMatching(
            data: data, outcome: "y", treatment: "trained", covariates: ["x"], specification: .init())
        let estimate = try greedy.isolate(bootstrap: nil)
        #expect(estimate.notes.contains { $0.contains("without replacement") })
    }
}
