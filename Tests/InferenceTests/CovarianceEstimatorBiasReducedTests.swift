import LinearAlgebra
import Testing

@testable import Inference

/// Dense textbook CR2/CR3/Satterthwaite on full N × N matrices: an implementation that shares
/// nothing with the QR-based per-cluster blocks except the eigen-decomposition of `B_g`.
private struct DenseClusterReference {
    let p: SimulatedRegression
    let codes: [Int]
    let w: [Double]
    /// `I − H` with `H = X M X'W`.
    let iMinusH: Matrix

    init(_ p: SimulatedRegression, codes: [Int]) {
        self.p = p
        self.codes = codes
        let n = p.x.rows
        w = p.weights ?? [Double](repeating: 1, count: n)
        let xm = naiveProduct(p.x, p.bread)
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n {
                var h = 0.0
                for a in 0..<p.x.columns { h += xm[i, a] * p.x[j, a] }
                m[i, j] = (i == j ? 1 : 0) - h * w[j]
            }
        }
        iMinusH = m
    }

    var clusters: [[Int]] {
        Dictionary(grouping: codes.indices, by: { codes[$0] }).sorted { $0.key < $1.key }.map(\.value)
    }

    /// `A_g = [(I − H)(I − H)ᵀ]_gg^{+,−1/2}` (Φ = I).
    func cr2Adjustment(_ rows: [Int]) throws -> Matrix {
        let full = naiveProduct(iMinusH, iMinusH.transposed)
        let block = Matrix(rowMajor: rows.map { i in rows.map { full[i, $0] } })
        let eigen = try SymmetricEigen(block)
        let d = Matrix(diagonal: eigen.values.map { $0 > 1e-12 ? 1 / $0.squareRoot() : 0 })
        return naiveProduct(eigen.vectors, naiveProduct(d, eigen.vectors.transposed))
    }

    func cr2() throws -> Matrix {
        let k = p.x.columns
        var meat = Matrix(rows: k, columns: k)
        for rows in clusters {
            let a = try cr2Adjustment(rows)
            let e = rows.map { p.residuals[$0] }
            let ae = (0..<rows.count).map { t in (0..<rows.count).reduce(0.0) { $0 + a[t, $1] * e[$1] } }
            let s = (0..<k).map { j in rows.indices.reduce(0.0) { $0 + p.x[rows[$1], j] * w[rows[$1]] * ae[$1] } }
            for i in 0..<k { for j in 0..<k { meat[i, j] += s[i] * s[j] } }
        }
        return naiveProduct(p.bread, naiveProduct(meat, p.bread))
    }

    /// `Σ_g (b − b₍g₎)(b − b₍g₎)ᵀ` by refitting without each cluster.
    func jackknife() -> Matrix {
        let k = p.x.columns
        var v = Matrix(rows: k, columns: k)
        for rows in clusters {
            let out = Set(rows)
            let ww = p.x.rows.indices(excluding: out, weights: w)
            let bread = naiveInverse(naiveWeightedGram(p.x, ww))
            var xty = [Double](repeating: 0, count: k)
            for j in 0..<k { for i in 0..<p.x.rows { xty[j] += p.x[i, j] * ww[i] * p.y[i] } }
            let b = (0..<k).map { a in (0..<k).reduce(0.0) { $0 + bread[a, $1] * xty[$1] } }
            let d = (0..<k).map { p.coefficients[$0] - b[$0] }
            for i in 0..<k { for j in 0..<k { v[i, j] += d[i] * d[j] } }
        }
        return v
    }

    /// `(tr P)² / ‖P‖²` with `P_gh = p_gᵀp_h`, `p_g = (I − H)_{g·}ᵀ A_g W_g X_g M c`.
    func satterthwaite(_ c: [Double]) throws -> Double {
        let z = p.bread.times(c)
        let n = p.x.rows
        let vectors = try clusters.map { rows -> [Double] in
            let a = try cr2Adjustment(rows)
            let wxz = rows.map { i in w[i] * (0..<p.x.columns).reduce(0.0) { $0 + p.x[i, $1] * z[$1] } }
            let q = (0..<rows.count).map { t in (0..<rows.count).reduce(0.0) { $0 + a[t, $1] * wxz[$1] } }
            return (0..<n).map { j in rows.indices.reduce(0.0) { $0 + iMinusH[rows[$1], j] * q[$1] } }
        }
        var trace = 0.0
        var squares = 0.0
        for g in vectors.indices {
            for h in vectors.indices {
                let pgh = zip(vectors[g], vectors[h]).reduce(0.0) { $0 + $1.0 * $1.1 }
                if g == h { trace += pgh }
                squares += pgh * pgh
            }
        }
        return trace * trace / squares
    }
}

extension Int {
    /// Weights with the rows in `out` set to zero.
    fileprivate func indices(excluding out: Set<Int>, weights w: [Double]) -> [Double] {
        (0..<self).map { out.contains($0) ? 0 : w[$0] }
    }
}

/// Unequal clusters: sizes from 1 to 17.
private func unequalCodes(_ n: Int) -> [Int] { (0..<n).map { Int((Double($0 * $0) / Double(n * n) * 9).rounded(.down)) } }

@Suite("CR2 and CR3 against dense N × N formulas and explicit jackknife refits (rtol 1e-10)")
struct CovarianceEstimatorBiasReducedTests {
    static let problems = [
        SimulatedRegression(n: 70, k: 4, seed: 51),
        SimulatedRegression(n: 60, k: 3, seed: 52, weighted: true),
    ]

    @Test("CR2 = B Σ X_gᵀW_g A_g e_g (…)ᵀ B with A_g = [(I−H)(I−H)ᵀ]_gg^{−1/2}; df G − 1; label", arguments: problems)
    func cr2(p: SimulatedRegression) throws {
        let codes = unequalCodes(p.x.rows)
        let cluster = try ClusterVariable(name: "firm", codes: codes.map(Int32.init))
        let v = try CovarianceEstimator.estimate(.cr2(by: "firm"), components: components(p), clusters: [cluster])
        let expected = try DenseClusterReference(p, codes: codes).cr2()
        #expect(maxRelativeDifference(v.matrix, expected) < 1e-10)
        #expect(v.degreesOfFreedom == Double(cluster.count - 1))
        #expect(v.label == "Clustered (firm), G = 9, CR2 (Bell–McCaffrey)")
        #expect(v.warnings.count == 1 && v.warnings[0].contains("Only 9 clusters in 'firm'"))
        #expect(v.warnings[0].contains("wild cluster bootstrap") && v.warnings[0].contains("Satterthwaite"))
    }

    @Test("CR3 = Σ_g (b − b₍g₎)(b − b₍g₎)ᵀ from refits without each cluster", arguments: problems)
    func cr3(p: SimulatedRegression) throws {
        let codes = unequalCodes(p.x.rows)
        let cluster = try ClusterVariable(name: "firm", codes: codes.map(Int32.init))
        let v = try CovarianceEstimator.estimate(.cr3(by: "firm"), components: components(p), clusters: [cluster])
        #expect(maxRelativeDifference(v.matrix, DenseClusterReference(p, codes: codes).jackknife()) < 1e-9)
        #expect(v.label == "Clustered (firm), G = 9, CR3 (cluster jackknife)")
    }

    @Test("one observation per cluster: CR3 = HC3 (OLS and WLS), CR2 = HC2 (OLS)", arguments: problems)
    func singletons(p: SimulatedRegression) throws {
        let ids = try ClusterVariable(name: "id", codes: (0..<p.x.rows).map { Int32($0) })
        let cr3 = try CovarianceEstimator.estimate(.cr3(by: "id"), components: components(p), clusters: [ids])
        let hc3 = try CovarianceEstimator.estimate(.hc3, components: components(p))
        #expect(maxRelativeDifference(cr3.matrix, hc3.matrix) < 1e-10)
        let cr2 = try CovarianceEstimator.estimate(.cr2(by: "id"), components: components(p), clusters: [ids])
        if p.weights == nil {
            let hc2 = try CovarianceEstimator.estimate(.hc2, components: components(p))
            #expect(maxRelativeDifference(cr2.matrix, hc2.matrix) < 1e-10)
        } else {
            // With weights the working model Φ = I is not the whitened one, so CR2 ≠ HC2.
            let expected = try DenseClusterReference(p, codes: Array(0..<p.x.rows)).cr2()
            #expect(maxRelativeDifference(cr2.matrix, expected) < 1e-10)
        }
    }

    @Test("WLS CR2 is invariant to rescaling the weights; unit weights give the OLS CR2")
    func weightScaling() throws {
        let p = SimulatedRegression(n: 50, k: 3, seed: 53, weighted: true)
        let codes = (0..<50).map { Int32($0 % 7) }
        let cluster = try ClusterVariable(name: "g", codes: codes)
        let base = try CovarianceEstimator.estimate(.cr2(by: "g"), components: components(p), clusters: [cluster])
        let scaled = SandwichComponents(
            design: p.x, residuals: p.residuals, weights: p.weights!.map { 3 * $0 }, bread: (1.0 / 3) * p.bread)
        let v = try CovarianceEstimator.estimate(.cr2(by: "g"), components: scaled, clusters: [cluster])
        #expect(maxRelativeDifference(v.matrix, base.matrix) < 1e-10)

        let ols = SimulatedRegression(n: 50, k: 3, seed: 54)
        let unit = SandwichComponents(
            design: ols.x, residuals: ols.residuals, weights: [Double](repeating: 1, count: 50), bread: ols.bread)
        let viaWeights = try CovarianceEstimator.estimate(.cr2(by: "g"), components: unit, clusters: [cluster])
        let plain = try CovarianceEstimator.estimate(.cr2(by: "g"), components: components(ols), clusters: [cluster])
        #expect(maxRelativeDifference(viaWeights.matrix, plain.matrix) < 1e-10)
    }

    @Test("a dummy for one cluster: CR2 uses the pseudo-inverse with a warning; CR3 throws", arguments: [false, true])
    func clusterDummy(weighted: Bool) throws {
        let base = SimulatedRegression(n: 40, k: 3, seed: 55, weighted: weighted)
        let codes = (0..<40).map { $0 / 8 }
        // Column 2 becomes the dummy of cluster 0; refit so the residuals belong to this design.
        var x = base.x
        for i in 0..<40 { x[i, 2] = codes[i] == 0 ? 1 : 0 }
        let p = SimulatedRegression(design: x, y: base.y, weights: base.weights)
        let cluster = try ClusterVariable(name: "site", codes: codes.map(Int32.init))
        let v = try CovarianceEstimator.estimate(.cr2(by: "site"), components: components(p), clusters: [cluster])
        #expect(maxRelativeDifference(v.matrix, try DenseClusterReference(p, codes: codes).cr2()) < 1e-9)
        #expect(v.warnings.contains { $0.contains("In 1 cluster(s) of 'site', I − H_gg is singular") })
        #expect(throws: InferenceError.jackknifeUndefined(variable: "site", clusters: 1)) {
            try CovarianceEstimator.estimate(.cr3(by: "site"), components: components(p), clusters: [cluster])
        }
        #expect(InferenceError.jackknifeUndefined(variable: "site", clusters: 1).description.contains("Use CR2"))
    }

    @Test("CR2/CR3 with several cluster variables are rejected")
    func multiway() throws {
        let p = SimulatedRegression(n: 30, k: 2, seed: 56)
        let a = try ClusterVariable(name: "a", codes: (0..<30).map { Int32($0 % 3) })
        let b = try ClusterVariable(name: "b", codes: (0..<30).map { Int32($0 % 5) })
        for correction in [SmallSampleCorrection.cr2, .cr3] {
            #expect(throws: InferenceError.multiwayResidualAdjustment(correction: correction.shortName, dimensions: 2)) {
                try CovarianceEstimator.estimate(
                    .clustered(by: ["a", "b"], correction: correction), components: components(p), clusters: [a, b])
            }
        }
    }

    @Test("Satterthwaite df = (tr P)²/‖P‖² against the dense G × G matrix P", arguments: problems)
    func satterthwaite(p: SimulatedRegression) throws {
        let codes = unequalCodes(p.x.rows)
        let cluster = try ClusterVariable(name: "firm", codes: codes.map(Int32.init))
        let k = p.x.columns
        let contrasts = (0..<k).map { j in (0..<k).map { $0 == j ? 1.0 : 0.0 } } + [(0..<k).map { Double($0) - 0.5 }]
        let df = try CovarianceEstimator.satterthwaiteDegreesOfFreedom(
            contrasts: contrasts, components: components(p), cluster: cluster)
        let dense = DenseClusterReference(p, codes: codes)
        for (c, value) in zip(contrasts, df) {
            #expect(abs(value / (try dense.satterthwaite(c)) - 1) < 1e-10)
            #expect(value > 1 && value < Double(cluster.count))
        }
    }

    @Test("Satterthwaite df of a mean with G balanced clusters is exactly G − 1")
    func satterthwaiteBalancedMean() throws {
        let n = 48
        let x = Matrix(rows: n, columns: 1, repeating: 1)
        let y = (0..<n).map { Double(($0 * 37) % 11) }
        let p = SimulatedRegression(design: x, y: y, weights: nil)
        let cluster = try ClusterVariable(name: "g", codes: (0..<n).map { Int32($0 / 8) })
        let df = try CovarianceEstimator.satterthwaiteDegreesOfFreedom(
            contrasts: [[1]], components: components(p), cluster: cluster)
        #expect(abs(df[0] - 5) < 1e-12)
    }
}
