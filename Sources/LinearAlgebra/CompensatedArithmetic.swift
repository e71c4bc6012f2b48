/// Error-free transformations and the sums and dot products built on them, accurate as if
/// computed in twice the working precision and then rounded once.
///
/// `twoSum` is Knuth's (TAOCP vol. 2, §4.2.2): `a + b = s + e` exactly. `twoProduct` uses a fused
/// multiply-add: `a · b = p + e` exactly. Accumulating the error terms separately gives Ogita, Rump
/// & Oishi's `Sum2`/`Dot2` ("Accurate sum and dot product", SIAM J. Sci. Comput. 26, 2005), whose
/// result has error `≤ u|Σ| + γ²ₙ Σ|terms|`: cancellation down to 10⁻¹⁶ of the terms still leaves
/// a correctly rounded-looking answer. This is what iterative refinement needs for its residuals.
enum CompensatedArithmetic {
    /// `(s, e)` with `s = fl(a + b)` and `a + b = s + e` exactly.
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        let bVirtual = s - a
        let e = (a - (s - bVirtual)) + (b - bVirtual)
        return (s, e)
    }

    /// `(p, e)` with `p = fl(a · b)` and `a · b = p + e` exactly (no underflow assumed).
    @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let p = a * b
        // addingProduct is a fused multiply-add: −p + a·b rounded once, which is exact here.
        return (p, (-p).addingProduct(a, b))
    }

    /// `Σᵢ xᵢ yᵢ` over `count` entries, by `Dot2`.
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for i in 0..<count {
            let (p, pe) = twoProduct(x[i], y[i])
            let (s, se) = twoSum(sum, p)
            sum = s
            compensation += pe + se
        }
        return sum + compensation
    }

    /// `b − r − Σⱼ xⱼ a_{cⱼ}`: the residual of the augmented least-squares system, each entry
    /// accumulated with `Dot2` over the columns `columns` of `a` (column-major, so the loop runs
    /// down each column and updates `m` running (sum, compensation) pairs).
    static func augmentedResidual(
        _ a: Matrix, columns: [Int], coefficients x: [Double], b: [Double], r: [Double]
    ) -> [Double] {
        let m = a.rows
        precondition(b.count == m && r.count == m && x.count == columns.count, "Inconsistent sizes")
        var sum = [Double](repeating: 0, count: m)
        var compensation = [Double](repeating: 0, count: m)
        sum.withUnsafeMutableBufferPointer { s in
            compensation.withUnsafeMutableBufferPointer { c in
                for i in 0..<m {
                    let (t, e) = twoSum(b[i], -r[i])
                    s[i] = t
                    c[i] = e
                }
                a.elements.withUnsafeBufferPointer { pa in
                    for (position, j) in columns.enumerated() {
                        let column = pa.baseAddress! + j * m
                        let minusX = -x[position]
                        for i in 0..<m {
                            let (p, pe) = twoProduct(column[i], minusX)
                            let (t, te) = twoSum(s[i], p)
                            s[i] = t
                            c[i] += pe + te
                        }
                    }
                }
                for i in 0..<m { s[i] += c[i] }
            }
        }
        return sum
    }
}
