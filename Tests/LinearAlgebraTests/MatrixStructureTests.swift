import LinearAlgebra
import Testing

@Suite("Sub-matrices, diagonal, symmetry")
struct MatrixStructureTests {
    let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])

    @Test func selectingColumnsInGivenOrderWithRepeats() {
        #expect(
            a.selectingColumns([2, 0, 2]) == Matrix(rowMajor: [[3, 1, 3], [6, 4, 6], [9, 7, 9], [12, 10, 12]]))
        #expect(a.selectingColumns([]).columns == 0)
    }

    @Test func selectingRowsInGivenOrderWithRepeats() {
        #expect(a.selectingRows([3, 1, 1]) == Matrix(rowMajor: [[10, 11, 12], [4, 5, 6], [4, 5, 6]]))
        #expect(a.selectingRows([]).rows == 0)
    }

    @Test func diagonalOfRectangularMatrices() {
        #expect(a.diagonal == [1, 5, 9])
        #expect(a.transposed.diagonal == [1, 5, 9])
        #expect(Matrix(diagonal: [2, 3]) == Matrix(rowMajor: [[2, 0], [0, 3]]))
    }

    @Test func symmetryIsRelativeToTheLargestElement() {
        let s = Matrix(rowMajor: [[1e6, 2], [2 + 1e-4, 3]])
        #expect(s.isSymmetric(tolerance: 1e-9))
        #expect(!s.isSymmetric(tolerance: 1e-12))
        #expect(!a.isSymmetric(tolerance: 1))
        #expect(Matrix(rowMajor: [[1, .nan], [.nan, 1]]).isSymmetric(tolerance: 1) == false)
        #expect(Matrix.identity(3).isSymmetric(tolerance: 0))
    }
}
