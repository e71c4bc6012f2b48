import CLinearAlgebra

/// Householder QR with column pivoting, `A P = Q R` (LAPACK `dgeqp3`).
///
/// At each step `dgeqp3` brings forward the remaining column of largest norm (Businger & Golub
/// 1965; Quintana-Ortí, Sun & Bischof 1998 for the blocked algorithm), so `|R₀₀| ≥ |R₁₁| ≥ ⋯`
/// and the diagonal reveals the numerical rank. Any shape is allowed; with `k = min(m, n)`,
/// `Q` is `m × k` (thin) and `R` is `k × n`.
///
/// For regression fits use ``leastSquares(_:_:relativeTolerance:)``, which decides *which*
/// collinear columns to drop the way R's `lm` does (later columns first) instead of by norm.
public struct PivotedQR: Sendable {
    /// Number of rows `m` of `A`.
    public let rows: Int
    /// Number of columns `n` of `A`.
    public let columns: Int
    /// `permutation[j]` is the original index of the column in position `j` of `A P` (0-based).
    public let permutation: [Int]
    /// The compact factorization of `A P`.
    let reflectors: HouseholderReflectors

    /// Factors `a`.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionTooLarge(_:)`` when a dimension exceeds `Int32.max`;
    ///   ``LinearAlgebraError/illegalArgument(routine:position:)`` when `a` contains NaN or ±∞.
    public init(_ a: Matrix) throws {
        let m = try lapackInt(a.rows)
        let n = try lapackInt(a.columns)
        let lda = try leadingDimension(a.rows)
        try checkFinite(a.elements, routine: "dgeqp3", argument: 4)
        let k = Swift.min(a.rows, a.columns)
        var factors = a
        var tau = [Double](repeating: 0, count: k)
        // A zero in jpvt marks a column as free to move; dgeqp3 returns 1-based original indices.
        var pivots = [Int32](repeating: 0, count: a.columns)
        if k > 0 {
            let info = factors.elements.withUnsafeMutableBufferPointer { pa in
                LAPACKE_dgeqp3(LAPACK_COL_MAJOR, m, n, pa.baseAddress, lda, &pivots, &tau)
            }
            // dgeqp3 defines no info > 0; map it defensively rather than ignore it.
            try checkLAPACK(info, routine: "dgeqp3") { .noConvergence(routine: "dgeqp3", info: $0) }
            permutation = pivots.map { Int($0) - 1 }
        } else {
            permutation = Array(0..<a.columns)
        }
        rows = a.rows
        columns = a.columns
        reflectors = HouseholderReflectors(factors: factors, tau: tau)
    }

    /// `|Rⱼⱼ|` for `j < min(m, n)`, in pivoted order (non-increasing).
    public var rDiagonal: [Double] {
        reflectors.factors.diagonal.map { Swift.abs($0) }
    }

    /// Numerical rank: the number of `j` with `|Rⱼⱼ| > relativeTolerance · |R₀₀|`.
    ///
    /// The default `1e-7` is the tolerance of R's `lm` (`lm.fit(tol = 1e-07)`, passed to `dqrdc2`);
    /// the comparison with `|R₀₀|` (the largest column norm) follows LAPACK's `dgelsy`.
    public func rank(relativeTolerance: Double = 1e-7) -> Int {
        precondition(relativeTolerance >= 0, "Tolerance must be non-negative")
        let d = rDiagonal
        guard let largest = d.first, largest > 0 else { return 0 }
        let threshold = relativeTolerance * largest
        return d.reduce(0) { $1 > threshold ? $0 + 1 : $0 }
    }

    /// Original indices of the columns judged linearly dependent on the others: those after
    /// position `rank` in pivot order, sorted ascending.
    public func dependentColumns(relativeTolerance: Double = 1e-7) -> [Int] {
        permutation[rank(relativeTolerance: relativeTolerance)...].sorted()
    }

    /// The upper-trapezoidal factor `R` (`min(m, n) × n`), columns in pivoted order.
    public var r: Matrix {
        reflectors.upperTrapezoid()
    }

    /// The thin orthogonal factor `Q` (`m × min(m, n)`, orthonormal columns), formed by `dorgqr`.
    public var q: Matrix {
        reflectors.thinQ()
    }

    /// `Qᵀ b` with the full `m × m` orthogonal `Q` (LAPACK `dormqr`), without forming `Q`.
    ///
    /// The first `min(m, n)` entries are the coordinates of `b` in the column space of `A`; the
    /// rest, when `m > n`, are the coordinates of the least-squares residual.
    ///
    /// - Precondition: `b.count == rows`.
    public func qTransposeTimes(_ b: [Double]) -> [Double] {
        precondition(b.count == rows, "Vector has \(b.count) elements, expected \(rows)")
        var c = b
        reflectors.apply(to: &c, columns: 1, transpose: true)
        return c
    }
}
