import DataFrameModule
import Foundation
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

/// n rows with a regressor z that overlaps the outcome, a continuous x, a dummy d and a factor g.
private struct SeparationData {
    var y: [Double] = []
    var x: [Double] = []
    var z: [Double] = []
    var d: [Int] = []
    var g: [String?] = []

    init(n: Int, seed: UInt64, outcome: (_ x: Double, _ z: Double, _ d: Int, _ g: String, _ u: Double) -> Bool) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<n {
            let xi = rng.normal()
            let zi = rng.normal()
            let di = rng.uniform() < 0.3 ? 1 : 0
            let gi = ["a", "b", "c"][rng.integer(below: 3)]
            x.append(xi)
            z.append(zi)
            d.append(di)
            g.append(gi)
            y.append(outcome(xi, zi, di, gi, rng.uniform()) ? 1 : 0)
        }
    }

    func frame() throws -> DataFrame {
        try DataFrame(columns: [
            doubleColumn("y", y), doubleColumn("x", x), doubleColumn("z", z), integerColumn("d", d),
            categoricalColumn("g", g),
        ])
    }
}

/// The separation a fit throws, or nil if it fits.
private func separation(
    _ formula: String, _ data: DataFrame, link: BinaryResponseLink = .logit, options: BinaryResponseOptions = .init()
) throws -> BinaryResponseSeparation? {
    do {
        _ = try BinaryResponseModel.fit(formula, data: data, link: link, options: options)
        return nil
    } catch BinaryResponseError.separation(let found) {
        return found
    }
}

/// Logistic draw with log-odds `eta`.
private func draw(_ eta: Double, _ u: Double) -> Bool { u < 1 / (1 + exp(-eta)) }

@Suite("Separation: per-regressor checks and divergence detection (Albert & Anderson 1984)")
struct BinaryResponseSeparationTests {
    @Test("complete separation on a continuous regressor names it and the threshold", arguments: BinaryResponseLink.allCases)
    func completeContinuous(link: BinaryResponseLink) throws {
        let data = try SeparationData(n: 80, seed: 21) { x, _, _, _, _ in x > 0.3 }.frame()
        let found = try #require(try separation("y ~ z + x", data, link: link))
        #expect(found.kind == .complete && found.detection == .regressorCheck)
        #expect(found.columns == ["x"] && found.variable == "x" && found.level == nil)
        #expect(found.perfectlyPredictedRows == 80)
        #expect(found.pattern.contains("every row with 'x' ≤") && found.pattern.contains("has 'y' = 0"))
        #expect(BinaryResponseError.separation(found).description.contains("Drop 'x' from the model"))
    }

    @Test("quasi-complete separation on a dummy: every row with d = 1 has y = 1")
    func quasiCompleteDummy() throws {
        let data = try SeparationData(n: 200, seed: 22) { x, _, d, _, u in d == 1 || draw(0.8 * x - 0.5, u) }.frame()
        let found = try #require(try separation("y ~ x + d", data))
        #expect(found.kind == .quasiComplete && found.columns == ["d"] && found.variable == "d" && found.level == nil)
        #expect(found.pattern == "every row with 'd' = 1 has 'y' = 1")
        #expect(found.perfectlyPredictedRows == data["d"]!.numericValues()!.filter { $0 == 1 }.count)
    }

    @Test("quasi-complete separation by a level of a factor names the variable and the level")
    func quasiCompleteLevel() throws {
        let data = try SeparationData(n: 240, seed: 23) { x, _, _, g, u in g != "c" && draw(x, u) }.frame()
        let found = try #require(try separation("y ~ x + C(g)", data))
        #expect(found.kind == .quasiComplete && found.columns == ["C(g)[T.c]"])
        #expect(found.variable == "g" && found.level == "c")
        #expect(found.pattern == "every row with g = 'c' has 'y' = 0")
        let message = BinaryResponseError.separation(found).description
        #expect(message.contains("level 'c' of 'g'") && message.contains("Combine 'c' with another level of 'g'"))
        #expect(message.contains("Firth"))
        // Without an intercept the full dummy set has a column for 'c' itself.
        let full = try #require(try separation("y ~ x + C(g) - 1", data))
        #expect(full.columns == ["C(g)[c]"] && full.level == "c")
    }

    @Test("the reference level is checked too, and named from the data")
    func referenceLevel() throws {
        let data = try SeparationData(n: 240, seed: 24) { x, _, _, g, u in g == "a" || draw(x - 0.5, u) }.frame()
        let found = try #require(try separation("y ~ x + C(g)", data))
        #expect(found.kind == .quasiComplete && found.variable == "g" && found.level == "a")
        #expect(found.columns == ["C(g)[T.b]", "C(g)[T.c]"])
        #expect(found.pattern == "every row with g = 'a' (the reference level) has 'y' = 1")
        // From a design matrix the level text is not known.
        let design = try DesignMatrix.build(Formula.parse("y ~ x + C(g)"), data: data)
        do {
            _ = try BinaryResponseModel.fit(design: design)
            Issue.record("expected separation")
        } catch BinaryResponseError.separation(let fromDesign) {
            #expect(fromDesign.level == "reference level")
        }
    }

    @Test("separation by a combination of regressors is found from the diverging IRLS direction")
    func combinationDiverges() throws {
        let data = try SeparationData(n: 200, seed: 25) { x, z, _, _, _ in x + z > 0 }.frame()
        for link in BinaryResponseLink.allCases {
            let found = try #require(try separation("y ~ x + z", data, link: link), "\(link)")
            #expect(found.detection == .divergence && found.kind == .complete, "\(link)")
            #expect(Set(found.columns) == ["x", "z"], "\(link): \(found.columns)")
            #expect(found.perfectlyPredictedRows == 200)
        }
    }

    @Test("with the per-regressor check off, divergence still catches a separated dummy")
    func divergenceCatchesDummy() throws {
        let data = try SeparationData(n: 200, seed: 22) { x, _, d, _, u in d == 1 || draw(0.8 * x - 0.5, u) }.frame()
        for link in BinaryResponseLink.allCases {
            let found = try #require(
                try separation("y ~ x + d", data, link: link, options: BinaryResponseOptions(checksSeparation: false)))
            #expect(found.detection == .divergence && found.kind == .quasiComplete && found.columns == ["d"], "\(link)")
        }
    }

    @Test("overlapping data pass both checks, including a dummy with both outcomes in every level")
    func overlapPasses() throws {
        let data = try SeparationData(n: 300, seed: 26) { x, z, d, _, u in draw(x - 0.5 * z + 0.7 * Double(d), u) }.frame()
        #expect(try separation("y ~ x + z + d + C(g)", data) == nil)
        let design = try DesignMatrix.build(Formula.parse("y ~ x + z + d + C(g)"), data: data)
        let naming = BinaryResponseSeparation.Naming(
            columnNames: design.columnNames, termColumns: design.termColumns, outcome: "y", levelText: nil)
        #expect(BinaryResponseSeparation.find(x: design.x, y: design.y, hasConstant: true, naming: naming) == nil)
    }

    @Test("level names come from patsy column names")
    func levelNames() {
        #expect(BinaryResponseSeparation.levelOf(columnName: "C(region)[T.North]") == "North")
        #expect(BinaryResponseSeparation.levelOf(columnName: "region[South]") == "South")
        #expect(BinaryResponseSeparation.levelOf(columnName: "tenure") == nil)
    }
}
