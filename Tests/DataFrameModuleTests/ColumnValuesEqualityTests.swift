import Testing

@testable import DataFrameModule

@Suite struct ColumnValuesEqualityTests {
    @Test func placeholdersUnderMissingEntriesDoNotMatter() {
        #expect(ColumnValues.double([1, .nan], missing: [false, true]) == .double([1, 7], missing: [false, true]))
        #expect(ColumnValues.integer([1, 0], missing: [false, true]) == .integer([1, 5], missing: [false, true]))
    }

    @Test func valuesMasksTypesAndLevelsDoMatter() {
        #expect(ColumnValues.double([1, 2], missing: [false, false]) != .double([1, 3], missing: [false, false]))
        #expect(ColumnValues.double([1, 2], missing: [false, true]) != .double([1, 2], missing: [false, false]))
        #expect(ColumnValues.integer([1], missing: [false]) != .double([1], missing: [false]))
        #expect(ColumnValues.integer([1], missing: [false]) != .integer([1, 1], missing: [false, false]))
        #expect(ColumnValues.categorical(codes: [0], levels: ["a"]) != .categorical(codes: [0], levels: ["b"]))
        // A NaN that is a value, not a missing entry, is unequal to itself as in IEEE 754.
        #expect(ColumnValues.double([.nan], missing: [false]) != .double([.nan], missing: [false]))
    }
}
