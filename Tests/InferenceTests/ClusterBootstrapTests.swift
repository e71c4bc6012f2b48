import Testing
@testable import Inference

@Suite("ClusterBootstrap")
struct ClusterBootstrapTests {
    /// Cluster means of a toy outcome; the statistic is the weighted mean over clusters.
    static let clusterTotals: [Double] = (0..<25).map { Double($0 % 7) * 1.5 + Double($0) * 0.1 }

    static func weightedMean(_ w: [Double]) -> [Double] {
        var num = 0.0, den = 0.0
        for g in 0..<w.count { num += w[g] * clusterTotals[g]; den += w[g] }
        return [num / den, den]
    }

    @Test("each replicate draws G clusters")
    func weightsSumToG() {
        for r in 0..<50 {
            let w = ClusterBootstrap.weights(forReplicate: r, clusterCount: 25, seed: 9)
            #expect(w.reduce(0, +) == 25)
            #expect(w.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        }
    }

    @Test("bit-for-bit identical results on 1, 2 and 3 threads")
    func threadIndependence() {
        let one = ClusterBootstrap.run(clusterCount: 25, replicates: 501, seed: 123, threads: 1) { Self.weightedMean($0) }
        let two = ClusterBootstrap.run(clusterCount: 25, replicates: 501, seed: 123, threads: 2) { Self.weightedMean($0) }
        let three = ClusterBootstrap.run(clusterCount: 25, replicates: 501, seed: 123, threads: 3) { Self.weightedMean($0) }
        #expect(one == two)
        #expect(one == three)
        #expect(one.failed == 0)
        #expect(one.statisticCount == 2)
    }

    @Test("a different seed gives different replicates")
    func seedMatters() {
        let a = ClusterBootstrap.run(clusterCount: 25, replicates: 50, seed: 1) { Self.weightedMean($0) }
        let b = ClusterBootstrap.run(clusterCount: 25, replicates: 50, seed: 2) { Self.weightedMean($0) }
        #expect(a.values != b.values)
    }

    @Test("failed replicates are counted and skipped")
    func failures() {
        struct Singular: Error {}
        let result = ClusterBootstrap.run(clusterCount: 10, replicates: 200, seed: 5) { w in
            // Fails whenever cluster 0 is not drawn: probability (9/10)^10 ≈ 0.35 per replicate.
            if w[0] == 0 { throw Singular() }
            return [w[0]]
        }
        let expectedFailures = (0..<200).filter { ClusterBootstrap.weights(forReplicate: $0, clusterCount: 10, seed: 5)[0] == 0 }.count
        #expect(result.failed == expectedFailures)
        #expect(result.failed > 0)
        #expect(result.statistic(0).count == 200 - expectedFailures)
    }

    @Test("bootstrap SE of a mean over clusters is close to the analytic SE")
    func standardErrorOfMean() {
        // With equal cluster sizes, the bootstrap SE of the mean of G cluster means is
        // approximately sqrt((G-1)/G) * s / sqrt(G), s the sd of the cluster means.
        let g = Double(Self.clusterTotals.count)
        let mean = Self.clusterTotals.reduce(0, +) / g
        let s = (Self.clusterTotals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (g - 1)).squareRoot()
        let analytic = ((g - 1) / g).squareRoot() * s / g.squareRoot()
        let result = ClusterBootstrap.run(clusterCount: 25, replicates: 4000, seed: 77) { Self.weightedMean($0) }
        // Monte Carlo error of an SE estimate from B replicates ≈ SE / sqrt(2B) ≈ 1.1 %; allow 5 %.
        #expect(abs(result.standardError(0) / analytic - 1) < 0.05)
    }
}
