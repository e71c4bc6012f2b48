import Testing

@testable import DataFrameModule

@Suite struct GroupedFrameTests {
    static func frame() throws -> DataFrame {
        try readCSV(
            """
            team,period,sales,units
            B,post,10,1
            A,pre,4,2
            B,pre,NA,3
            A,post,6,4
            NA,pre,5,5
            A,pre,8,6
            B,post,NA,7
            NA,pre,1,8
            """)
    }

    @Test func groupsAreSortedWithMissingKeyLast() throws {
        let g = try Self.frame().grouped(by: ["team"])
        #expect(g.groups.map(\.key) == [["A"], ["B"], ["NA"]])
        #expect(g.groups.map(\.rows) == [[1, 3, 5], [0, 2, 6], [4, 7]])
        #expect(g.groupIDs == [1, 0, 1, 0, 2, 0, 1, 2])
        #expect(g.groupIndices == [["A"]: [1, 3, 5], ["B"]: [0, 2, 6], ["NA"]: [4, 7]])
    }

    @Test func countSumAndMeanByHand() throws {
        let g = try Self.frame().grouped(by: ["team"])
        let count = g.count()
        #expect(count.columnNames == ["team", "count"])
        #expect(count["team"]?.values == .categorical(codes: [0, 1, -1], levels: ["A", "B"]))
        #expect(count["count"]?.values == .integer([3, 3, 2], missing: [false, false, false]))

        let sum = try g.sum("sales")
        #expect(sum["sales"]?.values == .double([18, 10, 6], missing: [false, false, false]))
        let mean = try g.mean("sales")
        #expect(mean["sales"]?.values == .double([6, 10, 3], missing: [false, false, false]))
        // units: A rows 2, 4, 6; B rows 1, 3, 7; missing team 5, 8.
        #expect(try g.mean("units")["units"]?.values == .double([4, 11.0 / 3, 6.5], missing: [false, false, false]))
    }

    @Test func twoKeysAndAGroupWithoutValues() throws {
        let g = try Self.frame().grouped(by: ["team", "period"])
        let mean = try g.mean("sales")
        #expect(mean["team"]?.texts == ["A", "A", "B", "B", "NA"])
        #expect(mean["period"]?.texts == ["post", "pre", "post", "pre", "pre"])
        // B/pre has only a missing sale: its mean is missing and its sum is 0 (pandas min_count=0).
        #expect(mean["sales"]?.texts == ["6", "6", "10", "NA", "3"])
        #expect(try g.sum("sales")["sales"]?.texts == ["6", "12", "10", "0", "6"])
        #expect(g.count()["count"]?.texts == ["1", "2", "2", "1", "2"])
    }

    @Test func keyTypesAreKept() throws {
        let df = try readCSV("month,trained,day,y\n2,true,2024-02-01,1\n1,false,2024-01-01,2\n2,true,2024-02-01,3\n")
        let mean = try df.grouped(by: ["month", "trained", "day"]).mean("y")
        #expect(mean["month"]?.values == .integer([1, 2], missing: [false, false]))
        #expect(mean["trained"]?.values == .bool([false, true], missing: [false, false]))
        #expect(mean["day"]?.type == .date)
        #expect(mean["y"]?.values == .double([2, 2], missing: [false, false]))
    }

    @Test func aggregatingAKeyOrACategoricalColumn() throws {
        let df = try Self.frame()
        let byUnits = try df.grouped(by: ["units"])
        #expect(byUnits.count().columnNames == ["units", "count"])
        #expect(try byUnits.sum("units").columnNames == ["units", "sum_units"])
        #expect(
            throws: DataError.wrongColumnType(column: "team", found: .categorical, expected: "a numeric (integer, double or bool) column")
        ) {
            try df.grouped(by: ["period"]).mean("team")
        }
        #expect(throws: DataError.unknownColumn(name: "sale", suggestion: "sales")) { try df.grouped(by: ["team"]).sum("sale") }
        #expect(throws: DataError.unknownColumn(name: "tem", suggestion: "team")) { try df.grouped(by: ["tem"]) }
    }

    @Test func noKeysMakeOneGroupAndAnEmptyFrameNone() throws {
        let df = try Self.frame()
        let all = try df.grouped(by: [])
        #expect(all.groups.count == 1)
        #expect(all.count()["count"]?.texts == ["8"])
        let none = try df.taking(rows: []).grouped(by: ["team"])
        #expect(none.groups.isEmpty)
        #expect(none.count().rowCount == 0)
    }

    @Test func agreesWithANaiveGroupByOnRandomData() throws {
        var g = SplitMix64(seed: 12)
        let n = 3_000
        let a = (0..<n).map { _ in Int.random(in: 0..<7, using: &g) }
        let b = (0..<n).map { _ in Int.random(in: -1_000_000...1_000_000, using: &g) % 3 }
        let missingB = (0..<n).map { _ in Int.random(in: 0..<20, using: &g) == 0 }
        let y = (0..<n).map { _ in Double(Int.random(in: 0..<1000, using: &g)) / 8 }
        let df = try DataFrame(columns: [
            Column(name: "a", values: .integer(a, missing: Array(repeating: false, count: n))),
            Column(name: "b", values: .integer(b, missing: missingB)),
            Column(name: "y", values: .double(y, missing: Array(repeating: false, count: n))),
        ])
        let grouped = try df.grouped(by: ["a", "b"])
        // Naive reference: dictionary of (a, b or nil) → rows; sorted with nil last.
        var reference: [[Int?]: [Int]] = [:]
        for i in 0..<n { reference[[a[i], missingB[i] ? nil : b[i]], default: []].append(i) }
        let orderedKeys = reference.keys.sorted { x, y in
            if x[0]! != y[0]! { return x[0]! < y[0]! }
            switch (x[1], y[1]) {
            case (nil, _): return false
            case (_, nil): return true
            case (let p?, let q?): return p < q
            }
        }
        #expect(grouped.groups.map(\.rows) == orderedKeys.map { reference[$0]! })
        let sums = try grouped.sum("y")["y"]!.numericValues()!
        // y is a multiple of 1/8 below 125, so every partial sum is exact.
        #expect(sums == orderedKeys.map { reference[$0]!.reduce(0.0) { $0 + y[$1] } })
    }
}
