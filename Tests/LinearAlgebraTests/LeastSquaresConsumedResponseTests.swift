import Testing

@testable import LinearAlgebra

@Suite("Least squares that hands its response over to the residuals")
struct LeastSquaresConsumedResponseTests {
    /// Fails the test if two solutions differ in any bit of what they report.
    func expectIdentical(_ a: LeastSquaresSolution, _ b: LeastSquaresSolution) {
        #expect(a.coefficients.map(\.bitPattern) == b.coefficients.map(\.bitPattern))
        #expect(a.residuals.map(\.bitPattern) == b.residuals.map(\.bitPattern))
        #expect(a.unscaledCovariance.elements.map(\.bitPattern) == b.unscaledCovariance.elements.map(\.bitPattern))
        #expect(a.conditionNumber.bitPattern == b.conditionNumber.bitPattern)
        #expect(a.keptColumns == b.keptColumns && a.droppedColumns == b.droppedColumns)
        #expect(a.refinementSteps == b.refinementSteps)
    }

    /// A noisy polynomial design `1, t, …, t^degree` on `t ∈ (0, 1]`, ill-conditioned enough for
    /// `.automatic` to refine a large fit.
    func polynomial(rows: Int, degree: Int) -> (Matrix, [Double]) {
        var elements: [Double] = []
        for p in 0...degree {
            for i in 0..<rows {
                let t = Double(i + 1) / Double(rows)
                elements.append((0..<p).reduce(1.0) { product, _ in product * t })
            }
        }
        let a = Matrix(rows: rows, columns: degree + 1, columnMajor: elements)
        let noise = randomVector(rows, seed: 11)
        let y = (0..<rows).map { i in (0...degree).reduce(0.0) { $0 + a[i, $1] } + noise[i] }
        return (a, y)
    }

    @Test func smallDesignKeepsItsResponseAndNeverAsksForIt() throws {
        let a = randomMatrix(rows: 200, columns: 4, seed: 3)
        let b = randomVector(200, seed: 4)
        var asked = 0
        let handed = try leastSquares(a, response: b, recoverResponse: { asked += 1; return b })
        let reference = try leastSquares(a, b)
        #expect(reference.refinementSteps > 0)
        #expect(asked == 0)
        expectIdentical(handed, reference)
    }

    @Test func largeWellConditionedDesignIsNotRefinedAndNeverAsksForItsResponse() throws {
        let a = randomMatrix(rows: 40_000, columns: 3, seed: 5)
        let b = randomVector(40_000, seed: 6)
        var asked = 0
        let handed = try leastSquares(a, response: b, recoverResponse: { asked += 1; return b })
        let reference = try leastSquares(a, b)
        #expect(reference.refinementSteps == 0)
        #expect(asked == 0)
        expectIdentical(handed, reference)
    }

    @Test func largeDesignRefinedAfterTheSolveRecoversItsResponseOnce() throws {
        let (a, b) = polynomial(rows: 20_000, degree: 6)
        var asked = 0
        let handed = try leastSquares(a, response: b, recoverResponse: { asked += 1; return b })
        let reference = try leastSquares(a, b)
        // The branch under test: decided by the error ratio, after b's storage was reused.
        #expect(a.rows * reference.rank > LeastSquaresRefinement.smallDesignSize)
        #expect(reference.refinementSteps > 0)
        #expect(asked == 1)
        expectIdentical(handed, reference)
    }

    @Test func recoveryErrorsPropagate() throws {
        struct Unavailable: Error {}
        let (a, b) = polynomial(rows: 20_000, degree: 6)
        #expect(throws: Unavailable.self) {
            try leastSquares(a, response: b, recoverResponse: { throw Unavailable() })
        }
    }
}
