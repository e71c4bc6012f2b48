import LinearAlgebra
import Testing

@testable import Inference

/// Naive sandwich `c · B (Σ ωᵢ xᵢxᵢᵀ) B` by loops.
private func naiveSandwich(_ p: SimulatedRegression, omega: [Double], factor: Double = 1) -> Matrix {
    let meat = naiveWeightedGram(p.x, omega)
    return factor * naiveProduct(p.bread, naiveProduct(meat, p.bread))
}

private func naiveLeverage(_ p: SimulatedRegression) -> [Double] {
    (0..<p.x.rows).map { i in
        var h = 0.0
        for a in 0..<p.x.columns { for b in 0..<p.x.columns { h += p.x[i, a] * p.bread[a, b] * p.x[i, b] } }
        return h * (p.weights?[i] ?? 1)
    }
}

@Suite("CovarianceEstimator against naive loop implementations (rtol 1e-10)")
struct CovarianceEstimatorTests {
    static let problems = [
        SimulatedRegression(n: 120, k: 4, seed: 11),
        SimulatedRegression(n: 90, k: 3, seed: 12, weighted: true),
    ]

    @Test("classical = s² (XᵀWX)⁻¹ with s² = Σwe²/(N−K)", arguments: problems)
    func classical(p: SimulatedRegression) throws {
        let n = p.x.rows
        let k = p.x.columns
        let ssr = (0..<n).reduce(0.0) { $0 + (p.weights?[$1] ?? 1) * p.residuals[$1] * p.residuals[$1] }
        let v = try CovarianceEstimator.estimate(.classical, components: components(p))
        #expect(maxRelativeDifference(v.matrix, (ssr / Double(n - k)) * p.bread) < 1e-10)
        #expect(v.degreesOfFreedom == Double(n - k))
        #expect(v.clusterCounts.isEmpty && v.warnings.isEmpty)
    }

    @Test("HC0–HC3 meats: (we)², ·N/(N−K), /(1−h), /(1−h)²", arguments: problems)
    func heteroskedastic(p: SimulatedRegression) throws {
        let n = p.x.rows
        let k = p.x.columns
        let u2 = (0..<n).map { i -> Double in
            let u = (p.weights?[i] ?? 1) * p.residuals[i]
            return u * u
        }
        let h = naiveLeverage(p)
        let expected: [(CovarianceType, Matrix)] = [
            (.hc0, naiveSandwich(p, omega: u2)),
            (.hc1, naiveSandwich(p, omega: u2, factor: Double(n) / Double(n - k))),
            (.hc2, naiveSandwich(p, omega: (0..<n).map { u2[$0] / (1 - h[$0]) })),
            (.hc3, naiveSandwich(p, omega: (0..<n).map { u2[$0] / ((1 - h[$0]) * (1 - h[$0])) })),
        ]
        for (type, reference) in expected {
            let v = try CovarianceEstimator.estimate(type, components: components(p))
            #expect(maxRelativeDifference(v.matrix, reference) < 1e-10, "\(type)")
            #expect(v.degreesOfFreedom == Double(n - k))
        }
        let leverage = components(p).leverage()
        #expect(zip(leverage, h).allSatisfy { abs($0 - $1) < 1e-12 })
        // Σ hᵢᵢ = trace of the hat matrix = K.
        #expect(abs(leverage.reduce(0, +) - Double(k)) < 1e-10)
    }

    @Test("one-way CR1 = G/(G−1)·(N−1)/(N−K) · B Σ s_g s_gᵀ B, df G − 1", arguments: problems)
    func oneWayCluster(p: SimulatedRegression) throws {
        let n = p.x.rows
        let k = p.x.columns
        let codes = (0..<n).map { ($0 * 7) % 13 }
        let cluster = try ClusterVariable(name: "firm", codes: codes.map(Int32.init))
        let v = try CovarianceEstimator.estimate(
            .clustered(by: ["firm"]), components: components(p), clusters: [cluster])
        let factor = 13.0 / 12.0 * Double(n - 1) / Double(n - k)
        #expect(maxRelativeDifference(v.matrix, factor * naiveCluster(p, codes: codes)) < 1e-10)
        #expect(v.degreesOfFreedom == 12)
        #expect(v.clusterCounts == [13])
        #expect(v.label == "Clustered (firm), G = 13, CR1")
        #expect(v.warnings.count == 1 && v.warnings[0].contains("Only 13 clusters in 'firm'"))
        #expect(v.warnings[0].contains("CR2") && v.warnings[0].contains("wild cluster bootstrap"))

        let raw = try CovarianceEstimator.estimate(
            .clustered(by: ["firm"], correction: .none),
            components: components(p), clusters: [cluster])
        #expect(maxRelativeDifference(raw.matrix, naiveCluster(p, codes: codes)) < 1e-10)
        #expect(raw.label == "Clustered (firm), G = 13, CR0")
    }

    @Test("CR1 with one observation per cluster equals HC1 (G/(G−1)·(N−1)/(N−K) = N/(N−K))")
    func singletonClustersEqualHC1() throws {
        let p = SimulatedRegression(n: 60, k: 3, seed: 21)
        let singletons = try ClusterVariable(name: "id", codes: (0..<60).map { Int32($0) })
        let cr1 = try CovarianceEstimator.estimate(
            .clustered(by: ["id"]), components: components(p), clusters: [singletons])
        let hc1 = try CovarianceEstimator.estimate(.hc1, components: components(p))
        #expect(maxRelativeDifference(cr1.matrix, hc1.matrix) < 1e-10)
        #expect(cr1.warnings.isEmpty)
    }

    @Test("warnings: few clusters, or many but very unequal (MacKinnon & Webb 2017), with advice per estimator")
    func clusterWarnings() throws {
        let p = SimulatedRegression(n: 200, k: 3, seed: 22)
        // 40 clusters, one holding 82 of 200 rows (41 %).
        let codes = (0..<200).map { (i: Int) -> Int32 in i < 82 ? 0 : Int32(1 + (i - 82) % 39) }
        let unequal = try ClusterVariable(name: "site", codes: codes)
        let cr1 = try CovarianceEstimator.estimate(.clustered(by: ["site"]), components: components(p), clusters: [unequal])
        #expect(cr1.warnings.count == 1)
        let text = cr1.warnings[0]
        #expect(text.hasPrefix("Clusters in 'site' are unequal in size: the largest cluster holds 41"))
        #expect(text.contains("MacKinnon & Webb 2017") && text.contains("CR2 (Bell–McCaffrey) or CR3"))
        #expect(text.contains("wild cluster bootstrap"))
        #expect(cr1.clusterSizes == [ClusterSizeSummary(unequal)])
        let cr2 = try CovarianceEstimator.estimate(.cr2(by: "site"), components: components(p), clusters: [unequal])
        #expect(cr2.warnings.count == 1 && cr2.warnings[0].contains("CR2 (Bell–McCaffrey) reduces the bias"))
        #expect(cr2.warnings[0].contains("Satterthwaite"))
        let few = try ClusterVariable(name: "region", codes: (0..<200).map { Int32($0 % 6) })
        let both = try CovarianceEstimator.estimate(
            .clustered(by: ["region", "site"]), components: components(p), clusters: [few, unequal])
        #expect(both.warnings.count == 2 && both.warnings[0].hasPrefix("Only 6 clusters in 'region'."))
    }

    @Test("errors: single cluster, missing id, bad dimensions, leverage 1, no residual df")
    func errors() throws {
        let p = SimulatedRegression(n: 30, k: 3, seed: 41)
        let one = try ClusterVariable(name: "site", codes: [Int32](repeating: 4, count: 30))
        #expect(throws: InferenceError.singleCluster(variable: "site")) {
            try CovarianceEstimator.estimate(.clustered(by: ["site"]), components: components(p), clusters: [one])
        }
        #expect(throws: InferenceError.missingClusterID(variable: "site", rows: 2)) {
            try ClusterVariable(name: "site", codes: [0, -1, 1, -1])
        }
        #expect(throws: InferenceError.unsupportedClusterDimensions(count: 4)) {
            try CovarianceEstimator.estimate(.clustered(by: ["a", "b", "c", "d"]), components: components(p))
        }
        #expect(throws: InferenceError.unsupportedClusterDimensions(count: 0)) {
            try CovarianceEstimator.estimate(.clustered(by: []), components: components(p))
        }
        // A dummy for a single row fits it exactly: leverage 1.
        var x = p.x
        for i in 0..<30 { x[i, 2] = i == 0 ? 1 : 0 }
        let bread = naiveInverse(naiveWeightedGram(x, [Double](repeating: 1, count: 30)))
        let exact = SandwichComponents(design: x, residuals: p.residuals, bread: bread)
        #expect(throws: InferenceError.leverageOfOne(rows: 1)) {
            try CovarianceEstimator.estimate(.hc2, components: exact)
        }
        #expect(throws: InferenceError.leverageOfOne(rows: 1)) {
            try CovarianceEstimator.estimate(.hc3, components: exact)
        }
        let square = SandwichComponents(design: Matrix.identity(3), residuals: [0, 0, 0], bread: Matrix.identity(3))
        #expect(throws: InferenceError.noResidualDegreesOfFreedom(observations: 3, parameters: 3)) {
            try CovarianceEstimator.estimate(.classical, components: square)
        }
        for error in [
            InferenceError.singleCluster(variable: "site"), .leverageOfOne(rows: 1),
            .missingClusterID(variable: "site", rows: 2),
        ] {
            #expect(error.description.count > 40)
        }
    }
}

extension SimulatedRegression: CustomTestStringConvertible {
    var testDescription: String { "n = \(x.rows), k = \(x.columns)\(weights == nil ? "" : ", weighted")" }
}
