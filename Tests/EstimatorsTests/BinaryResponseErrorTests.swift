import DataFrameModule
import Foundation
import Inference
import ModelSpec
import Testing

@testable import Estimators

@Suite("BinaryResponseModel: bad input is a typed error or a named warning")
struct BinaryResponseErrorTests {
    static let formula = "y ~ x1 + x2 + C(g) + d"

    static func data(seed: UInt64 = 41) throws -> DataFrame { try binaryFrame(n: 200, clusters: 10, seed: seed) }

    @Test("an outcome other than 0/1 names the variable and its bad values")
    func outcomeNotBinary() throws {
        let base = try Self.data()
        var y = base["y"]!.numericValues()!
        y[3] = 2
        y[7] = 0.5
        y[9] = 2
        let data = try base.replacing(doubleColumn("y", y))
        #expect(throws: BinaryResponseError.outcomeNotBinary(variable: "y", values: ["2", "0.5"], rows: 3)) {
            try BinaryResponseModel.fit(Self.formula, data: data)
        }
        let text = try base.adding(categoricalColumn("answer", (0..<200).map { $0 % 3 == 0 ? "yes" : "no" }))
        let error = BinaryResponseError.outcomeNotBinary(variable: "answer", values: ["no", "yes"], rows: 200)
        #expect(throws: error) { try BinaryResponseModel.fit("answer ~ x1", data: text) }
        #expect(error.description.contains("'answer' must be 0/1") && error.description.contains("'no', 'yes'"))
    }

    @Test("a constant outcome is an error")
    func outcomeConstant() throws {
        let data = try Self.data().replacing(doubleColumn("y", [Double](repeating: 1, count: 200)))
        #expect(throws: BinaryResponseError.outcomeConstant(variable: "y", value: 1)) {
            try BinaryResponseModel.fit(Self.formula, data: data)
        }
    }

    @Test("non-convergence is an error by default and a named warning when allowed")
    func nonConvergence() throws {
        let data = try Self.data()
        do {
            _ = try BinaryResponseModel.fit(Self.formula, data: data, options: BinaryResponseOptions(maxIterations: 2))
            Issue.record("expected notConverged")
        } catch BinaryResponseError.notConverged(let iterations, let change) {
            #expect(iterations == 2 && change > 1e-10)
        }
        let fit = try BinaryResponseModel.fit(
            Self.formula, data: data, options: BinaryResponseOptions(maxIterations: 2, allowsNonConvergence: true))
        #expect(!fit.converged && fit.iterations == 2)
        #expect(fit.warnings.first?.hasPrefix("Not converged: IRLS stopped after 2 iterations") == true)
        #expect(fit.summary().contains("NOT converged after 2 iterations"))
    }

    @Test("weights: negative or all zero are errors; zero weights drop rows and are counted")
    func weights() throws {
        let base = try Self.data()
        var w = base["w"]!.numericValues()!
        w[0] = -1
        #expect(throws: ModelSpecError.negativeWeights(variable: "w", rows: 1)) {
            try BinaryResponseModel.fit(Self.formula, data: base.replacing(doubleColumn("w", w)), weights: "w")
        }
        #expect(throws: ModelSpecError.weightsAllZero(variable: "w")) {
            try BinaryResponseModel.fit(
                Self.formula, data: base.replacing(doubleColumn("w", [Double](repeating: 0, count: 200))), weights: "w")
        }
        w[0] = 0
        let fit = try BinaryResponseModel.fit(Self.formula, data: base.replacing(doubleColumn("w", w)), weights: "w")
        #expect(fit.n == 199 && fit.observations.dropped.map(\.count) == [1] && fit.isWeighted)
    }

    @Test("cluster problems: one level, ids missing in used rows, codes not supplied")
    func clusterProblems() throws {
        let base = try Self.data()
        let one = try base.adding(integerColumn("site", [Int](repeating: 7, count: 200)))
        #expect(throws: InferenceError.singleCluster(variable: "site")) {
            try BinaryResponseModel.fit(Self.formula, data: one, covariance: .clustered(by: ["site"]))
        }
        let gappy = try base.adding(doubleColumnWithMissing("team", (0..<200).map { $0 < 5 ? .nan : Double($0 % 4) }))
        let fit = try BinaryResponseModel.fit(Self.formula, data: gappy)
        #expect(throws: EstimationError.missingClusterIDs(column: "team", rows: 5)) {
            try fit.with(covariance: .clustered(by: ["team"]))
        }
        // Clustering at fit time drops and counts those rows instead.
        #expect(try BinaryResponseModel.fit(Self.formula, data: gappy, covariance: .clustered(by: ["team"])).n == 195)
        let design = try DesignMatrix.build(Formula.parse(Self.formula), data: base)
        #expect(throws: EstimationError.clusterCodesNotSupplied(name: "firm", available: [])) {
            try BinaryResponseModel.fit(design: design, covariance: .clustered(by: ["firm"]))
        }
    }

    @Test("a missing regressor value drops the row and is counted")
    func missingValues() throws {
        let base = try Self.data()
        var x1 = base["x1"]!.numericValues()!
        x1[4] = .nan
        x1[5] = .nan
        let fit = try BinaryResponseModel.fit(Self.formula, data: base.replacing(doubleColumnWithMissing("x1", x1)))
        #expect(fit.n == 198 && fit.observations.description.contains("missing regressor 'x1' (2)"))
        #expect(fit.summary().contains("dropped 2"))
    }
}
