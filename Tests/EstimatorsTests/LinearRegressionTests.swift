import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

private func maxDifference(_ a: Matrix, _ b: Matrix) -> Double {
    zip(a.elements, b.elements).reduce(0) { max($0, abs($1.0 - $1.1) / max(abs($1.1), 1e-300)) }
}

@Suite("LinearRegression: entry points, covariance swaps, simulated truth, errors")
struct LinearRegressionTests {
    static let formula = "y ~ x1 + x2 + C(g)"

    @Test("formula + frame and design + cluster codes give the same fit (rtol 1e-12)")
    func entryPointsAgree() throws {
        let data = try simulatedFrame(n: 400, clusters: 20, seed: 1)
        let viaFormula = try LinearRegression.fit(Self.formula, data: data, covariance: .clustered(by: ["firm"]))
        let design = try DesignMatrix.build(
            Formula.parse(Self.formula), data: data,
            options: DesignOptions(requiredColumns: ["firm"]))
        guard case .integer(let ids, _) = data["firm"]!.values else {
            Issue.record("firm not integer")
            return
        }
        let codes = design.rowIndices.map { Int32(ids[$0]) }
        let viaDesign = try LinearRegression.fit(
            design: design, clusters: ["firm": codes], covariance: .clustered(by: ["firm"]))
        #expect(viaFormula.columnNames == viaDesign.columnNames)
        for j in viaFormula.coefficients.indices {
            #expect(
                abs(viaFormula.coefficients[j] - viaDesign.coefficients[j]) <= 1e-12 * abs(viaDesign.coefficients[j]))
        }
        #expect(maxDifference(viaFormula.covariance, viaDesign.covariance) < 1e-12)
        #expect(viaFormula.clusterCounts == ["firm": 20] && viaDesign.clusterCounts == ["firm": 20])
        #expect(viaFormula.rSquared == viaDesign.rSquared)
        #expect(viaFormula.covarianceLabel == "Clustered (firm), G = 20, CR1")
    }

    @Test(
        "with(covariance:) equals a fresh fit with that covariance, for every type",
        arguments: [
            CovarianceType.classical, .hc0, .hc1, .hc2, .hc3, .clustered(by: ["firm"]),
            .clustered(by: ["firm", "g"]), .clustered(by: ["firm"], correction: .none),
        ])
    func swapEqualsRefit(type: CovarianceType) throws {
        let data = try simulatedFrame(n: 300, clusters: 15, seed: 2)
        for weights in [nil, "w"] as [String?] {
            let base = try LinearRegression.fit(Self.formula, data: data, weights: weights, covariance: .hc1)
            let swapped = try base.with(covariance: type)
            let fresh = try LinearRegression.fit(Self.formula, data: data, weights: weights, covariance: type)
            #expect(maxDifference(swapped.covariance, fresh.covariance) < 1e-12)
            #expect(swapped.inferenceDegreesOfFreedom == fresh.inferenceDegreesOfFreedom)
            #expect(swapped.covarianceLabel == fresh.covarianceLabel)
            #expect(abs(swapped.fStatistic - fresh.fStatistic) <= 1e-10 * abs(fresh.fStatistic))
            #expect(swapped.warnings == fresh.warnings)
            #expect(swapped.coefficients == base.coefficients)
        }
    }

    @Test(
        "seeded simulation: coefficients within 4 SE of the truth; CR1 SE of the cluster-level regressor exceeds the iid SE"
    )
    func recoversTruth() throws {
        let data = try simulatedFrame(n: 6000, clusters: 60, seed: 3)
        let fit = try LinearRegression.fit(Self.formula, data: data, covariance: .clustered(by: ["firm"]))
        let truth: [String: Double] = ["Intercept": 2, "x1": 1.5, "x2": -0.7, "C(g)[T.b]": 3, "C(g)[T.c]": -1]
        let table = fit.coefficientTable()
        for (name, value) in truth {
            let row = try #require(table[name])
            #expect(
                abs(row.estimate - value) < 4 * row.standardError,
                "\(name): \(row.estimate) vs \(value) ± \(row.standardError)")
        }
        // The shock is shared within firms and x2 varies mostly between firms: iid SEs understate.
        let iid = try fit.with(covariance: .classical)
        let x2 = fit.columnNames.firstIndex(of: "x2")!
        #expect(fit.standardErrors[x2] > 2 * iid.standardErrors[x2])
        #expect(fit.inferenceDegreesOfFreedom == 59 && iid.inferenceDegreesOfFreedom == Double(6000 - 5))
        #expect(fit.warnings.isEmpty)
    }

    @Test("WLS with constant weights equals OLS; WLS residuals are on the original scale")
    func weightedLeastSquares() throws {
        let base = try simulatedFrame(n: 200, clusters: 10, seed: 4)
        let constant = doubleColumn("c", [Double](repeating: 2.5, count: 200))
        let data = try DataFrame(columns: base.columns + [constant])
        let ols = try LinearRegression.fit(Self.formula, data: data, covariance: .hc2)
        let wls = try LinearRegression.fit(Self.formula, data: data, weights: "c", covariance: .hc2)
        for j in ols.coefficients.indices {
            #expect(abs(ols.coefficients[j] - wls.coefficients[j]) < 1e-10 * abs(ols.coefficients[j]))
        }
        #expect(maxDifference(wls.covariance, ols.covariance) < 1e-10)
        #expect(abs(wls.rSquared - ols.rSquared) < 1e-12)
        #expect(wls.isWeighted && !ols.isWeighted)
        let weighted = try LinearRegression.fit(Self.formula, data: data, weights: "w")
        let y = weighted.fitted.indices.map { weighted.fitted[$0] + weighted.residuals[$0] }
        guard case .double(let observed, _) = data["y"]!.values else { return }
        #expect(zip(y, observed).allSatisfy { abs($0 - $1) < 1e-9 * max(abs($1), 1) })
    }

    @Test("a model without a constant uses the uncentered R² and tests all coefficients")
    func noConstant() throws {
        let data = try simulatedFrame(n: 200, clusters: 10, seed: 5)
        let fit = try LinearRegression.fit("y ~ x1 + x2 - 1", data: data)
        #expect(!fit.hasConstant)
        let y = fit.fitted.indices.map { fit.fitted[$0] + fit.residuals[$0] }
        let ssr = fit.residuals.reduce(0) { $0 + $1 * $1 }
        let uncentered = y.reduce(0) { $0 + $1 * $1 }
        #expect(abs(fit.rSquared - (1 - ssr / uncentered)) < 1e-12)
        #expect(abs(fit.adjustedRSquared - (1 - 200.0 / 198.0 * ssr / uncentered)) < 1e-12)
        #expect(fit.fNumeratorDF == 2)
        #expect(fit.summary().contains("uncentered"))
    }

    @Test(
        "implicit constant (full dummy set, no intercept): same R² and robust model F as the intercept form",
        arguments: [CovarianceType.classical, .hc1, .hc3, .clustered(by: ["firm"])])
    func implicitConstant(type: CovarianceType) throws {
        let data = try simulatedFrame(n: 300, clusters: 20, seed: 9)
        let implicit = try LinearRegression.fit("y ~ x1 + x2 + C(g) - 1", data: data, covariance: type)
        let explicit = try LinearRegression.fit("y ~ x1 + x2 + C(g)", data: data, covariance: type)
        #expect(implicit.hasConstant && !implicit.formula.hasIntercept)
        #expect(abs(implicit.rSquared - explicit.rSquared) < 1e-12)
        #expect(abs(implicit.adjustedRSquared - explicit.adjustedRSquared) < 1e-12)
        // The Wald statistic depends only on the null space of R: both test "the fit is a constant".
        #expect(abs(implicit.fStatistic - explicit.fStatistic) < 1e-9 * explicit.fStatistic)
        #expect(implicit.fNumeratorDF == explicit.fNumeratorDF && implicit.fNumeratorDF == 4)
    }

    @Test("missing values: rows dropped by first reason, cluster ids required only when clustering")
    func missingValueAccounting() throws {
        let y: [Double] = [1, .nan, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        let x: [Double] = [2, 1, .nan, 3, 5, 4, 6, 8, 7, 9, 11, 10]
        let firm: [String?] = ["a", "a", "b", nil, "b", "c", "c", "a", "b", "c", "a", "b"]
        let data = try DataFrame(columns: [
            doubleColumnWithMissing("y", y), doubleColumnWithMissing("x", x),
            categoricalColumn("firm", firm),
        ])
        let plain = try LinearRegression.fit("y ~ x", data: data)
        #expect(plain.n == 10)
        #expect(
            plain.observations.dropped == [
                DroppedRows(reason: .missingOutcome(variable: "y"), count: 1),
                DroppedRows(reason: .missingRegressor(variable: "x"), count: 1),
            ])
        let clustered = try LinearRegression.fit("y ~ x", data: data, covariance: .clustered(by: ["firm"]))
        #expect(clustered.n == 9)
        #expect(
            clustered.observations.dropped.last == DroppedRows(reason: .missingRequired(variable: "firm"), count: 1))
        #expect(clustered.summary().contains("N = 9 of 12 rows used"))
        // Swapping to a cluster variable missing in used rows would change the sample: refuse.
        #expect(throws: EstimationError.missingClusterIDs(column: "firm", rows: 1)) {
            try plain.with(covariance: .clustered(by: ["firm"]))
        }
    }

    @Test("errors: unknown cluster column, codes not supplied, single cluster")
    func errors() throws {
        let data = try simulatedFrame(n: 60, clusters: 6, seed: 6)
        let fit = try LinearRegression.fit(Self.formula, data: data)
        #expect(throws: EstimationError.columnNotFound(name: "frim", suggestion: "firm")) {
            try fit.with(covariance: .clustered(by: ["frim"]))
        }
        #expect(throws: ModelSpecError.unknownVariable(name: "frim", suggestion: "firm")) {
            try LinearRegression.fit(Self.formula, data: data, covariance: .clustered(by: ["frim"]))
        }
        let design = try DesignMatrix.build(Formula.parse(Self.formula), data: data)
        let byDesign = try LinearRegression.fit(design: design)
        #expect(throws: EstimationError.clusterCodesNotSupplied(name: "firm", available: [])) {
            try byDesign.with(covariance: .clustered(by: ["firm"]))
        }
        let one = integerColumn("site", [Int](repeating: 1, count: 60))
        let withSite = try DataFrame(columns: data.columns + [one])
        #expect(throws: InferenceError.singleCluster(variable: "site")) {
            try LinearRegression.fit(Self.formula, data: withSite, covariance: .clustered(by: ["site"]))
        }
    }

    @Test("summary states formula, N, covariance label with G, R², F, table and warnings")
    func summaryText() throws {
        let data = try simulatedFrame(n: 200, clusters: 10, seed: 7)
        let fit = try LinearRegression.fit(Self.formula, data: data, covariance: .clustered(by: ["firm"]))
        let text = fit.summary()
        #expect(text.contains("Formula:      y ~ x1 + x2 + C(g)"))
        #expect(text.contains("N = 200 of 200 rows used"))
        #expect(text.contains("Clustered (firm), G = 10, CR1; t df = 9"))
        #expect(text.contains("R² = "))
        #expect(text.contains("F(4, 9) = "))
        #expect(text.contains("C(g)[T.b]"))
        #expect(text.contains("Only 10 clusters in 'firm'"))
    }
}

@Suite("RegressionFit Wald tests")
struct RegressionFitWaldTests {
    @Test("one coefficient: F = t²; all slopes: equals the model F; unknown names throw")
    func wald() throws {
        let data = try simulatedFrame(n: 300, clusters: 20, seed: 8)
        let fit = try LinearRegression.fit("y ~ x1 + x2 + C(g)", data: data, covariance: .clustered(by: ["firm"]))
        let row = try #require(fit.coefficientTable()["x2"])
        let single = try fit.waldTest(zero: ["x2"])
        #expect(abs(single.fStatistic - row.statistic * row.statistic) < 1e-10 * single.fStatistic)
        #expect(abs(single.fPValue - row.pValue) < 1e-10)
        let all = try fit.waldTest(zero: ["x1", "x2", "C(g)[T.b]", "C(g)[T.c]"])
        #expect(abs(all.fStatistic - fit.fStatistic) < 1e-10 * fit.fStatistic)
        #expect(all.denominatorDegreesOfFreedom == 19)
        #expect(throws: EstimationError.unknownCoefficient(name: "x3", available: fit.columnNames)) {
            try fit.waldTest(zero: ["x3"])
        }
        // b_x1 − b_x2 = 2.2 (true values 1.5 and −0.7): not rejected at conventional levels.
        var r = Matrix(rows: 1, columns: fit.columnNames.count)
        r[0, 1] = 1
        r[0, 2] = -1
        let difference = try fit.waldTest(restrictions: r, values: [2.2])
        #expect(difference.rank == 1 && difference.fPValue > 0.001)
    }
}
