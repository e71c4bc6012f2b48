import LinearAlgebra
import Testing

@testable import Inference

/// Naive multi-way sum `Σ_S (−1)^{|S|+1} c_S V_S`, cells numbered by mixed radix independently of
/// `ClusterVariable.intersection`.
private func naiveMultiWay(_ p: SimulatedRegression, _ dims: [[Int]], radix: [Int]) -> Matrix {
    let n = p.x.rows
    let k = p.x.columns
    var total = Matrix(rows: k, columns: k)
    for mask in 1..<(1 << dims.count) {
        let members = dims.indices.filter { mask & (1 << $0) != 0 }
        let cells = (0..<n).map { i in members.reduce(0) { $0 * radix[$1] + dims[$1][i] } }
        let g = Set(cells).count
        let factor = Double(g) / Double(g - 1) * Double(n - 1) / Double(n - k)
        let v = factor * naiveCluster(p, codes: cells)
        total = members.count % 2 == 1 ? total + v : total - v
    }
    return total
}

@Suite("Multi-way clustering by inclusion–exclusion (CGM 2011; sandwich vcovCL multi0 = FALSE)")
struct CovarianceEstimatorMultiWayTests {
    static let problems = [
        SimulatedRegression(n: 120, k: 4, seed: 11),
        SimulatedRegression(n: 90, k: 3, seed: 12, weighted: true),
    ]

    @Test("two-way = c_a V_a + c_b V_b − c_ab V_ab, each factor with its own G; df min(G) − 1", arguments: problems)
    func twoWayCluster(p: SimulatedRegression) throws {
        let n = p.x.rows
        let k = p.x.columns
        let a = (0..<n).map { $0 % 9 }
        let b = (0..<n).map { ($0 / 3) % 5 }
        // Intersection cells numbered independently of ClusterVariable.intersection: code a·5 + b.
        let ab = (0..<n).map { a[$0] * 5 + b[$0] }
        let cellCount = Set(ab).count
        func factor(_ g: Int) -> Double { Double(g) / Double(g - 1) * Double(n - 1) / Double(n - k) }
        let expected =
            factor(9) * naiveCluster(p, codes: a) + factor(5) * naiveCluster(p, codes: b)
            - factor(cellCount) * naiveCluster(p, codes: ab)
        let clusters = [
            try ClusterVariable(name: "firm", codes: a.map(Int32.init)),
            try ClusterVariable(name: "year", codes: b.map(Int32.init)),
        ]
        let v = try CovarianceEstimator.estimate(
            .clustered(by: ["firm", "year"]), components: components(p), clusters: clusters)
        // Compared before any eigenvalue clipping, which the next test covers.
        #expect(maxRelativeDifference(v.unclippedMatrix, expected) < 1e-9)
        #expect(
            v.clippedEigenvalues == 0
                ? v.matrix == v.unclippedMatrix : v.warnings.contains { $0.contains("not positive semi-definite") })
        #expect(v.degreesOfFreedom == 4)
        #expect(v.clusterCounts == [9, 5])
        #expect(v.label == "Clustered (firm, year), G = 9, 5, CR1 (two-way CGM)")
    }

    @Test("two-way with the same variable twice reduces to one-way")
    func twoWaySameVariable() throws {
        let p = SimulatedRegression(n: 80, k: 3, seed: 31)
        let codes = (0..<80).map { Int32($0 % 40) }
        let a = try ClusterVariable(name: "a", codes: codes)
        let b = try ClusterVariable(name: "b", codes: codes)
        let two = try CovarianceEstimator.estimate(
            .clustered(by: ["a", "b"]), components: components(p), clusters: [a, b])
        let one = try CovarianceEstimator.estimate(.clustered(by: ["a"]), components: components(p), clusters: [a])
        #expect(maxRelativeDifference(two.matrix, one.matrix) < 1e-10)
        #expect(two.clippedEigenvalues == 0)
    }

    @Test("negative eigenvalues are clipped to zero (CGM 2011 §2.3), PSD input untouched")
    func eigenClipping() throws {
        // Q diag(3, −1, 0.5) Qᵀ with a rotation Q.
        let c = 0.6
        let s = 0.8
        let q = Matrix(rowMajor: [[c, -s, 0], [s, c, 0], [0, 0, 1]])
        let d = Matrix(rowMajor: [[3, 0, 0], [0, -1, 0], [0, 0, 0.5]])
        let v = naiveProduct(q, naiveProduct(d, q.transposed))
        let (repaired, clipped) = try CovarianceEstimator.clippingNegativeEigenvalues(v)
        #expect(clipped == 1)
        let dPlus = Matrix(rowMajor: [[3, 0, 0], [0, 0, 0], [0, 0, 0.5]])
        let expected = naiveProduct(q, naiveProduct(dPlus, q.transposed))
        for e in expected.elements.indices { #expect(abs(repaired.elements[e] - expected.elements[e]) < 1e-12) }
        let psd = naiveProduct(q, naiveProduct(dPlus, q.transposed))
        let (same, none) = try CovarianceEstimator.clippingNegativeEigenvalues(psd)
        #expect(none == 0 && same == psd)
    }

    @Test("three-way = the 7 intersection terms with signs (−1)^{|S|+1}, own G each; df min G − 1", arguments: problems)
    func threeWayCluster(p: SimulatedRegression) throws {
        let n = p.x.rows
        let a = (0..<n).map { $0 % 9 }
        let b = (0..<n).map { ($0 / 3) % 5 }
        let c = (0..<n).map { ($0 * 7 / 5) % 4 }
        let expected = naiveMultiWay(p, [a, b, c], radix: [9, 5, 4])
        let clusters = try [("firm", a), ("year", b), ("region", c)].map {
            try ClusterVariable(name: $0.0, codes: $0.1.map(Int32.init))
        }
        let v = try CovarianceEstimator.estimate(
            .clustered(by: ["firm", "year", "region"]), components: components(p), clusters: clusters)
        #expect(maxRelativeDifference(v.unclippedMatrix, expected) < 1e-9)
        #expect(v.degreesOfFreedom == 3)
        #expect(v.clusterCounts == [9, 5, 4])
        #expect(v.label == "Clustered (firm, year, region), G = 9, 5, 4, CR1 (three-way CGM)")
        #expect(v.warnings.filter { $0.hasPrefix("Only") }.count == 3)
        #expect(v.clusterSizes.map { $0.variable } == ["firm", "year", "region"])
        let raw = try CovarianceEstimator.estimate(
            .clustered(by: ["firm", "year", "region"], correction: .none), components: components(p),
            clusters: clusters)
        var plain = Matrix(rows: p.x.columns, columns: p.x.columns)
        for mask in 1..<8 {
            let members = [a, b, c].indices.filter { mask & (1 << $0) != 0 }
            let cells = (0..<n).map { i in members.reduce(0) { $0 * 10 + [a, b, c][$1][i] } }
            let term = naiveCluster(p, codes: cells)
            plain = members.count % 2 == 1 ? plain + term : plain - term
        }
        #expect(maxRelativeDifference(raw.unclippedMatrix, plain) < 1e-9)
    }

    @Test("three-way with the same variable three times reduces to one-way (3V − 3V + V)")
    func threeWaySameVariable() throws {
        let p = SimulatedRegression(n: 80, k: 3, seed: 32)
        let codes = (0..<80).map { Int32($0 % 40) }
        let dims = try ["a", "b", "c"].map { try ClusterVariable(name: $0, codes: codes) }
        let three = try CovarianceEstimator.estimate(
            .clustered(by: ["a", "b", "c"]), components: components(p), clusters: dims)
        let one = try CovarianceEstimator.estimate(.clustered(by: ["a"]), components: components(p), clusters: [dims[0]])
        #expect(maxRelativeDifference(three.matrix, one.matrix) < 1e-10)
    }
}
