import LinearAlgebra

/// Small dense helpers for the Rambachan–Roth computations, whose matrices have a few dozen
/// entries: row arrays keep the moment-by-moment code close to the formulas.
enum HonestDiDDense {
    /// `A x` for row arrays.
    static func times(_ a: [[Double]], _ x: [Double]) -> [Double] {
        a.map { row in zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// `aᵀ b`.
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// `A B Aᵀ` for row arrays `A` (`m × n`) and a symmetric `B` (`n × n`).
    static func sandwich(_ a: [[Double]], _ b: Matrix) -> [[Double]] {
        let ab = a.map { row in (0..<b.columns).map { j in (0..<b.rows).reduce(0) { $0 + row[$1] * b[$1, j] } } }
        return ab.map { left in a.map { dot(left, $0) } }
    }

    /// The inverse of a small square matrix by Gauss–Jordan elimination with partial pivoting, or
    /// `nil` when a pivot falls below `1e-13` times the largest entry (numerically singular).
    static func inverse(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        let scale = a.flatMap { $0 }.reduce(0) { max($0, abs($1)) }
        var m = (0..<n).map { i in a[i] + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }),
                  abs(m[pivot][col]) > 1e-13 * scale
            else { return nil }
            m.swapAt(col, pivot)
            let p = m[col][col]
            for j in 0..<(2 * n) { m[col][j] /= p }
            for i in 0..<n where i != col {
                let f = m[i][col]
                if f != 0 { for j in 0..<(2 * n) { m[i][j] -= f * m[col][j] } }
            }
        }
        return m.map { Array($0[n...]) }
    }

    /// Numerical rank by singular values, with numpy's `matrix_rank` threshold
    /// `σ_max · max(m, n) · ε` (the convention HonestDiD's Python port uses).
    static func rank(_ a: [[Double]]) -> Int {
        guard let columns = a.first?.count, columns > 0 else { return 0 }
        let matrix = Matrix(rowMajor: a)
        guard let svd = try? SingularValueDecomposition(matrix) else { return 0 }
        let top = svd.singularValues.max() ?? 0
        let threshold = top * Double(max(a.count, columns)) * Double.ulpOfOne
        return svd.singularValues.filter { $0 > threshold }.count
    }

    /// The `p` quantile of sorted data by linear interpolation between order statistics
    /// (Hyndman & Fan 1996 type 7, the default of R `quantile` and numpy `quantile`).
    static func quantile(sorted x: [Double], _ p: Double) -> Double {
        precondition(!x.isEmpty)
        let h = Double(x.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, x.count - 1)
        return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
    }
}
