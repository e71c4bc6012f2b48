import DataFrameModule
import Testing

@testable import ModelSpec

@Suite("Design matrix: absorbed fixed effects")
struct DesignMatrixAbsorbedTests {
    /// Ten rows: team `d` has one row (a singleton), row 8 misses the team, row 9 misses the outcome.
    private func frame() throws -> DataFrame {
        try DataFrame(columns: [
            Fixtures.doubles("y", [1, 2, 3, 4, 5, 6, 7, 8, 9, nil]),
            Fixtures.doubles("x", [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]),
            Fixtures.strings("region", ["N", "S", "N", "S", "E", "N", "E", "S", "N", "S"]),
            Fixtures.strings("team", ["a", "a", "b", "b", "c", "c", "d", "a", nil, "b"]),
            Fixtures.ints("month", [1, 2, 1, 2, 1, 2, 1, 1, 2, 2]),
        ])
    }

    @Test func interceptIsAbsorbedAndCategoricalsKeepTheirReference() throws {
        let d = try DesignMatrix.build(try Formula.parse("y ~ x + C(region) | team + month"), data: try frame())
        #expect(d.columnNames == ["x", "C(region)[T.N]", "C(region)[T.S]"])
        #expect(d.termColumns.map(\.name) == ["x", "C(region)"])
        #expect(d.termColumns.map(\.columns) == [0..<1, 1..<3])
        #expect(d.absorbed.map(\.name) == ["team", "month"])
    }

    @Test func missingIdsAndSingletonsAreCountedInTheAccount() throws {
        let d = try DesignMatrix.build(try Formula.parse("y ~ x | team + month"), data: try frame())
        #expect(
            d.account.dropped == [
                DroppedRows(reason: .missingOutcome(variable: "y"), count: 1),  // row 9
                DroppedRows(reason: .missingFixedEffect(variable: "team"), count: 1),  // row 8
                DroppedRows(reason: .singletonFixedEffect(variable: "team"), count: 1),  // row 6, team d
            ])
        #expect(d.rowIndices == [0, 1, 2, 3, 4, 5, 7])
        #expect(d.y == [1, 2, 3, 4, 5, 6, 8])
        let team = d.absorbed[0]
        #expect(team.levels == ["a", "b", "c"])
        #expect(team.codes == [0, 0, 1, 1, 2, 2, 0])
        let month = d.absorbed[1]
        #expect(month.levels == ["1", "2"])
        #expect(month.codes == [0, 1, 0, 1, 0, 1, 0])
        #expect(d.account.description.contains("singleton in fixed effect 'team' (1)"))
    }

    @Test func singletonsCanBeKept() throws {
        let options = DesignOptions(dropSingletons: false)
        let d = try DesignMatrix.build(try Formula.parse("y ~ x | team"), data: try frame(), options: options)
        #expect(d.rowIndices == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(d.absorbed[0].levels == ["a", "b", "c", "d"])
        #expect(!d.account.dropped.contains { if case .singletonFixedEffect = $0.reason { true } else { false } })
    }

    @Test func aFixedEffectMadeOfSingletonsLeavesNoRows() throws {
        let data = try DataFrame(columns: [
            Fixtures.doubles("y", [1, 2, 3]), Fixtures.doubles("x", [1, 2, 4]), Fixtures.ints("id", [1, 2, 3]),
        ])
        #expect(throws: ModelSpecError.self) { try DesignMatrix.build(try Formula.parse("y ~ x | id"), data: data) }
        do {
            _ = try DesignMatrix.build(try Formula.parse("y ~ x | id"), data: data)
        } catch let error as ModelSpecError {
            guard case .noObservations(let account) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(account.dropped == [DroppedRows(reason: .singletonFixedEffect(variable: "id"), count: 3)])
        }
    }

    @Test func designWithoutAbsorbedEffectsIsUnchanged() throws {
        let d = try DesignMatrix.build(try Formula.parse("y ~ x"), data: try frame())
        #expect(d.columnNames == ["Intercept", "x"])
        #expect(d.absorbed.isEmpty)
    }
}
