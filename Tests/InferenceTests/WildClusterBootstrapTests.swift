import Foundation
import LinearAlgebra
import Testing

@testable import Inference

/// The wild cluster bootstrap against the `wildboottest` package (full enumeration, deterministic),
/// against a brute-force refit of every replicate, for thread invariance and for size under H₀.
@Suite("Wild cluster bootstrap", .serialized)
struct WildClusterBootstrapTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            let coefficient: Int
            let impose_null: Bool
            let replicates: Int
            let t_statistic: Double
            let p_value: Double
            let equal_tailed_p_value: Double
            let bootstrap_t_sorted: [Double]
        }
        let cases: [Case]
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The reference data: design (1, x1, x2), y and cluster codes.
    static func data() throws -> (Matrix, [Double], [Int]) {
        let text = try String(
            contentsOf: root.appendingPathComponent("datasets/reference/data/wild_bootstrap.csv"), encoding: .utf8)
        var rows: [[Double]] = []
        var y: [Double] = []
        var clusters: [Int] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map { Double($0)! }
            y.append(f[0])
            rows.append([1, f[1], f[2]])
            clusters.append(Int(f[3]))
        }
        return (Matrix(rowMajor: rows), y, clusters)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-8) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test("t statistic, bootstrap t's and p-values equal wildboottest's under full enumeration")
    func matchesWildboottest() throws {
        let (x, y, clusters) = try Self.data()
        let reference = try JSONDecoder().decode(
            Reference.self,
            from: Data(contentsOf: Self.root.appendingPathComponent("datasets/reference/wild_bootstrap.json")))
        for c in reference.cases {
            let result = try WildClusterBootstrap.test(
                design: x, response: y, clusters: clusters, coefficient: c.coefficient, imposeNull: c.impose_null,
                replicates: 999, seed: 1)
            #expect(result.fullEnumeration)
            #expect(result.replicates == c.replicates)
            #expect(Self.close(result.tStatistic, c.t_statistic))
            #expect(result.pValue == c.p_value)
            #expect(result.equalTailedPValue == c.equal_tailed_p_value)
            let sorted = result.bootstrapT.sorted()
            #expect(zip(sorted, c.bootstrap_t_sorted).allSatisfy { Self.close($0, $1) }, "coefficient \(c.coefficient)")
        }
    }

    @Test("each replicate's t* equals the CR1 t of an explicit refit on y* = Xβ + û⊙v", arguments: [true, false])
    func bruteForce(imposeNull: Bool) throws {
        let (x, y, clusters) = try Self.data()
        let j = 1
        let result = try WildClusterBootstrap.test(
            design: x, response: y, clusters: clusters, coefficient: j, imposeNull: imposeNull, weights: .webb,
            replicates: 40, seed: 7)
        #expect(!result.fullEnumeration)
        let v = WildClusterBootstrap.weightBlock(start: 0, count: 40, clusters: 8, weights: .webb, enumerate: false, seed: 7)
        let inverse = naiveInverse(x.gram())
        let betaHat = inverse.times(x.times(y, transpose: true))
        var beta = betaHat
        if imposeNull {
            let shift = betaHat[j] / inverse[j, j]
            for a in 0..<3 { beta[a] -= inverse[a, j] * shift }
        }
        let fitted = x.times(beta)
        let n = Double(x.rows)
        let factor = 8.0 / 7.0 * (n - 1) / (n - 3)
        for b in 0..<40 {
            let yStar = (0..<x.rows).map { fitted[$0] + (y[$0] - fitted[$0]) * v[clusters[$0], b] }
            let bStar = inverse.times(x.times(yStar, transpose: true))
            let residual = zip(yStar, x.times(bStar)).map { $0 - $1 }
            var scores = [[Double]](repeating: [0, 0, 0], count: 8)
            for i in 0..<x.rows { for a in 0..<3 { scores[clusters[i]][a] += x[i, a] * residual[i] } }
            let variance = factor * scores.reduce(0) { sum, s in
                let c = (0..<3).reduce(0) { $0 + inverse[j, $1] * s[$1] }
                return sum + c * c
            }
            let expected = (bStar[j] - beta[j]) / variance.squareRoot()
            #expect(Self.close(result.bootstrapT[b], expected, 1e-10), "replicate \(b)")
        }
    }

    @Test("bit-identical on 1 and 2 threads, and on 1 and 2 BLAS threads")
    func threadInvariant() throws {
        var generator = SeededGenerator(seed: 11)
        let n = 2_400, g = 120
        let clusters = (0..<n).map { $0 * g / n }
        let x = Matrix(rowMajor: (0..<n).map { _ in [1, generator.normal(), generator.normal()] })
        let y = (0..<n).map { 0.1 * x[$0, 1] + generator.normal() }
        let previous = BLASThreads.count
        defer { BLASThreads.set(previous) }
        BLASThreads.set(1)
        let one = try WildClusterBootstrap.test(
            design: x, response: y, clusters: clusters, coefficient: 1, replicates: 999, seed: 3, threads: 1)
        BLASThreads.set(2)
        let two = try WildClusterBootstrap.test(
            design: x, response: y, clusters: clusters, coefficient: 1, replicates: 999, seed: 3, threads: 2)
        let three = try WildClusterBootstrap.test(
            design: x, response: y, clusters: clusters, coefficient: 1, replicates: 999, seed: 3, threads: 3)
        #expect(one == two)
        #expect(one == three)
        let again = try WildClusterBootstrap.test(design: x, response: y, clusters: clusters, coefficient: 1, replicates: 999, seed: 4)
        #expect(again.bootstrapT != one.bootstrapT)
    }

    @Test("under H0 with 20 clusters the 5% WCR test rejects about 5% of the time")
    func sizeUnderNull() throws {
        // 300 seeded datasets with cluster-correlated errors and a true coefficient of 0; the
        // rejection share's Monte Carlo SE is about 1.3 points, so [1%, 10%] is a loose, stable band.
        var generator = SeededGenerator(seed: 2026)
        let g = 20, perCluster = 15
        let clusters = (0..<(g * perCluster)).map { $0 / perCluster }
        var rejections = 0
        for replication in 0..<300 {
            let shocks = (0..<g).map { _ in generator.normal() }
            let xShocks = (0..<g).map { _ in generator.normal() }
            let x = Matrix(rowMajor: clusters.map { [1, xShocks[$0] + generator.normal()] })
            let y = clusters.map { shocks[$0] + generator.normal() }
            let result = try WildClusterBootstrap.test(
                design: x, response: y, clusters: clusters, coefficient: 1, replicates: 199, seed: UInt64(replication))
            if result.pValue < 0.05 { rejections += 1 }
        }
        let share = Double(rejections) / 300
        #expect(share > 0.01 && share < 0.10, "rejection share \(share)")
    }

    @Test("few clusters, collinear designs and bad indices are typed errors")
    func errors() throws {
        let x = Matrix(rowMajor: [[1, 1], [1, 2], [1, 3], [1, 4]])
        #expect(throws: WildClusterBootstrapError.tooFewClusters(count: 1)) {
            try WildClusterBootstrap.test(design: x, response: [1, 2, 3, 4], clusters: [0, 0, 0, 0], coefficient: 1, seed: 1)
        }
        let collinear = Matrix(rowMajor: [[1, 2], [1, 2], [1, 2], [1, 2]])
        #expect(throws: WildClusterBootstrapError.singularDesign) {
            try WildClusterBootstrap.test(design: collinear, response: [1, 2, 3, 4], clusters: [0, 0, 1, 1], coefficient: 1, seed: 1)
        }
        #expect(throws: WildClusterBootstrapError.coefficientOutOfRange(index: 5, columns: 2)) {
            try WildClusterBootstrap.test(design: x, response: [1, 2, 3, 4], clusters: [0, 0, 1, 1], coefficient: 5, seed: 1)
        }
    }

    @Test("Webb weights take six values with mean 0 and variance 1")
    func webbWeights() {
        let v = WildClusterBootstrap.weightBlock(start: 0, count: 2_000, clusters: 30, weights: .webb, enumerate: false, seed: 9)
        #expect(Set(v.elements).count == 6)
        let mean = v.elements.reduce(0, +) / Double(v.elements.count)
        let variance = v.elements.reduce(0) { $0 + $1 * $1 } / Double(v.elements.count)
        #expect(abs(mean) < 0.02 && abs(variance - 1) < 0.02)
    }
}
