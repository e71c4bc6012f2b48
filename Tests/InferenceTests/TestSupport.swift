import Foundation
import Inference
import LinearAlgebra

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator so test data are reproducible.
struct SeededGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform on (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
    /// Standard normal by Box–Muller.
    mutating func normal() -> Double {
        let u1 = uniform()
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
    mutating func integer(below n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Naive Gauss–Jordan inverse with partial pivoting: an independent reference for small matrices.
func naiveInverse(_ a: Matrix) -> Matrix {
    let n = a.rows
    var m = (0..<n).map { i in (0..<n).map { a[i, $0] } + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for col in 0..<n {
        let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
        m.swapAt(col, pivot)
        let p = m[col][col]
        for j in 0..<(2 * n) { m[col][j] /= p }
        for i in 0..<n where i != col {
            let f = m[i][col]
            if f != 0 { for j in 0..<(2 * n) { m[i][j] -= f * m[col][j] } }
        }
    }
    return Matrix(rowMajor: m.map { Array($0[n...]) })
}

/// Naive `AᵀWA` by loops.
func naiveWeightedGram(_ x: Matrix, _ w: [Double]) -> Matrix {
    var g = Matrix(rows: x.columns, columns: x.columns)
    for a in 0..<x.columns {
        for b in 0..<x.columns {
            var s = 0.0
            for i in 0..<x.rows { s += w[i] * x[i, a] * x[i, b] }
            g[a, b] = s
        }
    }
    return g
}

/// Naive triple-loop product.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var s = 0.0
            for l in 0..<a.columns { s += a[i, l] * b[l, j] }
            c[i, j] = s
        }
    }
    return c
}

/// Largest |a − b| / max(|b|, floor) over all elements.
func maxRelativeDifference(_ a: Matrix, _ b: Matrix, floor: Double = 1e-300) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns)
    var worst = 0.0
    for e in a.elements.indices {
        worst = max(worst, abs(a.elements[e] - b.elements[e]) / max(abs(b.elements[e]), floor))
    }
    return worst
}

/// A seeded regression problem solved naively: design (intercept + normals), WLS fit, residuals.
struct SimulatedRegression {
    let x: Matrix
    let y: [Double]
    let weights: [Double]?
    let bread: Matrix
    let coefficients: [Double]
    let residuals: [Double]

    init(n: Int, k: Int, seed: UInt64, weighted: Bool = false, heteroskedastic: Bool = true) {
        var rng = SeededGenerator(seed: seed)
        var x = Matrix(rows: n, columns: k)
        for i in 0..<n {
            x[i, 0] = 1
            for j in 1..<k { x[i, j] = rng.normal() }
        }
        let w: [Double]? = weighted ? (0..<n).map { _ in 0.5 + rng.uniform() * 2 } : nil
        let y = (0..<n).map { i -> Double in
            let scale = heteroskedastic ? 0.5 + abs(x[i, min(1, k - 1)]) : 1
            return (0..<k).reduce(0.0) { $0 + Double($1 + 1) * x[i, $1] } + scale * rng.normal()
        }
        self.init(design: x, y: y, weights: w)
    }

    /// The naive (weighted) least-squares fit of `y` on `x`.
    init(design x: Matrix, y: [Double], weights w: [Double]?) {
        let n = x.rows
        let k = x.columns
        let ww = w ?? [Double](repeating: 1, count: n)
        let bread = naiveInverse(naiveWeightedGram(x, ww))
        var xtwy = [Double](repeating: 0, count: k)
        for j in 0..<k { for i in 0..<n { xtwy[j] += x[i, j] * ww[i] * y[i] } }
        let b = (0..<k).map { a in (0..<k).reduce(0.0) { $0 + bread[a, $1] * xtwy[$1] } }
        self.x = x
        self.y = y
        self.weights = w
        self.bread = bread
        self.coefficients = b
        self.residuals = (0..<n).map { i in y[i] - (0..<k).reduce(0.0) { $0 + x[i, $1] * b[$1] } }
    }
}

/// Naive one-way cluster sandwich without factor.
func naiveCluster(_ p: SimulatedRegression, codes: [Int]) -> Matrix {
    let k = p.x.columns
    var sums: [Int: [Double]] = [:]
    for i in 0..<p.x.rows {
        let u = (p.weights?[i] ?? 1) * p.residuals[i]
        var s = sums[codes[i], default: [Double](repeating: 0, count: k)]
        for j in 0..<k { s[j] += p.x[i, j] * u }
        sums[codes[i]] = s
    }
    var meat = Matrix(rows: k, columns: k)
    for s in sums.values { for a in 0..<k { for b in 0..<k { meat[a, b] += s[a] * s[b] } } }
    return naiveProduct(p.bread, naiveProduct(meat, p.bread))
}

func components(_ p: SimulatedRegression) -> SandwichComponents {
    SandwichComponents(design: p.x, residuals: p.residuals, weights: p.weights, bread: p.bread)
}
