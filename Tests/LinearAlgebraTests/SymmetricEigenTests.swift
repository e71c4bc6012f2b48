import LinearAlgebra
import Testing

@Suite("Symmetric eigen-decomposition (dsyevr) and pseudo-inverse")
struct SymmetricEigenTests {
    /// Checks `A V = V Λ`, `VᵀV = I`, ascending order and the sign convention.
    func check(_ a: Matrix) throws -> SymmetricEigen {
        let eigen = try SymmetricEigen(a)
        let n = a.rows
        #expect(
            maxAbsDifference(
                naiveProduct(a, eigen.vectors), naiveProduct(eigen.vectors, Matrix(diagonal: eigen.values))) < 1e-13)
        #expect(maxAbsDifference(naiveProduct(eigen.vectors.transposed, eigen.vectors), .identity(n)) < 1e-14)
        for i in 1..<n { #expect(eigen.values[i] >= eigen.values[i - 1]) }
        for j in 0..<n { #expect(eigen.vectors.column(j).max { abs($0) < abs($1) }! > 0) }
        return eigen
    }

    @Test func blockMatrixWithHandCheckableEigenpairs() throws {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with vectors (1, −1)/√2 and (1, 1)/√2; 5 is apart.
        let eigen = try check(Matrix(rowMajor: [[2, 1, 0], [1, 2, 0], [0, 0, 5]]))
        #expect(maxAbsDifference(eigen.values, [1, 3, 5]) < 1e-14)
        let r = 0.5.squareRoot()
        #expect(abs(abs(eigen.vectors[0, 0]) - r) < 1e-15 && abs(eigen.vectors[0, 0] + eigen.vectors[1, 0]) < 1e-15)
        #expect(maxAbsDifference(eigen.vectors.column(1), [r, r, 0]) < 1e-15)
        #expect(maxAbsDifference(eigen.vectors.column(2), [0, 0, 1]) < 1e-15)
    }

    @Test func secondDifferenceMatrix() throws {
        // tridiag(−1, 2, −1) of order 3: λ = 2 − 2cos(kπ/4) = 2 − √2, 2, 2 + √2.
        let eigen = try check(Matrix(rowMajor: [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]))
        let s = 2.0.squareRoot()
        #expect(maxAbsDifference(eigen.values, [2 - s, 2, 2 + s]) < 1e-14)
    }

    @Test func randomSymmetricMatrix() throws {
        let x = randomMatrix(rows: 6, columns: 6, seed: 81)
        _ = try check(x + x.transposed)
    }

    @Test func onlyTheUpperTriangleIsRead() throws {
        let x = randomMatrix(rows: 5, columns: 5, seed: 82)
        var a = x + x.transposed
        let reference = try SymmetricEigen(a)
        a[4, 0] = .nan
        a[3, 1] = 7
        let eigen = try SymmetricEigen(a)
        #expect(eigen.values == reference.values && eigen.vectors == reference.vectors)
    }

    @Test func nonFiniteInputThrows() {
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dsyevr", position: 6)) {
            try SymmetricEigen(Matrix(rowMajor: [[1, .infinity], [0, 1]]))
        }
    }

    @Test func pseudoInverseOfAPositiveDefiniteMatrixIsTheInverse() throws {
        let a = randomSPD(5, seed: 83)
        #expect(maxAbsDifference(try symmetricPseudoInverse(a), naiveInverse(a)) < 1e-14)
    }

    @Test func pseudoInverseOfASemiDefiniteMatrixSatisfiesPenrose() throws {
        // A = B Bᵀ with B 5 × 2 has rank 2; subtract 1e-15 · I so rounding-size negative eigenvalues appear.
        let b = randomMatrix(rows: 5, columns: 2, seed: 84)
        let a = naiveProduct(b, b.transposed) - 1e-15 * Matrix.identity(5)
        let p = try symmetricPseudoInverse(a)
        #expect(p.isSymmetric(tolerance: 0))
        let scale = a.elements.map(abs).max()!
        #expect(maxAbsDifference(naiveProduct(a, naiveProduct(p, a)), a) < 1e-12 * scale)
        #expect(maxAbsDifference(naiveProduct(p, naiveProduct(a, p)), p) < 1e-10 * p.elements.map(abs).max()!)
        #expect(try SymmetricEigen(p).values.filter { abs($0) > 1e-8 }.count == 2)
    }

    @Test func pseudoInverseOfZeroIsZero() throws {
        #expect(try symmetricPseudoInverse(Matrix(rows: 3, columns: 3)) == Matrix(rows: 3, columns: 3))
        #expect(try symmetricPseudoInverse(-1 * Matrix.identity(2)) == Matrix(rows: 2, columns: 2))
    }
}
