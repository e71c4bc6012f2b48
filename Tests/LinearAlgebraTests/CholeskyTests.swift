import Foundation
import LinearAlgebra
import Testing

@Suite("Cholesky (dpotrf)")
struct CholeskyTests {
    /// The 5 × 5 Hilbert matrix, hᵢⱼ = 1 / (i + j + 1) (0-based).
    let hilbert = Matrix(rowMajor: (0..<5).map { i in (0..<5).map { j in 1 / Double(i + j + 1) } })

    @Test func factorReconstructsTheMatrix() throws {
        let a = randomSPD(7, seed: 61)
        let u = try Cholesky(a).upper
        for j in 0..<7 {
            #expect(u[j, j] > 0)
            for i in (j + 1)..<7 { #expect(u[i, j] == 0) }
        }
        #expect(maxAbsDifference(naiveProduct(u.transposed, u), a) < 1e-13)
    }

    @Test func lowerTriangleIsIgnored() throws {
        var a = randomSPD(4, seed: 62)
        let reference = try Cholesky(a).upper
        a[3, 0] = 1_000
        a[2, 1] = .nan
        #expect(try Cholesky(a).upper == reference)
    }

    @Test func solveMatchesNaiveInverse() throws {
        let a = randomSPD(6, seed: 63)
        let b = randomVector(6, seed: 64)
        let cholesky = try Cholesky(a)
        #expect(maxAbsDifference(cholesky.solve(b), naiveProduct(naiveInverse(a), b)) < 1e-14)
        let rhs = randomMatrix(rows: 6, columns: 3, seed: 65)
        #expect(maxAbsDifference(cholesky.solve(rhs), naiveProduct(naiveInverse(a), rhs)) < 1e-14)
    }

    @Test func hilbertInverseHasTheKnownIntegerEntries() throws {
        // Exact inverse of H₅ from (H⁻¹)ᵢⱼ = (−1)^(i+j) (i+j−1) C(n+i−1, n−j) C(n+j−1, n−i) C(i+j−2, i−1)²
        // (1-based; Choi 1983, "Tricks or treats with the Hilbert matrix", Amer. Math. Monthly 90).
        let exact = Matrix(rowMajor: [
            [25, -300, 1_050, -1_400, 630],
            [-300, 4_800, -18_900, 26_880, -12_600],
            [1_050, -18_900, 79_380, -117_600, 56_700],
            [-1_400, 26_880, -117_600, 179_200, -88_200],
            [630, -12_600, 56_700, -88_200, 44_100],
        ])
        let inverse = try Cholesky(hilbert).inverse()
        // cond(H₅) ≈ 4.8e5, so about 1e-11 relative accuracy is what double precision allows.
        for (computed, expected) in zip(inverse.elements, exact.elements) {
            #expect(abs(computed - expected) <= 1e-9 * abs(expected))
        }
        #expect(inverse.isSymmetric(tolerance: 0))
    }

    @Test func hilbertLogDeterminant() throws {
        // det H₅ = 1 / 266,716,800,000.
        let expected = -log(266_716_800_000.0)
        #expect(abs(try Cholesky(hilbert).logDeterminant - expected) < 1e-9)
    }

    @Test func logDeterminantOfADiagonalMatrix() throws {
        let d = Matrix(diagonal: [2, 3, 0.5, 1e-200, 1e200])
        #expect(abs(try Cholesky(d).logDeterminant - log(3.0)) < 1e-12)
    }

    @Test func indefiniteMatrixThrowsWithTheFailingMinor() {
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor: 2)) {
            try Cholesky(Matrix(rowMajor: [[1, 2], [2, 1]]))
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor: 1)) {
            try Cholesky(Matrix(rowMajor: [[-1, 0], [0, 1]]))
        }
        // Singular positive semi-definite: x xᵀ has rank 1.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor: 2)) {
            try Cholesky(Matrix(rowMajor: [[1, 2], [2, 4]]))
        }
    }

    @Test func nonFiniteUpperTriangleThrows() {
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dpotrf", position: 4)) {
            try Cholesky(Matrix(rowMajor: [[1, .infinity], [0, 1]]))
        }
    }

    @Test func emptyMatrix() throws {
        let cholesky = try Cholesky(Matrix(rows: 0, columns: 0))
        #expect(cholesky.logDeterminant == 0)
        #expect(try cholesky.inverse().rows == 0)
        #expect(cholesky.solve([]) == [])
    }
}
