/// Element-wise arithmetic on matrices of equal shape, and scaling by a number.
extension Matrix {
    /// Element-wise sum `A + B`.
    ///
    /// - Precondition: `a` and `b` have the same shape.
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        combine(a, b) { $0 + $1 }
    }

    /// Element-wise difference `A − B`.
    ///
    /// - Precondition: `a` and `b` have the same shape.
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        combine(a, b) { $0 - $1 }
    }

    /// Scalar multiple `s · A`.
    public static func * (s: Double, a: Matrix) -> Matrix {
        var result = a
        result.elements.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] *= s }
        }
        return result
    }

    /// Scalar multiple `A · s`.
    public static func * (a: Matrix, s: Double) -> Matrix {
        s * a
    }

    /// Negation `−A`.
    public static prefix func - (a: Matrix) -> Matrix {
        -1 * a
    }

    /// Applies `operation` to corresponding elements; the closure is inlined into one tight loop.
    @inline(__always)
    private static func combine(_ a: Matrix, _ b: Matrix, _ operation: (Double, Double) -> Double) -> Matrix {
        precondition(
            a.rows == b.rows && a.columns == b.columns,
            "Shapes differ: \(a.rows)×\(a.columns) and \(b.rows)×\(b.columns)")
        var result = a
        result.elements.withUnsafeMutableBufferPointer { pr in
            b.elements.withUnsafeBufferPointer { pb in
                for i in pr.indices { pr[i] = operation(pr[i], pb[i]) }
            }
        }
        return result
    }
}
