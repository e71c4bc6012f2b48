import DataFrameModule
import Testing

@testable import ModelSpec

@Suite("Design matrix: dropped rows and weights")
struct RowSelectionTests {
    /// Twelve rows; each of rows 1–8 fails for a known first reason, rows 0, 9, 10, 11 are complete.
    private func frame(weights: [Double?] = [1, 1, 1, 1, 1, 1, 1, nil, 0, 2, 1, 3]) throws -> DataFrame {
        try DataFrame(columns: [
            Fixtures.doubles("sales", [1, nil, 3, 4, nil, 6, 7, 8, 9, 10, 11, 12]),
            Fixtures.doubles("tenure", [1, nil, nil, 4, 5, nil, 7, 8, 9, 10, 11, 12]),
            Fixtures.strings("region", ["N", "S", "E", nil, "S", nil, "N", "S", "N", "E", "S", "N"]),
            Fixtures.strings("team", ["a", nil, "b", "b", "c", "c", nil, "a", "b", "c", "a", "b"]),
            Fixtures.doubles("w", weights),
        ])
    }

    private let options = DesignOptions(weights: "w", requiredColumns: ["team"])

    @Test func eachRowIsChargedToItsFirstReason() throws {
        let d = try DesignMatrix.build(try Formula.parse("sales ~ tenure + C(region)"), data: try frame(), options: options)
        #expect(
            d.account.dropped == [
                DroppedRows(reason: .missingOutcome(variable: "sales"), count: 2),  // rows 1, 4
                DroppedRows(reason: .missingRegressor(variable: "tenure"), count: 2),  // rows 2, 5
                DroppedRows(reason: .missingRegressor(variable: "region"), count: 1),  // row 3
                DroppedRows(reason: .missingRequired(variable: "team"), count: 1),  // row 6
                DroppedRows(reason: .missingWeight(variable: "w"), count: 1),  // row 7
                DroppedRows(reason: .nonPositiveWeight(variable: "w"), count: 1),  // row 8
            ])
        #expect(d.account.totalRows == 12 && d.account.usedRows == 4 && d.account.droppedCount == 8)
        #expect(d.rowIndices == [0, 9, 10, 11])
        #expect(d.y == [1, 10, 11, 12])
        #expect(d.weights == [1, 2, 1, 3])
        #expect(d.values(of: "tenure") == [1, 10, 11, 12])
        #expect(d.values(of: "C(region)[T.S]") == [0, 0, 1, 0])
        #expect(
            d.account.description
                == "N = 4 of 12 rows used; dropped 8: missing outcome 'sales' (2), missing regressor 'tenure' (2), "
                + "missing regressor 'region' (1), missing required column 'team' (1), missing weight 'w' (1), zero weight 'w' (1)")
    }

    @Test func regressorsAreChargedInFormulaOrder() throws {
        // Row 5 lacks both tenure and region: it goes to whichever the formula names first.
        let d = try DesignMatrix.build(try Formula.parse("sales ~ C(region) + tenure"), data: try frame(), options: options)
        let regressorDrops = [
            DroppedRows(reason: .missingRegressor(variable: "region"), count: 2),
            DroppedRows(reason: .missingRegressor(variable: "tenure"), count: 1),
        ]
        #expect(Array(d.account.dropped[1...2]) == regressorDrops)
    }

    @Test func reasonsWithNoRowsAreLeftOut() throws {
        let d = try DesignMatrix.build(try Formula.parse("sales ~ 1"), data: try frame())
        #expect(d.account.dropped == [DroppedRows(reason: .missingOutcome(variable: "sales"), count: 2)])
        #expect(d.account.description == "N = 10 of 12 rows used; dropped 2: missing outcome 'sales' (2)")
    }

    @Test func nonFiniteValuesCountAsMissing() throws {
        let data = try DataFrame(columns: [
            Column(name: "y", values: .double([1, .nan, 3, 4], missing: [false, false, false, false])),
            Column(name: "x", values: .double([1, 2, .infinity, 4], missing: [false, false, false, false])),
        ])
        let d = try DesignMatrix.build(try Formula.parse("y ~ x"), data: data)
        #expect(d.rowIndices == [0, 3])
        #expect(d.account.dropped.map(\.count) == [1, 1])
    }

    @Test func integerAndBoolWeights() throws {
        let data = try DataFrame(columns: [
            Fixtures.doubles("y", [1, 2, 3]), Fixtures.ints("n", [2, 0, 5]), Fixtures.bools("keep", [true, true, false]),
        ])
        let byCount = try DesignMatrix.build(try Formula.parse("y ~ 1"), data: data, options: DesignOptions(weights: "n"))
        #expect(byCount.weights == [2, 5] && byCount.rowIndices == [0, 2])
        let byFlag = try DesignMatrix.build(try Formula.parse("y ~ 1"), data: data, options: DesignOptions(weights: "keep"))
        #expect(byFlag.weights == [1, 1] && byFlag.rowIndices == [0, 1])
    }

    @Test func negativeWeightsAreAnErrorCountingUsableRows() throws {
        // Row 1 has a negative weight but no outcome, so only rows 3 and 5 count.
        let data = try frame(weights: [1, -1, 1, -2, 1, -1, 1, 1, 1, 1, 1, 1])
        #expect(throws: ModelSpecError.negativeWeights(variable: "w", rows: 2)) {
            try DesignMatrix.build(try Formula.parse("sales ~ 1"), data: data, options: DesignOptions(weights: "w"))
        }
    }

    @Test func allZeroWeightsIsAnError() throws {
        let data = try frame(weights: [0, 0, 0, 0, 0, 0, 0, nil, 0, 0, 0, 0])
        #expect(throws: ModelSpecError.weightsAllZero(variable: "w")) {
            try DesignMatrix.build(try Formula.parse("sales ~ 1"), data: data, options: DesignOptions(weights: "w"))
        }
    }

    @Test func noObservationsCarriesTheAccount() throws {
        let data = try DataFrame(columns: [Fixtures.doubles("y", [1, 2]), Fixtures.doubles("x", [nil, nil])])
        let account = ObservationAccount(
            totalRows: 2, usedRows: 0, dropped: [DroppedRows(reason: .missingRegressor(variable: "x"), count: 2)])
        #expect(throws: ModelSpecError.noObservations(account: account)) {
            try DesignMatrix.build(try Formula.parse("y ~ x"), data: data)
        }
    }
}
