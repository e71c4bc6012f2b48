import Distributions
import Inference
import LinearAlgebra
import Testing

@Suite("LinearCombination: cᵀb, √(cᵀVc), t test of cᵀb = r and interval")
struct LinearCombinationTests {
    @Test("numbers by hand")
    func byHand() {
        let v = Matrix(rowMajor: [[4, 1, 0], [1, 9, 2], [0, 2, 1]])
        let c = [0.5, 0.5, 0]
        let terms = [LinearCombination.Term(name: "a", weight: 0.5), .init(name: "b", weight: 0.5)]
        let lc = LinearCombination(
            terms: terms, contrast: c, estimates: [2, 4, 7], covariance: v, value: 1, degreesOfFreedom: 10)
        // θ = 3; cᵀVc = 0.25·(4 + 2·1 + 9) = 3.75.
        #expect(lc.estimate == 3)
        #expect(abs(lc.standardError - 3.75.squareRoot()) < 1e-15)
        #expect(abs(lc.statistic - 2 / 3.75.squareRoot()) < 1e-15)
        let t = StudentT(degreesOfFreedom: 10)
        #expect(abs(lc.pValue - t.twoSidedPValue(lc.statistic)) < 1e-15)
        let critical = t.inverseSurvival(0.025)
        #expect(abs(lc.lower - (3 - critical * lc.standardError)) < 1e-14)
        #expect(abs(lc.upper - (3 + critical * lc.standardError)) < 1e-14)
        #expect(lc.expression == "0.5·a + 0.5·b")
        #expect(lc.description.hasPrefix("0.5·a + 0.5·b = 1: estimate 3"))
        #expect(lc.description.contains("t(10)") && lc.description.contains("95% CI ["))
    }

    @Test("expression: unit weights without factor, minus signs")
    func expression() {
        let terms = [LinearCombination.Term(name: "x1", weight: 1), .init(name: "x2", weight: -1), .init(name: "x3", weight: -0.25)]
        let lc = LinearCombination(
            terms: terms, contrast: [1, -1, -0.25], estimates: [1, 2, 3], covariance: Matrix.identity(3),
            degreesOfFreedom: 5, level: 0.9)
        #expect(lc.expression == "x1 − x2 − 0.25·x3")
        #expect(lc.description.contains("90% CI"))
    }
}
