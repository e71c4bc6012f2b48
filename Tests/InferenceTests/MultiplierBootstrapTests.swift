import Distributions
import Foundation
import LinearAlgebra
import Testing

@testable import Inference

@Suite("MultiplierBootstrap")
struct MultiplierBootstrapTests {
    /// K influence-function columns over n units: independent normals, one skewed column.
    static func influence(n: Int, columns: Int, seed: UInt64) -> [[Double]] {
        var rng = SeededGenerator(seed: seed)
        return (0..<columns).map { k in
            (0..<n).map { _ in
                let x = rng.normal()
                return k == 0 ? exp(x) - exp(0.5) : Double(k + 1) * x
            }
        }
    }

    static func analytic(_ column: [Double], clusters: [Int]? = nil) -> Double {
        var totals = [Double](repeating: 0, count: clusters.map { $0.max()! + 1 } ?? column.count)
        for (i, v) in column.enumerated() { totals[clusters?[i] ?? i] += v }
        return totals.reduce(0) { $0 + $1 * $1 }.squareRoot() / Double(column.count)
    }

    @Test("type-1 quantiles match R quantile(type = 1)")
    func typeOneQuantiles() {
        // R 4.2.2: quantile(1:10, c(.25, .75), type = 1) = 3, 8; quantile(1:20, .95, type = 1) = 19;
        // quantile(1:999, c(.025, .25, .75, .95, .975), type = 1) = 25 250 750 950 975;
        // quantile(1:3, c(0, 1/3, .5, 1), type = 1) = 1 1 2 3;
        // quantile(c(0.3,-1.2,5,2.2,0.7,-0.4,9.1), c(.1,.25,.5,.75,.9), type = 1) = -1.2 -0.4 0.7 5 9.1.
        let q = MultiplierBootstrapDraws.quantileType1
        let ten = (1...10).map(Double.init)
        #expect(q(ten, 0.25) == 3 && q(ten, 0.75) == 8)
        #expect(q((1...20).map(Double.init), 0.95) == 19)
        let many = (1...999).map(Double.init)
        #expect([0.025, 0.25, 0.75, 0.95, 0.975].map { q(many, $0) } == [25, 250, 750, 950, 975])
        let three = [1.0, 2, 3]
        #expect([0, 1.0 / 3, 0.5, 1].map { q(three, $0) } == [1, 1, 2, 3])
        let x = [0.3, -1.2, 5, 2.2, 0.7, -0.4, 9.1].sorted()
        #expect([0.1, 0.25, 0.5, 0.75, 0.9].map { q(x, $0) } == [-1.2, -0.4, 0.7, 5, 9.1])
    }

    @Test("multiplier moments: Rademacher ±1, Mammen E V = 0, E V² = E V³ = 1")
    func multiplierMoments() {
        var stream = RandomStream(seed: 11, stream: 0)
        let count = 200_000
        let rademacher = MultiplierWeights.rademacher.draws(count, from: &stream)
        #expect(rademacher.allSatisfy { $0 == 1 || $0 == -1 })
        // SD of the mean of ±1 is 1/sqrt(N) ≈ 0.0022: 0.01 is 4.5 SDs.
        #expect(abs(rademacher.reduce(0, +) / Double(count)) < 0.01)
        let mammen = MultiplierWeights.mammen.draws(count, from: &stream)
        #expect(Set(mammen).count == 2)
        func moment(_ p: Double) -> Double { mammen.reduce(0) { $0 + pow($1, p) } / Double(count) }
        // SDs over N draws: V 0.0022, V² ≈ 0.0022, V³ = 2/sqrt(N) ≈ 0.0045; tolerances ≥ 4 SDs.
        #expect(abs(moment(1)) < 0.01)
        #expect(abs(moment(2) - 1) < 0.01)
        #expect(abs(moment(3) - 1) < 0.02)
    }

    @Test("each replicate is (1/n) Σ_c V_c S_c with the replicate's own multipliers (naive reference)")
    func replicatesMatchNaiveSums() {
        let columns = Self.influence(n: 60, columns: 3, seed: 3)
        let clusters = (0..<60).map { $0 % 7 }
        for weights in MultiplierWeights.allCases {
            let draws = MultiplierBootstrap.run(columns: columns, clusters: clusters, replicates: 25, seed: 8, weights: weights)
            #expect(draws.clusterCount == 7 && draws.unitCount == 60)
            for r in 0..<25 {
                let v = MultiplierBootstrap.multipliers(forReplicate: r, count: 7, seed: 8, weights: weights)
                for k in 0..<3 {
                    var total = 0.0
                    for i in 0..<60 { total += v[clusters[i]] * columns[k][i] }
                    #expect(abs(draws.values[r * 3 + k] - total / 60) <= 1e-12)
                }
            }
        }
    }

    @Test("bit-for-bit identical on 1, 2 and 3 threads")
    func threadIndependence() {
        let columns = Self.influence(n: 300, columns: 4, seed: 5)
        let one = MultiplierBootstrap.run(columns: columns, replicates: 301, seed: 77, threads: 1)
        let two = MultiplierBootstrap.run(columns: columns, replicates: 301, seed: 77, threads: 2)
        let three = MultiplierBootstrap.run(columns: columns, replicates: 301, seed: 77, threads: 3)
        #expect(one == two && one == three)
        let other = MultiplierBootstrap.run(columns: columns, replicates: 301, seed: 78, threads: 2)
        #expect(one.values != other.values)
    }

    @Test("clustered multipliers are constant within a cluster")
    func clusteredWeightsConstantWithinCluster() {
        // Units 2c and 2c + 1 form cluster c with influence +a_c and −a_c: a multiplier shared by
        // the cluster cancels them exactly; one per unit would not.
        var rng = SeededGenerator(seed: 21)
        let halves: [Double] = (0..<100).map { _ in rng.normal() }
        let column: [Double] = (0..<200).map { (i: Int) -> Double in i % 2 == 0 ? halves[i / 2] : -halves[i / 2] }
        let clusters: [Int] = (0..<200).map { (i: Int) -> Int in i / 2 }
        let clustered = MultiplierBootstrap.run(columns: [column], clusters: clusters, replicates: 200, seed: 4)
        #expect(clustered.values.allSatisfy { $0 == 0 })
        #expect(clustered.standardError(0) == nil)
        let perUnit = MultiplierBootstrap.run(columns: [column], replicates: 200, seed: 4)
        #expect(perUnit.values.contains { $0 != 0 })
    }

    @Test("clustering is the unclustered bootstrap of the cluster sums, rescaled by G/n")
    func clusteredEqualsBootstrapOfClusterSums() {
        let columns = Self.influence(n: 240, columns: 2, seed: 9)
        let clusters = (0..<240).map { ($0 * 7) % 40 }
        let sums = columns.map { column in
            (0..<40).map { c in (0..<240).filter { clusters[$0] == c }.reduce(0.0) { $0 + column[$1] } }
        }
        let clustered = MultiplierBootstrap.run(columns: columns, clusters: clusters, replicates: 100, seed: 2)
        let ofSums = MultiplierBootstrap.run(columns: sums, replicates: 100, seed: 2)
        for (a, b) in zip(clustered.values, ofSums.values) {
            #expect(abs(a - b * 40 / 240) <= 1e-12 * max(1, abs(a)))
        }
        for k in 0..<2 {
            #expect(abs(clustered.analyticStandardErrors[k] - Self.analytic(columns[k], clusters: clusters)) <= 1e-12)
        }
    }

    @Test("bootstrap SE within Monte Carlo tolerance of the analytic SE", arguments: MultiplierWeights.allCases)
    func standardErrorMatchesAnalytic(weights: MultiplierWeights) {
        let columns = Self.influence(n: 2000, columns: 3, seed: 13)
        let draws = MultiplierBootstrap.run(columns: columns, replicates: 4000, seed: 99, weights: weights)
        for k in 0..<3 {
            let se = draws.standardError(k)!
            let analytic = Self.analytic(columns[k])
            #expect(abs(draws.analyticStandardErrors[k] - analytic) <= 1e-12 * analytic)
            // The normalized IQR of B normal draws has relative SD ≈ 1.17/sqrt(B) ≈ 1.8% at B = 4000
            // (asymptotics of sample quantiles, corr(q.25, q.75) = 1/3); 7% is 3.8 SDs.
            #expect(abs(se / analytic - 1) < 0.07, "column \(k): \(se) vs \(analytic)")
        }
        let clusters = (0..<2000).map { $0 % 150 }
        let clustered = MultiplierBootstrap.run(
            columns: columns, clusters: clusters, replicates: 4000, seed: 99, weights: weights)
        for k in 0..<3 {
            let analytic = Self.analytic(columns[k], clusters: clusters)
            #expect(abs(clustered.standardError(k)! / analytic - 1) < 0.07, "clustered column \(k)")
        }
    }

    @Test("sup-t critical value lies between the pointwise z and Bonferroni, near Šidák for independent columns")
    func uniformCriticalValueBounds() throws {
        let k = 8
        let columns = Self.influence(n: 3000, columns: k, seed: 31)
        let draws = MultiplierBootstrap.run(columns: columns, replicates: 4000, seed: 5)
        let normal = Normal()
        let c = try #require(draws.uniformCriticalValue(level: 0.95))
        // Exact on the draws: max_j |t_bj| ≥ |t_bj| gives c ≥ each marginal 95% quantile, and the
        // union bound over the empirical distribution gives c ≤ the largest marginal 1 − 0.05/K quantile.
        let marginal = { (j: Int, p: Double) -> Double in
            let se = draws.standardError(j)!
            return MultiplierBootstrapDraws.quantileType1(sorted: draws.deviations(j).map { abs($0 / se) }.sorted(), p)
        }
        #expect(c >= (0..<k).map { marginal($0, 0.95) }.max()!)
        #expect(c <= (0..<k).map { marginal($0, 1 - 0.05 / Double(k)) }.max()!)
        // Against normal theory: above z.975, and below Bonferroni up to Monte Carlo error (each
        // estimated SE has relative SD 1.17/sqrt(B) ≈ 1.8%; 4 of them is 7.4%).
        #expect(c > normal.quantile(0.975))
        #expect(c < normal.quantile(1 - 0.05 / Double(2 * k)) * 1.074)
        // Independent columns: P(max |t| ≤ c) = (2Φ(c) − 1)^K, so c = Φ⁻¹((1 + 0.95^{1/K})/2) ≈ 2.73.
        // The 95% quantile of the maximum has MC SD ≈ 0.025 at B = 4000; 0.1 is 4 SDs.
        let sidak = normal.quantile((1 + pow(0.95, 1 / Double(k))) / 2)
        #expect(abs(c - sidak) < 0.1, "\(c) vs Šidák \(sidak)")
        // One column (or copies of one): the band is the pointwise interval.
        let single = try #require(draws.uniformCriticalValue(level: 0.95, over: [3]))
        #expect(abs(single - normal.quantile(0.975)) < 0.1)
        let copies = MultiplierBootstrap.run(columns: [columns[2], columns[2].map { 3 * $0 }], replicates: 4000, seed: 5)
        #expect(abs(try #require(copies.uniformCriticalValue()) - normal.quantile(0.975)) < 0.1)
        // A subset's maximum never exceeds the full set's, replicate by replicate.
        #expect(try #require(draws.uniformCriticalValue(over: [0, 1, 2])) <= c)
    }

    @Test("a column without variation has no SE and is left out of the band")
    func degenerateColumn() throws {
        let columns = Self.influence(n: 400, columns: 2, seed: 17) + [[Double](repeating: 0, count: 400)]
        let draws = MultiplierBootstrap.run(columns: columns, replicates: 999, seed: 3)
        #expect(draws.standardErrors().map { $0 == nil } == [false, false, true])
        #expect(draws.uniformCriticalValue(over: [2]) == nil)
        #expect(draws.uniformCriticalValue() == draws.uniformCriticalValue(over: [0, 1]))
    }
}
