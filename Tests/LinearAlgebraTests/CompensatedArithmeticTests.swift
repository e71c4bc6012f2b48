import Testing

@testable import LinearAlgebra

@Suite("Error-free transformations and compensated dot products")
struct CompensatedArithmeticTests {
    @Test func twoSumAndTwoProductAreExact() {
        let (s, e) = CompensatedArithmetic.twoSum(1, 0x1p-60)
        #expect(s == 1 && e == 0x1p-60)
        let (s2, e2) = CompensatedArithmetic.twoSum(0x1p53, -1)
        #expect(s2 + e2 == 0x1p53 - 1)
        // (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰: the last term is below the rounding of the product.
        let (p, pe) = CompensatedArithmetic.twoProduct(1 + 0x1p-30, 1 + 0x1p-30)
        #expect(p == 1 + 0x1p-29 && pe == 0x1p-60)
    }

    @Test func dotSurvivesCatastrophicCancellation() {
        // 1e16 + 1 − 1e16 in naive arithmetic loses the 1; Dot2 keeps it.
        let x: [Double] = [1e16, 1, -1e16, 0x1p-40]
        let y: [Double] = [1, 1, 1, 1]
        let dot = x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { CompensatedArithmetic.dot(px.baseAddress!, $0.baseAddress!, count: 4) }
        }
        #expect(dot == 1 + 0x1p-40)
    }

    @Test func augmentedResidualIsExactOnRepresentableData() {
        // b − r − A x with integer data whose naive evaluation rounds (terms near 2⁵³).
        let a = Matrix(columnArrays: [[0x1p52, 3], [0x1p52 + 1, 5]])
        let x: [Double] = [1, -1]
        let b: [Double] = [0.5, 7]
        let r: [Double] = [0.25, 1]
        let f = CompensatedArithmetic.augmentedResidual(a, columns: [0, 1], coefficients: x, b: b, r: r)
        // Row 0: 0.5 − 0.25 − (2⁵² − 2⁵² − 1) = 1.25; row 1: 7 − 1 − (3 − 5) = 8.
        #expect(f == [1.25, 8])
    }
}
