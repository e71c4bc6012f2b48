import DataFrameModule
import Estimators
import Foundation
import Inference
import Testing

@testable import Workbench

/// 60 rows in 12 teams of 5: y = 2 + 1.5 x + team shock + noise, from a fixed recurrence (no RNG).
func bootstrapFixture(rareLevel: Bool = false) throws -> DataFrame {
    var lines = ["team,x,y,group,stratum,w"]
    for i in 0..<60 {
        let team = i / 5
        let x = Double((i * 7) % 11) / 2
        let noise = Double((i * 37) % 17) / 8 - 1
        let shock = Double((team * 5) % 7) / 3 - 1
        let y = 2 + 1.5 * x + shock + noise
        // One row in level "z": most resamples miss it, so their design lacks its column.
        let group = rareLevel && i == 17 ? "z" : (i % 2 == 0 ? "a" : "b")
        lines.append("T\(team),\(x),\(y),\(group),\(team < 6 ? "S1" : "S2"),\(1 + i % 3)")
    }
    return try DataFrame.readCSV(text: lines.joined(separator: "\n") + "\n")
}

@Suite("Regression bootstrap")
struct RegressionBootstrapTests {
    /// The slope of `y ~ x` on frame rows `rows` (repeats allowed), fitted directly.
    func slope(_ frame: DataFrame, rows: [Int]) throws -> Double {
        try LinearRegression.fit("y ~ x", data: frame.taking(rows: rows)).coefficient("x")!
    }

    @Test("pairs: replicates equal refits on Bootstrap's own resamples; with B = 39 the 95 % percentile ends are the extremes")
    func pairsAgainstHandCheck() throws {
        let frame = try bootstrapFixture()
        let spec = RegressionBootstrap(formula: "y ~ x", replicates: 39, seed: 7, methods: [.percentile, .basic, .normal])
        let result = try spec.run(on: frame, threads: 2)
        let x = try #require(result.coefficient("x"))
        let plan = ResamplingPlan.pairs(rows: 60)
        let hand = try (0..<39).map { r in try slope(frame, rows: plan.indices(forReplicate: r, seed: 7)) }
        for (a, b) in zip(x.replicates, hand) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
        #expect(result.failed == 0 && result.used == 39)
        // (B + 1)·0.025 = 1 and (B + 1)·0.975 = 39: the first and last order statistics.
        let percentile = try #require(x.intervals[0].interval)
        #expect(abs(percentile.lower - hand.min()!) <= 1e-9 && abs(percentile.upper - hand.max()!) <= 1e-9)
        let basic = try BootstrapInterval.basic(estimate: x.estimate, replicates: hand)
        let normal = try BootstrapInterval.normal(estimate: x.estimate, replicates: hand)
        #expect(abs(x.intervals[1].interval!.lower - basic.lower) <= 1e-9)
        #expect(abs(x.intervals[2].interval!.upper - normal.upper) <= 1e-9)
        #expect(
            abs(
                x.bootstrapStandardError
                    - BootstrapReplicates(
                        replicates: 39, statisticCount: 1, values: hand, failed: 0, seed: 7, scheme: ""
                    ).standardError(0)) <= 1e-9)
        #expect(abs(x.estimate - 1.5) < 0.3)
    }

    @Test("cluster: whole teams are drawn; BCa uses leave-one-team-out refits; studentized each replicate's own SE")
    func clusterAgainstHandCheck() throws {
        let frame = try bootstrapFixture()
        let spec = RegressionBootstrap(
            formula: "y ~ x", covariance: .hc1, replicates: 49, seed: 11, cluster: "team", methods: [.bca, .studentized])
        let result = try spec.run(on: frame, threads: 1)
        #expect(result.scheme == "cluster bootstrap (team, G = 12)" && result.unitCount == 12)
        let x = try #require(result.coefficient("x"))
        let plan = ResamplingPlan.cluster(count: 12)
        var hand: [Double] = []
        var handVariances: [Double] = []
        for r in 0..<49 {
            // Teams T0…T11 are coded in sorted order: T0, T1, T10, T11, T2, …
            let order = (0..<12).map { "T\($0)" }.sorted()
            let rows = plan.indices(forReplicate: r, seed: 11).flatMap { g -> [Int] in
                let team = Int(order[g].dropFirst())!
                return Array((team * 5)..<(team * 5 + 5))
            }
            let fit = try LinearRegression.fit("y ~ x", data: frame.taking(rows: rows), covariance: .hc1)
            hand.append(fit.coefficient("x")!)
            handVariances.append(fit.standardErrors[1] * fit.standardErrors[1])
        }
        for (a, b) in zip(x.replicates, hand) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
        let leaveOut = try (0..<12).map { g -> Double in
            let team = Int((0..<12).map { "T\($0)" }.sorted()[g].dropFirst())!
            return try slope(frame, rows: (0..<60).filter { $0 / 5 != team })
        }
        let bca = try BootstrapInterval.interval(.bca, estimate: x.estimate, replicates: hand, jackknife: leaveOut)
        #expect(abs(x.intervals[0].interval!.lower - bca.lower) <= 1e-9 && abs(x.intervals[0].interval!.upper - bca.upper) <= 1e-9)
        let stud = try BootstrapInterval.studentized(
            estimate: x.estimate, variance: x.standardError * x.standardError, replicates: hand, replicateVariances: handVariances)
        #expect(abs(x.intervals[1].interval!.lower - stud.lower) <= 1e-9 && abs(x.intervals[1].interval!.upper - stud.upper) <= 1e-9)
        // Resampling whole teams gives a different spread from resampling rows.
        let pairs = try RegressionBootstrap(formula: "y ~ x", replicates: 49, seed: 11).run(on: frame)
        #expect(pairs.coefficient("x")!.bootstrapStandardError != x.bootstrapStandardError)
    }

    @Test("cluster bootstrap with absorbed team effects: a team drawn twice is two teams with their own effects")
    func absorbedEffectsRelabelled() throws {
        let frame = try bootstrapFixture()
        let spec = RegressionBootstrap(
            formula: "y ~ x | team", covariance: .clustered(by: ["team"]), replicates: 5, seed: 21, cluster: "team",
            methods: [.studentized])
        let result = try spec.run(on: frame)
        let x = try #require(result.coefficient("x"))
        let order = (0..<12).map { "T\($0)" }.sorted()
        let counts = ResamplingPlan.cluster(count: 12).weights(forReplicate: 0, seed: 21)
        var lines = ["team,x,y"]
        var copy = 0
        for (g, count) in counts.enumerated() {
            let team = Int(order[g].dropFirst())!
            for _ in 0..<Int(count) {
                for i in (team * 5)..<(team * 5 + 5) {
                    lines.append(
                        "C\(copy),\(try frame.column(named: "x").numericValues()![i]),\(try frame.column(named: "y").numericValues()![i])")
                }
                copy += 1
            }
        }
        let resample = try DataFrame.readCSV(text: lines.joined(separator: "\n") + "\n")
        let fit = try LinearRegression.fit("y ~ x | team", data: resample, covariance: .clustered(by: ["team"]))
        #expect(abs(x.replicates[0] - fit.coefficient("x")!) <= 1e-8 * max(1, abs(fit.coefficient("x")!)))
        #expect(result.failed == 0)
        // The replicate's own variance counts the copies as clusters (G = 12 draws, not the distinct teams).
        #expect(counts.contains { $0 > 1 })
        let statistics = try RegressionBootstrapSample(specification: spec, frame: frame).statistics(unitWeights: counts)
        let variance = fit.standardErrors[0] * fit.standardErrors[0]
        #expect(abs(statistics[1] - variance) <= 1e-8 * variance)
        #expect(fit.clusterCounts["team"] == 12)
    }

    @Test("the exact deletion formula gives the leave-one-row-out refits, weighted or not")
    func deletionJackknife() throws {
        let frame = try bootstrapFixture()
        for weights in [nil, "w"] as [String?] {
            let spec = RegressionBootstrap(formula: "y ~ x + group", weights: weights, replicates: 2, seed: 1, methods: [.bca])
            let sample = try RegressionBootstrapSample(specification: spec, frame: frame)
            let exact = try #require(sample.deletionJackknife())
            let refits = sample.jackknife(threads: 2, progress: nil)
            #expect(exact.count == 60 && refits.count == 60)
            for (a, b) in zip(exact, refits) {
                for j in 0..<3 { #expect(abs(a[j] - b[j]) <= 1e-9 * max(1, abs(b[j]))) }
            }
        }
        let clustered = RegressionBootstrap(formula: "y ~ x", replicates: 2, seed: 1, cluster: "team")
        #expect(try RegressionBootstrapSample(specification: clustered, frame: frame).deletionJackknife() == nil)
        // The row alone in level z: deleting it changes the design, so its estimate is undefined.
        let rare = RegressionBootstrap(formula: "y ~ x + group", replicates: 2, seed: 1)
        let rows = try #require(
            try RegressionBootstrapSample(specification: rare, frame: bootstrapFixture(rareLevel: true)).deletionJackknife())
        #expect(rows[17].isEmpty && !rows[16].isEmpty)
    }

    @Test("stratified cluster bootstrap keeps each stratum's clusters; a cluster across strata is an error")
    func strata() throws {
        let frame = try bootstrapFixture()
        let spec = RegressionBootstrap(formula: "y ~ x", replicates: 20, seed: 3, cluster: "team", strata: "stratum")
        let result = try spec.run(on: frame)
        #expect(result.scheme == "stratified cluster bootstrap (team, G = 12), 2 strata of stratum")
        let bad = RegressionBootstrap(formula: "y ~ x", replicates: 20, seed: 3, cluster: "stratum", strata: "group")
        #expect(throws: SessionAnalysisError.clusterSpansStrata(cluster: "stratum", value: "S1", strata: "group")) {
            try bad.run(on: frame)
        }
        let one = RegressionBootstrap(formula: "y ~ x", replicates: 20, seed: 3, cluster: "stratum")
        #expect(throws: Never.self) { try one.run(on: frame) }
    }

    @Test("a replicate missing a level of a categorical regressor fails, is counted with its reason and left out")
    func failuresCounted() throws {
        let frame = try bootstrapFixture(rareLevel: true)
        let spec = RegressionBootstrap(formula: "y ~ x + group", replicates: 60, seed: 5, methods: [.percentile])
        let result = try spec.run(on: frame)
        #expect(result.failed > 0 && result.used + result.failed == 60)
        #expect(result.failureReasons.reduce(0) { $0 + $1.count } == result.failed)
        #expect(result.failureReasons[0].reason.contains("lacks a level"))
        let x = try #require(result.coefficient("x"))
        #expect(x.replicates.filter(\.isNaN).count == result.failed)
        #expect(result.summary().contains("\(result.failed) failed"))
    }

    @Test("the same seed gives bit-identical output on 1 and 3 threads")
    func threadInvariance() throws {
        let frame = try bootstrapFixture()
        let spec = RegressionBootstrap(
            formula: "y ~ x", covariance: .hc1, replicates: 30, seed: 99, cluster: "team", methods: BootstrapIntervalMethod.allCases)
        let one = try spec.run(on: frame, threads: 1)
        let three = try spec.run(on: frame, threads: 3)
        #expect(one.summary() == three.summary())
        #expect(one.coefficients == three.coefficients)
    }

    @Test("syntax: Stata's prefix form, variable lists, level as a percentage, unknown options with a suggestion")
    func syntax() throws {
        let spec = try RegressionBootstrap.parse(
            ", reps(199) seed(42) cluster(team) level(90) type(bca percentile): regress y x group, vcov(cluster:team)")
        #expect(spec.replicates == 199 && spec.seed == 42 && spec.cluster == "team" && abs(spec.level - 0.9) < 1e-12)
        #expect(spec.formula == "y ~ x + group" && spec.methods == [.bca, .percentile])
        #expect(spec.covariance == .clustered(by: ["team"]))
        #expect(try RegressionBootstrap.parse(", seed(1) type(all): regress y ~ x").methods.count == 5)
        #expect(throws: SessionAnalysisError.unknownOption(command: "bootstrap", option: "rep", suggestion: "reps")) {
            try RegressionBootstrap.parse(", rep(99) seed(1): regress y x")
        }
        #expect(throws: SessionAnalysisError.unknownOption(command: "bootstrap: regress", option: "vce", suggestion: "vcov")) {
            try RegressionBootstrap.parse(", seed(1): regress y x, vce(robust)")
        }
        #expect(throws: SessionAnalysisError.self) { try RegressionBootstrap.parse(", reps(99): regress y x") }
        #expect(throws: SessionError.self) { try RegressionBootstrap.parse(", reps(99) seed(1) regress y x") }
        #expect(throws: SessionAnalysisError.self) { try RegressionBootstrap.parse(", seed(1) type(bac): regress y x") }
    }
}
