import DataFrameModule
import Testing

@testable import ModelSpec

@Suite("Design matrix: encoding and names")
struct DesignMatrixTests {
    private func build(_ text: String, _ options: DesignOptions = .init()) throws -> DesignMatrix {
        try DesignMatrix.build(try Formula.parse(text), data: try Fixtures.staff(), options: options)
    }

    @Test func numericAndCategoricalMainEffects() throws {
        let d = try build("y ~ x + C(region)")
        #expect(d.columnNames == ["Intercept", "x", "C(region)[T.North]", "C(region)[T.South]"])
        #expect(d.x.rows == 8 && d.x.columns == 4)
        #expect(d.values(of: "Intercept") == Array(repeating: 1, count: 8))
        #expect(d.values(of: "x") == Fixtures.x)
        #expect(d.values(of: "C(region)[T.North]") == indicator(Fixtures.region) { $0 == "North" })
        #expect(d.values(of: "C(region)[T.South]") == indicator(Fixtures.region) { $0 == "South" })
        #expect(d.y == Fixtures.y)
        #expect(d.rowIndices == Array(0..<8))
        #expect(d.weights == nil)
        #expect(d.account == ObservationAccount(totalRows: 8, usedRows: 8, dropped: []))
    }

    @Test func categoricalColumnWithoutCUsesBareName() throws {
        let d = try build("y ~ region")
        #expect(d.columnNames == ["Intercept", "region[T.North]", "region[T.South]"])
    }

    @Test func storageIsColumnMajor() throws {
        let d = try build("y ~ x + z")
        #expect(d.x.elements == Array(repeating: 1, count: 8) + Fixtures.x + Fixtures.z)
        #expect(d.x[3, 1] == 4)
    }

    @Test func boolAndDateEnterAsNumbersUnlessWrapped() throws {
        let d = try build("y ~ flag + start")
        #expect(d.columnNames == ["Intercept", "flag", "start"])
        #expect(d.values(of: "flag") == indicator(Fixtures.flag) { $0 })
        #expect(d.values(of: "start") == Fixtures.start.map { Double(ISODate.parse(Substring($0))!) })
        let c = try build("y ~ C(flag) + C(start)")
        #expect(c.columnNames == ["Intercept", "C(flag)[T.true]", "C(start)[T.2024-01-02]", "C(start)[T.2024-03-01]"])
        #expect(c.values(of: "C(start)[T.2024-03-01]") == indicator(Fixtures.start) { $0 == "2024-03-01" })
    }

    @Test func numericLevelsSortNumerically() throws {
        // 9 < 10 < 11 as numbers (text order would put "10" first).
        let d = try build("y ~ C(grade)")
        #expect(d.columnNames == ["Intercept", "C(grade)[T.10]", "C(grade)[T.11]"])
        #expect(d.values(of: "C(grade)[T.11]") == indicator(Fixtures.grade) { $0 == 11 })
    }

    @Test func referenceFromFormulaOptionsAndPrecedence() throws {
        let byFormula = try build("y ~ C(region, ref = \"North\")")
        #expect(byFormula.columnNames == ["Intercept", "C(region)[T.East]", "C(region)[T.South]"])
        let byOption = try build("y ~ region", DesignOptions(referenceLevels: ["region": "South"]))
        #expect(byOption.columnNames == ["Intercept", "region[T.East]", "region[T.North]"])
        let both = try build("y ~ C(region, ref = 'North')", DesignOptions(referenceLevels: ["region": "South"]))
        #expect(both.columnNames == ["Intercept", "C(region)[T.East]", "C(region)[T.South]"])
        let numeric = try build("y ~ C(grade, ref = 10.0)")
        #expect(numeric.columnNames == ["Intercept", "C(grade)[T.9]", "C(grade)[T.11]"])
        let boolean = try build("y ~ C(flag)", DesignOptions(referenceLevels: ["flag": "TRUE"]))
        #expect(boolean.columnNames == ["Intercept", "C(flag)[T.false]"])
        // An option for a variable that is numeric in this model is ignored.
        let ignored = try build("y ~ x", DesignOptions(referenceLevels: ["x": "3", "other": "a"]))
        #expect(ignored.columnNames == ["Intercept", "x"])
    }

    @Test func noInterceptGivesFirstCategoricalAllLevels() throws {
        let d = try build("y ~ 0 + x + C(region) + team")
        #expect(d.columnNames == ["x", "C(region)[East]", "C(region)[North]", "C(region)[South]", "team[T.b]", "team[T.c]"])
        #expect(d.values(of: "C(region)[East]") == indicator(Fixtures.region) { $0 == "East" })
        #expect(d.termColumns.map(\.name) == ["x", "C(region)", "team"])
        #expect(d.termColumns.map(\.columns) == [0..<1, 1..<4, 4..<6])
    }

    @Test func numericInteractionIsAProduct() throws {
        let d = try build("y ~ x*z")
        #expect(d.columnNames == ["Intercept", "x", "z", "x:z"])
        #expect(d.values(of: "x:z") == zip(Fixtures.x, Fixtures.z).map(*))
    }

    @Test func categoricalByNumericGivesNonReferenceSlopes() throws {
        let d = try build("y ~ C(region)*x")
        #expect(
            d.columnNames == [
                "Intercept", "C(region)[T.North]", "C(region)[T.South]", "x", "C(region)[T.North]:x", "C(region)[T.South]:x",
            ])
        let expected = zip(Fixtures.region, Fixtures.x).map { $0 == "South" ? $1 : 0 }
        #expect(d.values(of: "C(region)[T.South]:x") == expected)
        #expect(d.termColumns.map(\.name) == ["Intercept", "C(region)", "x", "C(region):x"])
    }

    @Test func categoricalByCategoricalLeftmostFactorFastest() throws {
        let d = try build("y ~ region*team")
        #expect(
            d.columnNames == [
                "Intercept", "region[T.North]", "region[T.South]", "team[T.b]", "team[T.c]",
                "region[T.North]:team[T.b]", "region[T.South]:team[T.b]",
                "region[T.North]:team[T.c]", "region[T.South]:team[T.c]",
            ])
        let expected = zip(Fixtures.region, Fixtures.team).map { $0 == "North" && $1 == "c" ? 1.0 : 0 }
        #expect(d.values(of: "region[T.North]:team[T.c]") == expected)
    }

    @Test func interactionWithoutMainEffectFollowsPatsy() throws {
        // patsy: dmatrix("a:b") gives Intercept, b[T.b2], a[T.a2]:b[b1], a[T.a2]:b[b2].
        let frame = try DataFrame(columns: [
            Fixtures.doubles("y", [1, 2, 3, 4]), Fixtures.strings("a", ["a1", "a1", "a2", "a2"]),
            Fixtures.strings("b", ["b1", "b2", "b1", "b2"]),
        ])
        let d = try DesignMatrix.build(try Formula.parse("y ~ a:b"), data: frame)
        #expect(d.columnNames == ["Intercept", "b[T.b2]", "a[T.a2]:b[b1]", "a[T.a2]:b[b2]"])
        #expect(d.values(of: "a[T.a2]:b[b1]") == [0, 0, 1, 0])
        // Separate slopes for every group when the numeric main effect is absent.
        let slopes = try build("y ~ C(region):x")
        #expect(slopes.columnNames == ["Intercept", "C(region)[East]:x", "C(region)[North]:x", "C(region)[South]:x"])
    }

    @Test func columnsFollowFormulaOrderWhileCodingFollowsPatsy() throws {
        // The slope term is written first but x still claims the common slope, so C(region):x
        // drops its reference level.
        let d = try build("y ~ C(region):x + x")
        #expect(d.columnNames == ["Intercept", "C(region)[T.North]:x", "C(region)[T.South]:x", "x"])
    }

    @Test func referenceIsFirstLevelPresentInUsedRows() throws {
        // East only occurs on rows whose outcome is missing, so North becomes the reference.
        let frame = try DataFrame(columns: [
            Fixtures.doubles("y", [nil, 2, 3, 4, nil]),
            Fixtures.strings("region", ["East", "North", "South", "North", "East"]),
        ])
        let d = try DesignMatrix.build(try Formula.parse("y ~ region"), data: frame)
        #expect(d.columnNames == ["Intercept", "region[T.South]"])
        #expect(d.rowIndices == [1, 2, 3])
        #expect(d.values(of: "region[T.South]") == [0, 1, 0])
    }

    @Test func interceptOnlyAndEmptyDesigns() throws {
        let one = try build("y ~ 1")
        #expect(one.columnNames == ["Intercept"])
        let none = try build("y ~ 0")
        #expect(none.x.columns == 0 && none.x.rows == 8 && none.columnNames.isEmpty)
    }

    @Test func oddNamesKeepTheirSpelling() throws {
        let frame = try DataFrame(columns: [
            Fixtures.doubles("sales ($)", [1, 2, 3]), Fixtures.doubles("tenure (yrs)", [4, 5, 6]),
            Fixtures.strings("home region", ["a", "b", "a"]),
        ])
        let d = try DesignMatrix.build(try Formula.parse("`sales ($)` ~ `tenure (yrs)` * C(`home region`)"), data: frame)
        #expect(d.columnNames == ["Intercept", "tenure (yrs)", "C(home region)[T.b]", "tenure (yrs):C(home region)[T.b]"])
        #expect(d.values(of: "tenure (yrs):C(home region)[T.b]") == [0, 5, 0])
    }
}
