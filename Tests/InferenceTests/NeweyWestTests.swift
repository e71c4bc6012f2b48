import Inference
import LinearAlgebra
import Testing

/// Newey–West HAC against a naive double sum, HC0 at lag 0, and the lag rule's values.
@Suite struct NeweyWestTests {
    /// A small random design with an intercept and its OLS-like residuals (any residuals will do).
    func data(n: Int, k: Int, seed: UInt64) -> (Matrix, [Double]) {
        var rng = SeededGenerator(seed: seed)
        let columns = (0..<k).map { j in (0..<n).map { _ in j == 0 ? 1 : rng.normal() } }
        let e = (0..<n).map { _ in rng.normal() }
        return (Matrix(columnArrays: columns), e)
    }

    /// `S = Σ_t Σ_s w_{|t−s|} (x_t e_t)(x_s e_s)ᵀ` with `w` zero beyond the lag: the definition itself.
    func naiveMeat(_ x: Matrix, _ e: [Double], lag: Int) -> Matrix {
        var s = Matrix(rows: x.columns, columns: x.columns)
        for t in 0..<x.rows {
            for u in 0..<x.rows where abs(t - u) <= lag {
                let w = 1 - Double(abs(t - u)) / Double(lag + 1)
                for a in 0..<x.columns {
                    for b in 0..<x.columns { s[a, b] += w * x[t, a] * e[t] * x[u, b] * e[u] }
                }
            }
        }
        return s
    }

    @Test(arguments: [0, 1, 3, 7])
    func meatMatchesTheDoubleSum(lag: Int) {
        let (x, e) = data(n: 40, k: 3, seed: 8)
        let fast = NeweyWest.meat(design: x, residuals: e, maxLag: lag)
        let slow = naiveMeat(x, e, lag: lag)
        for i in 0..<3 {
            for j in 0..<3 { #expect(abs(fast[i, j] - slow[i, j]) <= 1e-12 * max(1, abs(slow[i, j]))) }
        }
    }

    @Test func lagZeroIsHC0AndTheCorrectionIsHC1() throws {
        let (x, e) = data(n: 30, k: 4, seed: 21)
        let bread = naiveInverse(x.gram())
        let components = SandwichComponents(design: x, residuals: e, bread: bread)
        let hc0 = try CovarianceEstimator.estimate(.hc0, components: components).matrix
        let hc1 = try CovarianceEstimator.estimate(.hc1, components: components).matrix
        let nw0 = NeweyWest.covariance(design: x, residuals: e, bread: bread, maxLag: 0, smallSampleCorrection: false)
        let nw1 = NeweyWest.covariance(design: x, residuals: e, bread: bread, maxLag: 0, smallSampleCorrection: true)
        for i in 0..<4 {
            for j in 0..<4 {
                #expect(abs(nw0[i, j] - hc0[i, j]) <= 1e-12 * max(1e-3, abs(hc0[i, j])))
                #expect(abs(nw1[i, j] - hc1[i, j]) <= 1e-12 * max(1e-3, abs(hc1[i, j])))
            }
        }
    }

    @Test func covarianceIsPositiveSemiDefinite() throws {
        let (x, e) = data(n: 50, k: 3, seed: 4)
        let v = NeweyWest.covariance(
            design: x, residuals: e, bread: naiveInverse(x.gram()), maxLag: 10, smallSampleCorrection: true)
        #expect(v.isSymmetric(tolerance: 0))
        let eigen = try SymmetricEigen(v)
        #expect(eigen.values.allSatisfy { $0 > -1e-14 })
    }

    @Test func lagRuleAndWeights() {
        // ⌊4 (N/100)^{2/9}⌋: 60 → 3, 100 → 4, 1000 → 6, 5 → 2.
        #expect(NeweyWest.automaticLag(observations: 60) == 3)
        #expect(NeweyWest.automaticLag(observations: 100) == 4)
        #expect(NeweyWest.automaticLag(observations: 1000) == 6)
        #expect(NeweyWest.automaticLag(observations: 5) == 2)
        #expect(NeweyWest.bartlettWeight(lag: 0, maxLag: 3) == 1)
        #expect(NeweyWest.bartlettWeight(lag: 2, maxLag: 3) == 0.5)
        #expect(NeweyWest.bartlettWeight(lag: 4, maxLag: 3) == 0)
    }

    /// Driscoll–Kraay equals Newey–West of the period-summed scores; with one row per period it is
    /// plain Newey–West.
    @Test func driscollKraaySumsScoresWithinPeriods() {
        let (x, e) = data(n: 30, k: 3, seed: 12)
        let bread = naiveInverse(x.gram())
        let single = NeweyWest.driscollKraayCovariance(
            design: x, residuals: e, period: Array(0..<30), bread: bread, maxLag: 2, smallSampleCorrection: true)
        let plain = NeweyWest.covariance(design: x, residuals: e, bread: bread, maxLag: 2, smallSampleCorrection: true)
        // Two series of 15 periods stacked: rows i and i + 15 share period i.
        let period = Array(0..<15) + Array(0..<15)
        let stacked = NeweyWest.driscollKraayCovariance(
            design: x, residuals: e, period: period, bread: bread, maxLag: 2, smallSampleCorrection: false)
        var sums = [[Double]](repeating: [0, 0, 0], count: 15)
        for i in 0..<30 {
            for j in 0..<3 { sums[period[i]][j] += x[i, j] * e[i] }
        }
        var meat = Matrix(rows: 3, columns: 3)
        for t in 0..<15 {
            for u in 0..<15 where abs(t - u) <= 2 {
                let w = 1 - Double(abs(t - u)) / 3
                for a in 0..<3 {
                    for b in 0..<3 { meat[a, b] += w * sums[t][a] * sums[u][b] }
                }
            }
        }
        let naive = Matrix.product(bread, Matrix.product(meat, bread))
        for i in 0..<3 {
            for j in 0..<3 {
                #expect(abs(single[i, j] - plain[i, j]) <= 1e-12 * max(1e-3, abs(plain[i, j])))
                #expect(abs(stacked[i, j] - naive[i, j]) <= 1e-12 * max(1e-3, abs(naive[i, j])))
            }
        }
    }

    /// A lag as long as the series uses every pair once.
    @Test func lagBeyondTheSeriesIsTruncated() {
        let (x, e) = data(n: 6, k: 2, seed: 1)
        let fast = NeweyWest.meat(design: x, residuals: e, maxLag: 20)
        let slow = naiveMeat(x, e, lag: 20)
        for i in 0..<2 {
            for j in 0..<2 { #expect(abs(fast[i, j] - slow[i, j]) <= 1e-12 * max(1, abs(slow[i, j]))) }
        }
    }
}
