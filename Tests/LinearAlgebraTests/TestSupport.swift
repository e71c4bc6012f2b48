import LinearAlgebra

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator so that test matrices
/// are the same on every platform and Swift version.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [-1, 1), from the top 53 bits.
    mutating func symmetricUniform() -> Double {
        Double(next() >> 11) * 0x1p-53 * 2 - 1
    }
}

/// A `rows × columns` matrix of uniform [-1, 1) entries from `seed`.
func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    return Matrix(
        rows: rows, columns: columns,
        columnMajor: (0..<(rows * columns)).map { _ in generator.symmetricUniform() })
}

func randomVector(_ count: Int, seed: UInt64) -> [Double] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in generator.symmetricUniform() }
}

/// A random symmetric positive-definite matrix `XᵀX + n·I`, built with the naive product.
func randomSPD(_ n: Int, seed: UInt64) -> Matrix {
    let x = randomMatrix(rows: n + 3, columns: n, seed: seed)
    var a = naiveProduct(x.transposed, x)
    for i in 0..<n { a[i, i] += Double(n) }
    return a
}

/// Triple-loop reference product.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    precondition(a.columns == b.rows)
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var sum = 0.0
            for k in 0..<a.columns { sum += a[i, k] * b[k, j] }
            c[i, j] = sum
        }
    }
    return c
}

func naiveProduct(_ a: Matrix, _ x: [Double]) -> [Double] {
    naiveProduct(a, Matrix(rows: x.count, columns: 1, columnMajor: x)).elements
}

/// Gauss–Jordan inverse with partial pivoting, the textbook reference.
func naiveInverse(_ a: Matrix) -> Matrix {
    precondition(a.isSquare)
    let n = a.rows
    var m = a
    var inv = Matrix.identity(n)
    for col in 0..<n {
        var pivot = col
        for r in col..<n where abs(m[r, col]) > abs(m[pivot, col]) { pivot = r }
        for j in 0..<n {
            let t = m[col, j]
            m[col, j] = m[pivot, j]
            m[pivot, j] = t
            let u = inv[col, j]
            inv[col, j] = inv[pivot, j]
            inv[pivot, j] = u
        }
        let d = m[col, col]
        for j in 0..<n {
            m[col, j] /= d
            inv[col, j] /= d
        }
        for r in 0..<n where r != col {
            let f = m[r, col]
            for j in 0..<n {
                m[r, j] -= f * m[col, j]
                inv[r, j] -= f * inv[col, j]
            }
        }
    }
    return inv
}

func maxAbsDifference(_ a: Matrix, _ b: Matrix) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns, "shapes differ")
    return maxAbsDifference(a.elements, b.elements)
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "lengths differ")
    var worst = 0.0
    for i in a.indices { worst = max(worst, abs(a[i] - b[i])) }
    return worst
}

func norm(_ x: [Double]) -> Double {
    x.reduce(0) { $0 + $1 * $1 }.squareRoot()
}
