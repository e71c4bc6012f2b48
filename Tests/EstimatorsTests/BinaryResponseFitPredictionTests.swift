import DataFrameModule
import Foundation
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

@Suite("BinaryResponseFit predictions on new data and on design matrices")
struct BinaryResponseFitPredictionTests {
    static let formula = "y ~ x1 + x2 + C(g) + d"

    static func fit() throws -> (DataFrame, BinaryResponseFit) {
        let data = try binaryFrame(n: 300, clusters: 10, seed: 31)
        return (data, try BinaryResponseModel.fit(formula, data: data, link: .probit))
    }

    /// `F(xᵀb)` written out for one row.
    static func manual(_ fit: BinaryResponseFit, x1: Double, x2: Double, g: String, d: Double) -> Double {
        var eta = fit.coefficient("Intercept")! + fit.coefficient("x1")! * x1 + fit.coefficient("x2")! * x2
        eta += fit.coefficient("d")! * d
        if g != "a" { eta += fit.coefficient("C(g)[T.\(g)]")! }
        return BinaryResponseLink.probit.probability(eta)
    }

    @Test("predicting on the fitted rows gives the fitted probabilities")
    func fittedRows() throws {
        let (data, fit) = try Self.fit()
        let predicted = try fit.predictedProbabilities(data: data)
        #expect(zip(predicted, fit.fittedProbabilities).allSatisfy { abs($0 - $1) < 1e-14 })
        let design = try DesignMatrix.build(Formula.parse(Self.formula), data: data)
        #expect(zip(fit.predictedProbabilities(design: design.x), fit.fittedProbabilities).allSatisfy { abs($0 - $1) < 1e-14 })
    }

    @Test("a single new row with one level, a double-typed dummy and a missing regressor")
    func fewNewRows() throws {
        let (_, fit) = try Self.fit()
        let one = try DataFrame(columns: [
            doubleColumn("x1", [0.4]), doubleColumn("x2", [-1.2]), categoricalColumn("g", ["c"]), doubleColumn("d", [1]),
        ])
        let p = try fit.predictedProbabilities(data: one)
        #expect(p.count == 1 && abs(p[0] - Self.manual(fit, x1: 0.4, x2: -1.2, g: "c", d: 1)) < 1e-14)
        let gaps = try DataFrame(columns: [
            doubleColumnWithMissing("x1", [0.1, .nan, -0.3]), doubleColumn("x2", [0, 0.5, 1]),
            categoricalColumn("g", ["a", "b", nil]), integerColumn("d", [0, 1, 0]),
        ])
        let q = try fit.predictedProbabilities(data: gaps)
        #expect(abs(q[0] - Self.manual(fit, x1: 0.1, x2: 0, g: "a", d: 0)) < 1e-14)
        #expect(q[1].isNaN && q[2].isNaN)
    }

    @Test("levels the fit never saw are an error, even when they would sort before the reference")
    func unseenLevels() throws {
        let (_, fit) = try Self.fit()
        for level in ["z", "0"] {
            let new = try DataFrame(columns: [
                doubleColumn("x1", [0, 1]), doubleColumn("x2", [0, 1]), categoricalColumn("g", ["b", level]),
                integerColumn("d", [0, 1]),
            ])
            #expect(throws: BinaryResponseError.unseenLevels(columns: ["C(g)[T.\(level)]"])) {
                try fit.predictedProbabilities(data: new)
            }
        }
    }

    @Test("wrong column types, missing columns and design-matrix fits are typed errors")
    func predictionErrors() throws {
        let (data, fit) = try Self.fit()
        let textX1 = try DataFrame(columns: [
            categoricalColumn("x1", ["1"]), doubleColumn("x2", [0]), categoricalColumn("g", ["a"]), integerColumn("d", [0]),
        ])
        #expect(throws: BinaryResponseError.predictionTypeMismatch(variable: "x1", fitted: "double", new: "categorical")) {
            try fit.predictedProbabilities(data: textX1)
        }
        let noD = try DataFrame(columns: [doubleColumn("x1", [1]), doubleColumn("x2", [0]), categoricalColumn("g", ["a"])])
        #expect(throws: EstimationError.self) { try fit.predictedProbabilities(data: noD) }
        let design = try DesignMatrix.build(Formula.parse(Self.formula), data: data)
        let fromDesign = try BinaryResponseModel.fit(design: design, link: .probit)
        #expect(throws: BinaryResponseError.predictionNeedsFormulaFit) { try fromDesign.predictedProbabilities(data: data) }
    }
}
