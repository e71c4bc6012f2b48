import Foundation
import Testing

@testable import LinearAlgebra

@Suite("Condition number of the unit-length columns")
struct UnitColumnConditionTests {
    @Test func scaledIdentityIsPerfectlyConditioned() throws {
        #expect(try unitColumnConditionNumber(Matrix(diagonal: [1e-8, 3, 1e12])) == 1)
    }

    @Test func twoByTwoMatchesTheClosedForm() throws {
        // Unit columns (1, 0) and (c, s): singular values √(1 ± c), κ = √((1 + c)/(1 − c)).
        let c = 0.6
        let t = Matrix(rowMajor: [[1, 5 * c], [0, 5 * 0.8]])
        let expected = ((1 + c) / (1 - c)).squareRoot()
        #expect(abs(try unitColumnConditionNumber(t) - expected) < 1e-14 * expected)
    }

    @Test func emptyAndSingularTriangles() throws {
        #expect(try unitColumnConditionNumber(Matrix(rows: 0, columns: 0)).isNaN)
        #expect(try unitColumnConditionNumber(Matrix(rowMajor: [[1, 1], [0, 0]])) == .infinity)
    }

    @Test func agreesWithTheSVDOfTheNormalizedDesign() throws {
        var a = randomMatrix(rows: 30, columns: 4, seed: 62)
        for i in 0..<30 { a[i, 3] = a[i, 0] + 1e-4 * a[i, 3] }
        var unit = a
        for j in 0..<4 {
            let n = norm(a.column(j))
            for i in 0..<30 { unit[i, j] /= n }
        }
        let fit = try leastSquares(a, randomVector(30, seed: 63))
        let expected = try SingularValueDecomposition(unit).conditionNumber
        #expect(abs(fit.conditionNumber / expected - 1) < 1e-10)
        #expect(abs(fit.digitsAtRisk - log10(expected)) < 1e-10)
    }
}
