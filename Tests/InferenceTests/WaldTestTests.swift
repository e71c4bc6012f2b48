import Distributions
import Inference
import LinearAlgebra
import Testing

@Suite("WaldTest")
struct WaldTestTests {
    @Test("one restriction: W = t² and the F p-value equals the two-sided t p-value")
    func single() throws {
        let v = Matrix(rowMajor: [[4, 1], [1, 1]])
        let test = try WaldTest(
            estimates: [3, 2], covariance: v, restrictions: Matrix(rowMajor: [[0, 1]]),
            denominatorDegreesOfFreedom: 20)
        #expect(abs(test.chiSquare - 4) < 1e-14)
        #expect(test.rank == 1 && test.restrictions == 1)
        #expect(abs(test.fPValue - StudentT(degreesOfFreedom: 20).twoSidedPValue(2)) < 1e-12)
        #expect(abs(test.chiSquarePValue - ChiSquared(degreesOfFreedom: 1).survival(4)) < 1e-15)
    }

    @Test("joint test with values r: W = dᵀ(RVRᵀ)⁻¹d by hand")
    func joint() throws {
        let v = Matrix(rowMajor: [[2, 0.5, 0], [0.5, 1, 0.2], [0, 0.2, 3]])
        let r = Matrix(rowMajor: [[1, -1, 0], [0, 0, 1]])
        let test = try WaldTest(
            estimates: [1, 2, 3], covariance: v, restrictions: r, values: [0, 1],
            denominatorDegreesOfFreedom: 50)
        // d = (−1, 2); RVRᵀ = [[2 − 1 + 1, 0 − 0.2], [−0.2, 3]] = [[2, −0.2], [−0.2, 3]].
        let det = 2 * 3 - 0.04
        let w = (3 * 1 + 2 * 0.2 * (-1) * 2 * 1 + 2 * 4) / det  // dᵀ adj d / det
        #expect(abs(test.chiSquare - w) < 1e-12)
        #expect(abs(test.fStatistic - w / 2) < 1e-12)
        #expect(test.numeratorDegreesOfFreedom == 2 && test.denominatorDegreesOfFreedom == 50)
        let f = FDistribution(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 50)
        #expect(abs(test.fPValue - f.survival(w / 2)) < 1e-14)
    }

    @Test("rank-deficient RVRᵀ: pseudo-inverse and numerator df reduced to the rank (statsmodels)")
    func rankDeficient() throws {
        // V has rank 1 along (1, 1): only the sum is informative.
        let v = Matrix(rowMajor: [[1, 1], [1, 1]])
        let test = try WaldTest(
            estimates: [1, 1], covariance: v, restrictions: Matrix.identity(2),
            denominatorDegreesOfFreedom: 10)
        #expect(test.rank == 1 && test.restrictions == 2)
        // d = (1,1) = √2 · u with u the unit eigenvector of eigenvalue 2: W = 2/2 = 1.
        #expect(abs(test.chiSquare - 1) < 1e-12)
        #expect(abs(test.fStatistic - 1) < 1e-12)
    }
}
