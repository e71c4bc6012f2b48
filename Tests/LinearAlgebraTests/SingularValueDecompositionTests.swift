import LinearAlgebra
import Testing

@Suite("Singular value decomposition (dgesdd)")
struct SingularValueDecompositionTests {
    /// Checks `U Σ Vᵀ = A`, orthonormality, ordering and the sign convention.
    func check(_ a: Matrix) throws {
        let svd = try SingularValueDecomposition(a)
        let k = min(a.rows, a.columns)
        #expect(svd.u.rows == a.rows && svd.u.columns == k)
        #expect(svd.vt.rows == k && svd.vt.columns == a.columns)
        #expect(
            maxAbsDifference(naiveProduct(svd.u, naiveProduct(Matrix(diagonal: svd.singularValues), svd.vt)), a) < 1e-14
        )
        #expect(maxAbsDifference(naiveProduct(svd.u.transposed, svd.u), .identity(k)) < 1e-14)
        #expect(maxAbsDifference(naiveProduct(svd.vt, svd.vt.transposed), .identity(k)) < 1e-14)
        for j in 1..<k { #expect(svd.singularValues[j] <= svd.singularValues[j - 1]) }
        for j in 0..<k {
            let column = svd.u.column(j)
            let largest = column.max { abs($0) < abs($1) }!
            #expect(largest > 0)
        }
    }

    @Test func randomTallAndWideMatrices() throws {
        try check(randomMatrix(rows: 9, columns: 5, seed: 71))
        try check(randomMatrix(rows: 4, columns: 8, seed: 72))
    }

    @Test func scaledPermutationHasHandCheckableValues() throws {
        // Each row and column has one non-zero, so σ = |entries| sorted: 3, 2, 1.
        let a = Matrix(rowMajor: [[0, 0, 3], [2, 0, 0], [0, -1, 0]])
        let svd = try SingularValueDecomposition(a)
        #expect(maxAbsDifference(svd.singularValues, [3, 2, 1]) < 1e-15)
        #expect(abs(svd.conditionNumber - 3) < 1e-15)
        #expect(svd.rank() == 3)
        // σ₀ = 3 comes from a₀₂: u₀ = e₀ (sign made positive), v₀ = e₂.
        #expect(maxAbsDifference(svd.u.column(0), [1, 0, 0]) < 1e-15)
        #expect(maxAbsDifference(svd.vt.row(0), [0, 0, 1]) < 1e-15)
        try check(a)
    }

    @Test func classicTwoByThreeExample() throws {
        // A Aᵀ = [[17, 8], [8, 17]] has eigenvalues 25 and 9, so σ = 5, 3.
        let a = Matrix(rowMajor: [[3, 2, 2], [2, 3, -2]])
        let svd = try SingularValueDecomposition(a)
        #expect(maxAbsDifference(svd.singularValues, [5, 3]) < 1e-14)
        let r = 0.5.squareRoot()
        #expect(maxAbsDifference(svd.u.column(0), [r, r]) < 1e-15)
        try check(a)
    }

    @Test func rankDeficientMatrix() throws {
        let x = randomMatrix(rows: 8, columns: 2, seed: 73)
        let a = Matrix(columnArrays: [x.column(0), x.column(1), zip(x.column(0), x.column(1)).map(+)])
        let svd = try SingularValueDecomposition(a)
        #expect(svd.rank() == 2)
        #expect(svd.rank(relativeTolerance: 0) >= 2)
        #expect(svd.conditionNumber > 1e14)
    }

    @Test func zeroAndEmptyMatrices() throws {
        let zero = try SingularValueDecomposition(Matrix(rows: 3, columns: 2))
        #expect(zero.singularValues == [0, 0] && zero.rank() == 0 && zero.conditionNumber == .infinity)
        let empty = try SingularValueDecomposition(Matrix(rows: 0, columns: 4))
        #expect(empty.singularValues.isEmpty && empty.rank() == 0 && empty.conditionNumber.isNaN)
    }

    @Test func errors() {
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dgesdd", position: 5)) {
            try SingularValueDecomposition(Matrix(rowMajor: [[1, .nan]]))
        }
        let rows = Int(Int32.max) + 1
        #expect(throws: LinearAlgebraError.dimensionTooLarge(rows)) {
            try SingularValueDecomposition(Matrix(rows: rows, columns: 0))
        }
    }
}
