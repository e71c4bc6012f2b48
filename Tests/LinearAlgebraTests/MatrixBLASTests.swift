import LinearAlgebra
import Testing

@Suite("BLAS products against triple-loop references")
struct MatrixBLASTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func productMatchesNaive(transposeA: Bool, transposeB: Bool) {
        let a0 = randomMatrix(rows: 7, columns: 5, seed: 1)
        let b0 = randomMatrix(rows: 5, columns: 4, seed: 2)
        // Store the operands transposed when BLAS is asked to transpose them back.
        let a = transposeA ? a0.transposed : a0
        let b = transposeB ? b0.transposed : b0
        let c = Matrix.product(a, b, transposeA: transposeA, transposeB: transposeB, alpha: -2.5)
        let expected = naiveProduct(a0, b0)
        #expect(c.rows == 7 && c.columns == 4)
        #expect(maxAbsDifference(c, -2.5 * expected) < 1e-13)
    }

    @Test func operatorMatchesNaiveOnLargerMatrices() {
        let a = randomMatrix(rows: 63, columns: 41, seed: 3)
        let b = randomMatrix(rows: 41, columns: 29, seed: 4)
        #expect(maxAbsDifference(a * b, naiveProduct(a, b)) < 1e-12)
    }

    @Test func emptyInnerDimensionGivesZeros() {
        let a = Matrix(rows: 3, columns: 0)
        let b = Matrix(rows: 0, columns: 2)
        #expect(a * b == Matrix(rows: 3, columns: 2))
        #expect((b * Matrix(rows: 2, columns: 0)).rows == 0)
    }

    @Test func matrixVectorProduct() {
        let a = randomMatrix(rows: 9, columns: 6, seed: 5)
        let x = randomVector(6, seed: 6)
        let y = randomVector(9, seed: 7)
        #expect(maxAbsDifference(a.times(x), naiveProduct(a, x)) < 1e-13)
        #expect(maxAbsDifference(a.times(y, transpose: true), naiveProduct(a.transposed, y)) < 1e-13)
        #expect(Matrix(rows: 0, columns: 3).times([], transpose: true) == [0, 0, 0])
    }

    @Test func gramIsSymmetricAndMatchesNaive() {
        let a = randomMatrix(rows: 50, columns: 8, seed: 8)
        let g = a.gram()
        #expect(maxAbsDifference(g, naiveProduct(a.transposed, a)) < 1e-12)
        #expect(g.isSymmetric(tolerance: 0))
    }

    @Test func weightedGramMatchesNaive() {
        // 3,000 rows with 2 columns spans several internal blocks (at least 1,024 rows each).
        for (rows, columns) in [(40, 5), (3_000, 2)] {
            let a = randomMatrix(rows: rows, columns: columns, seed: 9)
            let w = randomVector(rows, seed: 10).map { $0 + 1.5 }
            let expected = naiveWeightedGram(a, w)
            let g = a.weightedGram(w)
            #expect(maxAbsDifference(g, expected) < 1e-10 * Double(rows))
            #expect(g.isSymmetric(tolerance: 0))
        }
    }

    @Test func weightedGramWithNegativeAndZeroWeights() {
        let a = randomMatrix(rows: 30, columns: 4, seed: 11)
        var w = randomVector(30, seed: 12)
        w[3] = 0
        let expected = naiveWeightedGram(a, w)
        #expect(maxAbsDifference(a.weightedGram(w), expected) < 1e-12)
    }

    /// Σᵢ wᵢ aᵢ aᵢᵀ summed row by row.
    func naiveWeightedGram(_ a: Matrix, _ w: [Double]) -> Matrix {
        var c = Matrix(rows: a.columns, columns: a.columns)
        for i in 0..<a.rows {
            for j in 0..<a.columns {
                for k in 0..<a.columns { c[j, k] += w[i] * a[i, j] * a[i, k] }
            }
        }
        return c
    }

    @Test func unitWeightsGiveTheGram() {
        let a = randomMatrix(rows: 25, columns: 3, seed: 13)
        #expect(maxAbsDifference(a.weightedGram(Array(repeating: 1, count: 25)), a.gram()) < 1e-13)
    }
}
