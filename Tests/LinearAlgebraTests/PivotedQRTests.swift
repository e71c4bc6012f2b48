import LinearAlgebra
import Testing

@Suite("Pivoted QR (dgeqp3)")
struct PivotedQRTests {
    /// Checks `A P = Q R`, `QᵀQ = I`, that `R` is upper trapezoidal and the permutation valid.
    func checkFactorization(_ a: Matrix) throws {
        let qr = try PivotedQR(a)
        let k = min(a.rows, a.columns)
        #expect(qr.permutation.sorted() == Array(0..<a.columns))
        let q = qr.q
        let r = qr.r
        #expect(q.rows == a.rows && q.columns == k)
        #expect(r.rows == k && r.columns == a.columns)
        for j in 0..<r.columns {
            for i in 0..<r.rows where i > j { #expect(r[i, j] == 0) }
        }
        #expect(maxAbsDifference(naiveProduct(q.transposed, q), .identity(k)) < 1e-14)
        let ap = a.selectingColumns(qr.permutation)
        #expect(maxAbsDifference(naiveProduct(q, r), ap) < 1e-14)
    }

    @Test func tallMatrixIsReconstructed() throws {
        try checkFactorization(randomMatrix(rows: 12, columns: 5, seed: 21))
    }

    @Test func wideMatrixIsReconstructed() throws {
        try checkFactorization(randomMatrix(rows: 4, columns: 7, seed: 22))
    }

    @Test func diagonalIsNonIncreasingAndRankIsFull() throws {
        let qr = try PivotedQR(randomMatrix(rows: 20, columns: 6, seed: 23))
        let d = qr.rDiagonal
        #expect(d.count == 6)
        for j in 1..<d.count { #expect(d[j] <= d[j - 1]) }
        #expect(qr.rank() == 6)
        #expect(qr.dependentColumns().isEmpty)
    }

    @Test func rankDeficientDesignRevealsOneDependentColumn() throws {
        // Column 3 = column 1 + column 2 (1-based): rank 2, exactly one column is redundant.
        let x = randomMatrix(rows: 10, columns: 2, seed: 24)
        let a = Matrix(columnArrays: [x.column(0), x.column(1), zip(x.column(0), x.column(1)).map(+)])
        let qr = try PivotedQR(a)
        #expect(qr.rank() == 2)
        let dependent = qr.dependentColumns()
        #expect(dependent.count == 1)
        #expect(dependent.allSatisfy { (0..<3).contains($0) })
        #expect(qr.rDiagonal[2] < 1e-14 * qr.rDiagonal[0])
        // Without a tolerance, rounding noise counts as rank.
        #expect(qr.rank(relativeTolerance: 0) >= 2)
    }

    @Test func qTransposeTimesAgreesWithExplicitQ() throws {
        let a = randomMatrix(rows: 9, columns: 4, seed: 25)
        let b = randomVector(9, seed: 26)
        let qr = try PivotedQR(a)
        let qtb = qr.qTransposeTimes(b)
        #expect(qtb.count == 9)
        #expect(maxAbsDifference(Array(qtb[0..<4]), naiveProduct(qr.q.transposed, b)) < 1e-14)
        // Qᵀ is orthogonal: the full rotated vector keeps the norm of b.
        #expect(abs(norm(qtb) - norm(b)) < 1e-14)
    }

    @Test func emptyMatrixHasRankZero() throws {
        let qr = try PivotedQR(Matrix(rows: 0, columns: 3))
        #expect(qr.rank() == 0)
        #expect(qr.dependentColumns() == [0, 1, 2])
        #expect(qr.r.rows == 0)
        #expect(qr.qTransposeTimes([]) == [])
    }

    @Test func zeroMatrixHasRankZero() throws {
        let qr = try PivotedQR(Matrix(rows: 4, columns: 2))
        #expect(qr.rank() == 0)
        #expect(qr.dependentColumns() == [0, 1])
    }

    @Test func tooManyRowsThrows() {
        // 2³¹ rows by 0 columns needs no storage but cannot be passed to LAPACK.
        let rows = Int(Int32.max) + 1
        #expect(throws: LinearAlgebraError.dimensionTooLarge(rows)) {
            try PivotedQR(Matrix(rows: rows, columns: 0))
        }
    }

    @Test func nonFiniteInputThrows() {
        var a = randomMatrix(rows: 5, columns: 3, seed: 27)
        a[2, 1] = .nan
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dgeqp3", position: 4)) {
            try PivotedQR(a)
        }
    }
}
