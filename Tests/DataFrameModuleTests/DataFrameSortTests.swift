import Testing

@testable import DataFrameModule

@Suite struct DataFrameSortTests {
    static func frame() throws -> DataFrame {
        try readCSV(
            """
            row,team,score,day,flag
            0,B,3,2024-01-03,true
            1,A,NA,2024-01-01,false
            2,B,1,NA,NA
            3,A,3,2024-01-02,true
            4,NA,2,2024-01-01,false
            5,A,1,2024-01-05,true
            6,B,3,2024-01-03,false
            """)
    }

    private func rows(_ df: DataFrame) -> [String] { df["row"]!.texts }

    @Test func singleKeyAscendingWithMissingLast() throws {
        let df = try Self.frame()
        // Ties (rows 0, 3, 6 at score 3; rows 2, 5 at score 1) keep their original order.
        #expect(rows(try df.sorted(by: [SortKey("score")])) == ["2", "5", "4", "0", "3", "6", "1"])
    }

    @Test func descendingStillPutsMissingLastAndIsStable() throws {
        let df = try Self.frame()
        #expect(rows(try df.sorted(by: [.descending("score")])) == ["0", "3", "6", "4", "2", "5", "1"])
    }

    @Test func multipleKeys() throws {
        let df = try Self.frame()
        let sorted = try df.sorted(by: [.ascending("team"), .descending("score")])
        #expect(rows(sorted) == ["3", "5", "1", "0", "6", "2", "4"])
        #expect(sorted["team"]?.texts == ["A", "A", "A", "B", "B", "B", "NA"])
    }

    @Test func datesAndBooleans() throws {
        let df = try Self.frame()
        #expect(rows(try df.sorted(by: [SortKey("day"), SortKey("row", ascending: false)])) == ["4", "1", "3", "6", "0", "5", "2"])
        #expect(rows(try df.sorted(by: [SortKey("flag")])) == ["1", "4", "6", "0", "3", "5", "2"])
    }

    @Test func stabilityOnManyTies() throws {
        // 2,000 rows with 5 distinct keys: within each key the original order must survive.
        var g = SplitMix64(seed: 1)
        let keys = (0..<2_000).map { _ in Int.random(in: 0..<5, using: &g) }
        let df = try DataFrame(columns: [
            Column(name: "k", values: .integer(keys, missing: Array(repeating: false, count: keys.count))),
            Column(name: "i", values: .integer(Array(0..<keys.count), missing: Array(repeating: false, count: keys.count))),
        ])
        let order = try df.sortedRowIndices(by: [SortKey("k")])
        let expected = (0..<keys.count).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        #expect(order == expected)
    }

    @Test func doublesSortNumericallyWithNaNLast() throws {
        let df = try DataFrame(columns: [
            Column(name: "x", values: .double([2.5, -1, .nan, 0, -0.0, 1e300], missing: [false, false, false, false, false, false]))
        ])
        #expect(try df.sortedRowIndices(by: [SortKey("x")]) == [1, 3, 4, 0, 5, 2])
    }

    @Test func unknownKeyThrows() throws {
        #expect(throws: DataError.unknownColumn(name: "scor", suggestion: "score")) {
            try Self.frame().sorted(by: [SortKey("scor")])
        }
    }

    @Test func noKeysLeavesTheOrder() throws {
        let df = try Self.frame()
        #expect(try df.sorted(by: []) == df)
    }
}
