import Distributions
import Inference
import LinearAlgebra
import Testing

@Suite("CoefficientTable")
struct CoefficientTableTests {
    @Test("t, p and CI from the covariance and df; dropped rows are NaN")
    func rows() throws {
        let v = Matrix(rowMajor: [[4, 1], [1, 0.25]])
        let table = CoefficientTable(
            names: ["Intercept", "x1", "x3"], estimates: [10, -1, .nan], keptColumns: [0, 1],
            covariance: v, degreesOfFreedom: 12, level: 0.9, covarianceLabel: "HC1")
        let intercept = try #require(table["Intercept"])
        #expect(intercept.standardError == 2)
        #expect(intercept.statistic == 5)
        let t = StudentT(degreesOfFreedom: 12)
        #expect(abs(intercept.pValue - 2 * t.survival(5)) < 1e-15)
        let critical = t.quantile(0.95)
        #expect(abs(intercept.lower - (10 - critical * 2)) < 1e-12)
        #expect(abs(intercept.upper - (10 + critical * 2)) < 1e-12)
        let x1 = try #require(table["x1"])
        #expect(x1.standardError == 0.5 && x1.statistic == -2 && !x1.isDropped)
        let x3 = try #require(table["x3"])
        #expect(x3.isDropped && x3.estimate.isNaN && x3.standardError.isNaN && x3.pValue.isNaN)
        #expect(table.droppedNames == ["x3"])
        let x3Line = table.description.split(separator: "\n").first { $0.hasPrefix("x3 ") }
        #expect(x3Line?.contains("dropped (collinear)") == true)
        #expect(table.description.contains("[0.05") && table.description.contains("0.95]"))
    }

    @Test("infinite df gives normal-based inference")
    func normal() throws {
        let table = CoefficientTable(
            names: ["a"], estimates: [1.96], keptColumns: [0], covariance: Matrix.identity(1),
            degreesOfFreedom: .infinity)
        let row = try #require(table["a"])
        #expect(abs(row.pValue - Normal().twoSidedPValue(1.96)) < 1e-14)
        #expect(abs(row.lower - (1.96 - Normal().quantile(0.975))) < 1e-12)
    }
}
