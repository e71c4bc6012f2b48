import DataFrameModule
import Distributions
import Inference
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

@Suite("RegressionFit: linear combinations, joint tests of combinations, Satterthwaite df, CR2/CR3 in fits")
struct RegressionFitLinearCombinationTests {
    static let formula = "y ~ x1 + x2 + C(g)"

    @Test("one coefficient with weight 1 reproduces its coefficient-table row")
    func singleCoefficient() throws {
        let data = try simulatedFrame(n: 300, clusters: 12, seed: 61)
        let fit = try LinearRegression.fit(Self.formula, data: data, covariance: .cr2(by: "firm"))
        let row = try #require(fit.coefficientTable()["x2"])
        let lc = try fit.linearCombination(weights: ["x2": 1])
        #expect(lc.estimate == row.estimate)
        #expect(abs(lc.standardError - row.standardError) <= 1e-15 * row.standardError)
        #expect(abs(lc.pValue - row.pValue) <= 1e-12)
        #expect(abs(lc.lower - row.lower) <= 1e-12 && abs(lc.upper - row.upper) <= 1e-12)
        #expect(lc.degreesOfFreedom == 11 && lc.covarianceLabel == "Clustered (firm), G = 12, CR2 (Bell–McCaffrey)")
    }

    @Test("the average of two coefficients: estimate, √(cᵀVc), t against a value; one-row Wald F = t²")
    func average() throws {
        let data = try simulatedFrame(n: 300, clusters: 40, seed: 62)
        let fit = try LinearRegression.fit(Self.formula, data: data, covariance: .hc1)
        let j1 = fit.keptColumns.firstIndex(of: fit.columnNames.firstIndex(of: "x1")!)!
        let j2 = fit.keptColumns.firstIndex(of: fit.columnNames.firstIndex(of: "x2")!)!
        let v = fit.covariance
        let lc = try fit.linearCombination(weights: ["x1": 0.5, "x2": 0.5], value: 0.4)
        let b1 = fit.coefficient("x1")!
        let b2 = fit.coefficient("x2")!
        #expect(abs(lc.estimate - (b1 + b2) / 2) < 1e-15)
        let variance = 0.25 * (v[j1, j1] + 2 * v[j1, j2] + v[j2, j2])
        #expect(abs(lc.standardError - variance.squareRoot()) < 1e-15)
        #expect(abs(lc.statistic - (lc.estimate - 0.4) / lc.standardError) < 1e-12)
        #expect(lc.terms.map(\.name) == ["x1", "x2"] && lc.expression == "0.5·x1 + 0.5·x2")
        let wald = try fit.waldTest(combinations: [["x1": 0.5, "x2": 0.5]], values: [0.4])
        #expect(abs(wald.fStatistic - lc.statistic * lc.statistic) < 1e-10 * wald.fStatistic)
        #expect(abs(wald.fPValue - lc.pValue) < 1e-10)
        #expect(wald.denominatorDegreesOfFreedom == lc.degreesOfFreedom)
    }

    @Test("Satterthwaite df: per coefficient equals a unit combination; below G − 1; needs CR2")
    func satterthwaite() throws {
        let data = try simulatedFrame(n: 240, clusters: 8, seed: 63)
        let fit = try LinearRegression.fit(Self.formula, data: data, covariance: .cr2(by: "firm"))
        let df = try fit.satterthwaiteDegreesOfFreedom()
        for name in ["x1", "x2"] {
            let j = fit.columnNames.firstIndex(of: name)!
            let lc = try fit.linearCombination(weights: [name: 1], degreesOfFreedom: .satterthwaite)
            #expect(abs(lc.degreesOfFreedom - df[j]) < 1e-12 * df[j])
            #expect(lc.degreesOfFreedomSource == "Satterthwaite (CR2)")
            #expect(df[j] > 1 && df[j] < 7)
        }
        let cr1 = try fit.with(covariance: .clustered(by: ["firm"]))
        #expect(throws: InferenceError.satterthwaiteNeedsCR2(covariance: cr1.covarianceLabel)) {
            try cr1.satterthwaiteDegreesOfFreedom()
        }
        #expect(throws: InferenceError.self) {
            try cr1.linearCombination(weights: ["x1": 1], degreesOfFreedom: .satterthwaite)
        }
    }

    @Test("unknown or dropped coefficients are typed errors naming the available ones")
    func unknownNames() throws {
        let data = try simulatedFrame(n: 120, clusters: 10, seed: 64)
        let fit = try LinearRegression.fit(Self.formula, data: data)
        #expect(throws: EstimationError.self) { try fit.linearCombination(weights: ["x3": 1]) }
        do {
            _ = try fit.waldTest(combinations: [["x1": 1], ["x22": 1]])
            Issue.record("expected an error")
        } catch let error as EstimationError {
            #expect(error.description.contains("Did you mean 'x2'?"))
        }
    }

    @Test("CR2/CR3 through the formula entry point: swap equals refit, labels and warnings in the summary")
    func inFits() throws {
        let data = try simulatedFrame(n: 300, clusters: 15, seed: 65)
        for weights in [nil, "w"] as [String?] {
            let base = try LinearRegression.fit(Self.formula, data: data, weights: weights, covariance: .hc1)
            for type in [CovarianceType.cr2(by: "firm"), .cr3(by: "firm")] {
                let swapped = try base.with(covariance: type)
                let fresh = try LinearRegression.fit(Self.formula, data: data, weights: weights, covariance: type)
                #expect(swapped.covariance == fresh.covariance)
                #expect(swapped.inferenceDegreesOfFreedom == 14)
                let summary = fresh.summary()
                #expect(summary.contains("Covariance:   \(fresh.covarianceLabel); t df = 14"))
                #expect(summary.contains("Only 15 clusters in 'firm'"))
            }
        }
        let three = try LinearRegression.fit(
            "y ~ x1 + x2", data: data, covariance: .clustered(by: ["firm", "g", "firm"]))
        #expect(three.covarianceLabel == "Clustered (firm, g, firm), G = 15, 3, 15, CR1 (three-way CGM)")
    }
}
