import LinearAlgebra
import Testing

@Suite("Least squares with R's handling of collinear columns")
struct LeastSquaresSolutionTests {
    /// A design whose first column is the intercept.
    func design(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var x = randomMatrix(rows: rows, columns: columns, seed: seed)
        for i in 0..<rows { x[i, 0] = 1 }
        return x
    }

    /// Normal-equation reference `(XᵀX)⁻¹ Xᵀ b` for a well-conditioned `X`.
    func naiveCoefficients(_ x: Matrix, _ b: [Double]) -> [Double] {
        naiveProduct(naiveInverse(naiveProduct(x.transposed, x)), naiveProduct(x.transposed, b))
    }

    @Test func fullRankFitMatchesNormalEquations() throws {
        let x = design(rows: 40, columns: 5, seed: 31)
        let b = randomVector(40, seed: 32)
        let fit = try leastSquares(x, b)
        #expect(fit.rank == 5 && fit.keptColumns == [0, 1, 2, 3, 4] && fit.droppedColumns.isEmpty)
        #expect(maxAbsDifference(fit.coefficients, naiveCoefficients(x, b)) < 1e-12)
        #expect(maxAbsDifference(fit.unscaledCovariance, naiveInverse(naiveProduct(x.transposed, x))) < 1e-13)
        #expect(fit.unscaledCovariance.isSymmetric(tolerance: 0))
        // Residuals are orthogonal to every column and complete the fitted values to b.
        #expect(maxAbsDifference(naiveProduct(x.transposed, fit.residuals), Array(repeating: 0, count: 5)) < 1e-13)
        #expect(maxAbsDifference(zip(fit.fitted, fit.residuals).map(+), b) < 1e-14)
        #expect(maxAbsDifference(fit.fitted, naiveProduct(x, fit.coefficients)) < 1e-13)
        let rss = fit.residuals.reduce(0) { $0 + $1 * $1 }
        #expect(abs(fit.residualSumOfSquares - rss) < 1e-15)
    }

    @Test func tallDesignUsesTheTallSkinnyPathCorrectly() throws {
        // 20,000 × 3 is far past dgeqr's switch to TSQR; check against the normal equations.
        let x = design(rows: 20_000, columns: 3, seed: 48)
        let b = randomVector(20_000, seed: 49)
        let fit = try leastSquares(x, b)
        #expect(maxAbsDifference(fit.coefficients, naiveCoefficients(x, b)) < 1e-12)
        #expect(maxAbsDifference(naiveProduct(x.transposed, fit.residuals), [0, 0, 0]) < 1e-10)
        #expect(maxAbsDifference(fit.unscaledCovariance, naiveInverse(naiveProduct(x.transposed, x))) < 1e-15)
    }

    @Test func exactLineIsRecovered() throws {
        let t = (0..<6).map(Double.init)
        let x = Matrix(columnArrays: [Array(repeating: 1, count: 6), t])
        let fit = try leastSquares(x, t.map { 1 + 2 * $0 })
        #expect(abs(fit.coefficients[0] - 1) < 1e-14 && abs(fit.coefficients[1] - 2) < 1e-14)
        #expect(fit.residuals.allSatisfy { abs($0) < 1e-14 })
    }

    @Test func dependentLastColumnIsDroppedAndReportedAsNaN() throws {
        // Column 3 = column 1 + column 2 (1-based), as in the R example lm(y ~ x1 + x2 + I(x1 + x2)).
        let x = randomMatrix(rows: 15, columns: 2, seed: 33)
        let a = Matrix(columnArrays: [x.column(0), x.column(1), zip(x.column(0), x.column(1)).map(+)])
        let b = randomVector(15, seed: 34)
        let fit = try leastSquares(a, b)
        #expect(fit.rank == 2)
        #expect(fit.keptColumns == [0, 1] && fit.droppedColumns == [2])
        #expect(fit.coefficients[2].isNaN)
        // The kept coefficients are those of the regression on the kept columns alone.
        let reduced = try leastSquares(x, b)
        #expect(maxAbsDifference(Array(fit.coefficients[0..<2]), reduced.coefficients) < 1e-13)
        #expect(maxAbsDifference(Array(fit.coefficients[0..<2]), naiveCoefficients(x, b)) < 1e-12)
        #expect(maxAbsDifference(fit.unscaledCovariance, naiveInverse(naiveProduct(x.transposed, x))) < 1e-12)
        #expect(maxAbsDifference(fit.residuals, reduced.residuals) < 1e-13)
    }

    @Test func laterColumnIsDroppedWhateverTheNorms() throws {
        // Columns x1, x1 + x2, x2: the largest-norm column sits in the middle; R drops the last.
        let x = randomMatrix(rows: 12, columns: 2, seed: 35)
        let a = Matrix(columnArrays: [x.column(0), zip(x.column(0), x.column(1)).map(+), x.column(1)])
        let fit = try leastSquares(a, randomVector(12, seed: 36))
        #expect(fit.keptColumns == [0, 1] && fit.droppedColumns == [2])
    }

    @Test func fullDummySetWithInterceptDropsTheLastDummy() throws {
        // 9 rows in 3 groups; intercept + 3 group dummies is collinear. lm keeps the intercept.
        let group = [0, 0, 0, 1, 1, 1, 2, 2, 2]
        let dummies = (0..<3).map { g in group.map { $0 == g ? 1.0 : 0.0 } }
        let a = Matrix(columnArrays: [Array(repeating: 1, count: 9)] + dummies)
        let b = [1.0, 2, 3, 5, 6, 7, 2, 2, 2]
        let fit = try leastSquares(a, b)
        #expect(fit.droppedColumns == [3] && fit.rank == 3)
        // Group 3 is the reference: intercept = its mean 2, the dummies are differences of means.
        let expected = [2.0, 0.0, 4.0]
        #expect(maxAbsDifference(Array(fit.coefficients[0..<3]), expected) < 1e-13)
        #expect(fit.coefficients[3].isNaN)
    }

    @Test func decisionsDoNotDependOnColumnScale() throws {
        // A regressor in tiny units is still an independent regressor (R keeps it).
        let x = design(rows: 20, columns: 3, seed: 37)
        var scaled = x
        for i in 0..<20 { scaled[i, 2] *= 1e-9 }
        let b = randomVector(20, seed: 38)
        let fit = try leastSquares(x, b)
        let scaledFit = try leastSquares(scaled, b)
        #expect(scaledFit.rank == 3)
        #expect(abs(scaledFit.coefficients[2] * 1e-9 - fit.coefficients[2]) < 1e-12)
    }

    @Test func nearlyDependentColumnFollowsTheTolerance() throws {
        let x = randomMatrix(rows: 25, columns: 2, seed: 39)
        let noise = randomVector(25, seed: 40)
        let nearSum = (0..<25).map { x[$0, 0] + x[$0, 1] + 1e-10 * noise[$0] }
        let a = Matrix(columnArrays: [x.column(0), x.column(1), nearSum])
        let b = randomVector(25, seed: 41)
        #expect(try leastSquares(a, b).droppedColumns == [2])
        #expect(try leastSquares(a, b, relativeTolerance: 1e-13).rank == 3)
    }

    @Test func zeroColumnIsDropped() throws {
        let x = design(rows: 8, columns: 2, seed: 42)
        let a = Matrix(columnArrays: [x.column(0), Array(repeating: 0, count: 8), x.column(1)])
        let fit = try leastSquares(a, randomVector(8, seed: 43), relativeTolerance: 0)
        #expect(fit.keptColumns == [0, 2] && fit.droppedColumns == [1])
        #expect(fit.coefficients[1].isNaN)
    }

    @Test func moreColumnsThanRowsKeepsTheFirstIndependentOnes() throws {
        let a = randomMatrix(rows: 3, columns: 5, seed: 44)
        let b = randomVector(3, seed: 45)
        let fit = try leastSquares(a, b)
        #expect(fit.rank == 3 && fit.keptColumns == [0, 1, 2] && fit.droppedColumns == [3, 4])
        #expect(fit.residuals.allSatisfy { abs($0) < 1e-14 })
        #expect(maxAbsDifference(fit.fitted, b) < 1e-14)
    }

    @Test func emptyDesigns() throws {
        let noColumns = try leastSquares(Matrix(rows: 3, columns: 0), [1, 2, 3])
        #expect(noColumns.rank == 0 && noColumns.coefficients.isEmpty)
        #expect(noColumns.residuals == [1, 2, 3] && noColumns.fitted == [0, 0, 0])
        let noRows = try leastSquares(Matrix(rows: 0, columns: 2), [])
        #expect(noRows.droppedColumns == [0, 1] && noRows.coefficients.allSatisfy(\.isNaN))
    }

    @Test func nonFiniteDataThrows() {
        var a = design(rows: 6, columns: 2, seed: 46)
        var b = randomVector(6, seed: 47)
        b[4] = .nan
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dgemqr", position: 11)) {
            try leastSquares(a, b)
        }
        b[4] = 0
        a[1, 1] = .infinity
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dgeqr", position: 4)) {
            try leastSquares(a, b)
        }
    }

    @Test func matchesRLmFitOnACollinearDesign() throws {
        // Design: intercept, three seeded columns c0, c1, c2 (seed 99), 2·c0 − c2 in position 4,
        // then c3; response seed 100. Reference: R 4.2.2, lm.fit(X, y) with the default
        // tol = 1e-7, coefficients printed with %.17g; NA for the collinear column 4.
        let x = randomMatrix(rows: 30, columns: 4, seed: 99)
        var columns = (0..<4).map { x.column($0) }
        columns.insert(zip(columns[0], columns[2]).map { 2 * $0 - $1 }, at: 3)
        columns.insert(Array(repeating: 1, count: 30), at: 0)
        let fit = try leastSquares(Matrix(columnArrays: columns), randomVector(30, seed: 100))
        let r: [Double] = [
            -0.18043440725694748, 0.32313122200943684, 0.16684676958846686, 0.21369817587052281, .nan,
            0.025319964976518637,
        ]
        #expect(fit.droppedColumns == [4])
        #expect(fit.coefficients[4].isNaN)
        for j in [0, 1, 2, 3, 5] { #expect(abs(fit.coefficients[j] - r[j]) < 1e-14) }
    }

    @Test func rankAgreesWithPivotedQROnRandomDesigns() throws {
        for seed in UInt64(50)..<UInt64(55) {
            let a = randomMatrix(rows: 30, columns: 6, seed: seed)
            #expect(try leastSquares(a, randomVector(30, seed: seed)).rank == PivotedQR(a).rank())
        }
    }

    /// Columns x1, x2, x1 + x2 + ε z (relative remainder above or below 1e-7) and x3.
    func nearlyDependentDesign(epsilon: Double) -> Matrix {
        let x = randomMatrix(rows: 40, columns: 4, seed: 70)
        let near = (0..<40).map { x[$0, 0] + x[$0, 1] + epsilon * x[$0, 2] }
        return Matrix(columnArrays: [Array(repeating: 1, count: 40), x.column(0), x.column(1), near, x.column(3)])
    }

    @Test("R's drop decisions survive any column scaling", arguments: [3e-7, 2e-8])
    func dropDecisionsAreScaleInvariant(epsilon: Double) throws {
        let a = nearlyDependentDesign(epsilon: epsilon)
        let b = randomVector(40, seed: 71)
        let reference = try leastSquares(a, b)
        #expect(reference.droppedColumns == (epsilon < 1e-7 ? [3] : []))
        for factors in [[1e-150, 1e150, 3.7, 1e-9, 1], [1e8, 1, 1e-300, 1e250, 0.1]] {
            var scaled = a
            for j in 0..<5 { for i in 0..<40 { scaled[i, j] *= factors[j] } }
            let fit = try leastSquares(scaled, b)
            #expect(fit.droppedColumns == reference.droppedColumns)
            for j in fit.keptColumns {
                let unscaled = fit.coefficients[j] * factors[j]
                #expect(abs(unscaled - reference.coefficients[j]) <= 1e-9 * abs(reference.coefficients[j]))
            }
            #expect(abs(fit.conditionNumber / reference.conditionNumber - 1) < 1e-8)
        }
    }

    @Test func powerOfTwoColumnScalingChangesNothingButTheScale() throws {
        // Householder QR commutes with multiplication by powers of two, so the equilibrated solve
        // sees the same matrix whatever the units: decisions, condition number and refinement
        // are identical, and coefficients are scaled exactly.
        let a = nearlyDependentDesign(epsilon: 1e-5)
        let b = randomVector(40, seed: 72)
        let factors = [0x1p-200, 0x1p300, 0x1p-3, 1, 0x1p40]
        var scaled = a
        for j in 0..<5 { for i in 0..<40 { scaled[i, j] *= factors[j] } }
        for policy in [LeastSquaresRefinement.never, .always] {
            let reference = try leastSquares(a, b, refinement: policy)
            let fit = try leastSquares(scaled, b, refinement: policy)
            #expect(fit.droppedColumns == reference.droppedColumns)
            #expect(fit.conditionNumber == reference.conditionNumber)
            #expect(fit.refinementSteps == reference.refinementSteps)
            #expect(fit.residuals == reference.residuals)
            for j in 0..<5 { #expect(fit.coefficients[j] * factors[j] == reference.coefficients[j]) }
        }
    }

    @Test func conditionNumberIsReportedForTheKeptColumns() throws {
        let x = design(rows: 30, columns: 3, seed: 73)
        let orthogonalish = try leastSquares(x, randomVector(30, seed: 74))
        #expect(orthogonalish.conditionNumber >= 1 && orthogonalish.conditionNumber < 10)
        #expect(orthogonalish.digitsAtRisk < 1)
        // A dropped duplicate does not enter the condition number.
        let duplicated = Matrix(columnArrays: [x.column(0), x.column(1), x.column(1), x.column(2)])
        let fit = try leastSquares(duplicated, randomVector(30, seed: 74))
        #expect(fit.droppedColumns == [2])
        #expect(abs(fit.conditionNumber - orthogonalish.conditionNumber) < 1e-12 * fit.conditionNumber)
        #expect(try leastSquares(Matrix(rows: 3, columns: 0), [1, 2, 3]).conditionNumber.isNaN)
    }
}
