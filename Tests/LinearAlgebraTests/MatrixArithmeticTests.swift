import LinearAlgebra
import Testing

@Suite("Element-wise arithmetic")
struct MatrixArithmeticTests {
    @Test func sumDifferenceAndScaling() {
        let a = Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]])
        let b = Matrix(rowMajor: [[0.5, -1], [2, 0], [-3, 1]])
        #expect(a + b == Matrix(rowMajor: [[1.5, 1], [5, 4], [2, 7]]))
        #expect(a - b == Matrix(rowMajor: [[0.5, 3], [1, 4], [8, 5]]))
        #expect(2 * a == Matrix(rowMajor: [[2, 4], [6, 8], [10, 12]]))
        #expect(a * -1 == -a)
        #expect((a + b) - b == a)
    }
}
