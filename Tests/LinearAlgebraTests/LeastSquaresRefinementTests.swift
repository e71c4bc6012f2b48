import Testing

@testable import LinearAlgebra

@Suite("Iterative refinement of least-squares solutions (Björck)")
struct LeastSquaresRefinementTests {
    func minimumLRE(_ coefficients: [Double], _ exact: [Double]) -> Double {
        zip(coefficients, exact).map { logRelativeError($0, $1) }.min()!
    }

    @Test func refinementTurnsPlainQRAccuracyIntoFullPrecisionOnWampler5AndFilip() throws {
        let file = try AccuracyFile.load()
        for name in ["Wampler5", "Filip"] {
            let (design, y) = try AccuracyDesigns.nistDesign(name)
            let exact = file.named("nist_\(name)").exact
            let plain = try leastSquares(design, y, relativeTolerance: 1e-10, refinement: .never)
            let refined = try leastSquares(design, y, relativeTolerance: 1e-10, refinement: .always)
            #expect(plain.refinementSteps == 0 && refined.refinementSteps >= 2)
            // Plain Householder QR (statsmodels' path) loses digits to the κ² ‖r‖ term: 6 on
            // Wampler5, 7.6 on Filip here; refinement recovers the correctly rounded solution.
            #expect(minimumLRE(plain.coefficients, exact) < 9)
            #expect(minimumLRE(refined.coefficients, exact) >= 15)
            // Covariance and condition number come from the same triangle either way.
            #expect(plain.unscaledCovariance == refined.unscaledCovariance)
            #expect(plain.conditionNumber == refined.conditionNumber)
        }
    }

    @Test func refinedResidualsStayConsistent() throws {
        let (design, y, _) = AccuracyDesigns.integerPolynomial(degree: 8, withResidual: true)
        let fit = try leastSquares(design, y, refinement: .always)
        #expect(maxAbsDifference(zip(fit.fitted, fit.residuals).map(+), y) <= 1e-16 * norm(y))
        // Aᵀr = 0 up to rounding of the products, measured with compensated dot products.
        for j in 0..<design.columns {
            let column = design.column(j)
            let dot = column.withUnsafeBufferPointer { pc in
                fit.residuals.withUnsafeBufferPointer { CompensatedArithmetic.dot(pc.baseAddress!, $0.baseAddress!, count: 21) }
            }
            #expect(abs(dot) <= 1e-14 * norm(column) * norm(fit.residuals))
        }
    }

    @Test func automaticRefinesSmallDesignsAndLargeOnesOnlyWhenTheErrorRatioIsLarge() {
        let policy = LeastSquaresRefinement.automatic
        // Small: always, whatever the estimate.
        #expect(policy.applies(rows: 1_000, rank: 10, errorRatio: 0))
        #expect(policy.applies(rows: 6_553, rank: 10, errorRatio: 0))
        #expect(!policy.applies(rows: 6_554, rank: 10, errorRatio: 0))
        // Large: above 10⁻⁸ of a coefficient or its standard error.
        #expect(!policy.applies(rows: 480_000, rank: 10, errorRatio: 1e-8))
        #expect(policy.applies(rows: 480_000, rank: 10, errorRatio: 2e-8))
        #expect(policy.applies(rows: 480_000, rank: 10, errorRatio: .infinity))
        // Nothing kept: nothing to refine.
        #expect(!policy.applies(rows: 10, rank: 0, errorRatio: .infinity))
        #expect(LeastSquaresRefinement.always.applies(rows: 480_000, rank: 1, errorRatio: 0))
        #expect(!LeastSquaresRefinement.never.applies(rows: 10, rank: 1, errorRatio: .infinity))
        #expect("\(LeastSquaresRefinement.automatic)" == "automatic")
    }

    @Test func errorRatioFollowsTheFirstOrderBound() throws {
        // Orthonormal columns scaled by 2 (κ = 1): T = 2·I up to signs, x_N = 2 x_s.
        let a = Matrix(columnArrays: [[2, 0, 0, 0], [0, 2, 0, 0]])
        let scaling = try ColumnScaling(a, routine: "dgeqr", argument: 4)
        let factorization = try LeastSquaresFactorization(a, scaling: scaling, relativeTolerance: 1e-7)
        let b: [Double] = [6, 8, 1, 1]
        let (solution, residuals) = try factorization.solve(b)
        let covariance = try factorization.scaledCovariance()
        let ratio = factorization.roundingErrorRatio(
            solution: solution, residualNorm: norm(residuals), conditionNumber: 1, scaledCovariance: covariance)
        // x = (3, 4), r = (0, 0, 1, 1): E = u (‖(6, 8)‖ + √2) = u (10 + √2); σ̂ = 1, se_N = 1;
        // the smaller coefficient, 6, sets the ratio.
        let u = Double.ulpOfOne / 2
        #expect(abs(ratio - u * (10 + 2.0.squareRoot()) / 6) < 1e-12 * ratio)
        // A zero solution with zero residual has nothing to refine.
        let zero = factorization.roundingErrorRatio(
            solution: [0, 0], residualNorm: 0, conditionNumber: 1, scaledCovariance: covariance)
        #expect(zero == 0)
    }

    @Test func automaticLeavesALargeWellConditionedDesignUnrefined() throws {
        // 20,000 × 4 = 80,000 > 2¹⁶ entries, κ ≈ 1.7: the plain QR answer is kept bit for bit.
        var design = randomMatrix(rows: 20_000, columns: 4, seed: 64)
        for i in 0..<20_000 { design[i, 0] = 1 }
        let y = randomVector(20_000, seed: 65).enumerated().map { 2 + design[$0.offset, 1] + $0.element }
        let automatic = try leastSquares(design, y)
        let plain = try leastSquares(design, y, refinement: .never)
        #expect(automatic.refinementSteps == 0)
        #expect(automatic.coefficients == plain.coefficients && automatic.residuals == plain.residuals)
    }

    @Test func automaticRefinesALargeIllConditionedDesign() throws {
        // The degree-8 integer polynomial (κ ≈ 4e5) repeated 4,000 times: 84,000 rows × 9 columns.
        // The normwise bound (7e-11 of ‖x_N‖) is small, but the intercept, tiny next to the t⁸
        // term, would keep only 4 digits: the per-coefficient ratio catches it.
        let (small, smallY, beta) = AccuracyDesigns.integerPolynomial(degree: 8, withResidual: true)
        let rows = (0..<84_000).map { $0 % 21 }
        let fit = try leastSquares(small.selectingRows(rows), rows.map { smallY[$0] })
        #expect(fit.refinementSteps > 0)
        #expect(minimumLRE(fit.coefficients, beta) >= 15)
    }

    @Test func aDesignBeyondDoublePrecisionKeepsAFiniteAnswer() throws {
        // x₂ = x₁ + 2⁻⁵⁰ z: κ ≈ 10¹⁵, κ·u ≈ 0.1, kept only because the tolerance is 0. Whether
        // or not the iteration contracts, the answer is finite, and an iteration that never
        // contracted returns the plain QR solution unchanged.
        let t = (0...20).map(Double.init)
        let x1 = t.map { $0 * $0 }
        let x2 = zip(x1, t).map { $0 + $1 * $1 * $1 * 0x1p-50 }
        let design = Matrix(columnArrays: [Array(repeating: 1, count: 21), x1, x2])
        let y = zip(x1, AccuracyDesigns.binomialResidual(21)).map { 1 + $0 + $1 }
        let plain = try leastSquares(design, y, relativeTolerance: 0, refinement: .never)
        let refined = try leastSquares(design, y, relativeTolerance: 0, refinement: .always)
        #expect(refined.rank == 3 && refined.conditionNumber > 1e13)
        #expect(refined.coefficients.allSatisfy(\.isFinite) && refined.residuals.allSatisfy(\.isFinite))
        if refined.refinementSteps == 0 { #expect(refined.coefficients == plain.coefficients) }
    }
}
