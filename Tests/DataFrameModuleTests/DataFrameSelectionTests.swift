import Testing

@testable import DataFrameModule

@Suite struct DataFrameSelectionTests {
    static func frame() throws -> DataFrame {
        try readCSV("id,team,sales,day\n1,A,10.5,2024-01-01\n2,B,NA,2024-01-02\n3,A,7,NA\n4,C,12,2024-01-04\n")
    }

    @Test func selectingReordersAndChecksNames() throws {
        let df = try Self.frame()
        #expect(try df.selecting(["sales", "id"]).columnNames == ["sales", "id"])
        #expect(throws: DataError.unknownColumn(name: "sale", suggestion: "sales")) { try df.selecting(["sale"]) }
        #expect(throws: DataError.duplicateColumn(name: "id")) { try df.selecting(["id", "id"]) }
    }

    @Test func filteredByRowPredicate() throws {
        let df = try Self.frame()
        let even = df.filtered { $0 % 2 == 1 }
        #expect(even["id"]?.texts == ["2", "4"])
        #expect(even["team"]?.texts == ["B", "C"])
        // Levels are kept even when unused, so codes stay comparable across subsets.
        #expect(even["team"]?.values == .categorical(codes: [1, 2], levels: ["A", "B", "C"]))
    }

    @Test func filteredByColumnSkipsMissing() throws {
        let df = try Self.frame()
        #expect(try df.filtered(column: "sales", where: { $0 > 8 })["id"]?.texts == ["1", "4"])
        // The predicate is never asked about missing rows, not even one that accepts everything.
        #expect(try df.filtered(column: "sales", where: { _ in true }).rowCount == 3)
        let cutoff = Double(ISODate.parse("2024-01-02")!)
        #expect(try df.filtered(column: "day", where: { $0 >= cutoff })["id"]?.texts == ["2", "4"])
        #expect(throws: DataError.wrongColumnType(column: "team", found: .categorical, expected: "a numeric, bool or date column")) {
            try df.filtered(column: "team", where: { _ in true })
        }
    }

    @Test func takingRepeatsAndReorders() throws {
        let df = try Self.frame()
        let t = df.taking(rows: [3, 0, 0])
        #expect(t.rowCount == 3)
        #expect(t["id"]?.texts == ["4", "1", "1"])
        #expect(t["sales"]?.texts == ["12", "10.5", "10.5"])
        #expect(t["day"]?.texts == ["2024-01-04", "2024-01-01", "2024-01-01"])
        #expect(df.taking(rows: []).rowCount == 0)
        #expect(df.taking(rows: []).columnNames == df.columnNames)
    }

    @Test func headAndTail() throws {
        let df = try Self.frame()
        #expect(df.head(2)["id"]?.texts == ["1", "2"])
        #expect(df.head(10).rowCount == 4)
        #expect(df.head(0).rowCount == 0)
        #expect(df.tail(1)["id"]?.texts == ["4"])
        #expect(df.tail(9) == df)
    }

    @Test func addingAndReplacingColumns() throws {
        let df = try Self.frame()
        let flag = Column(name: "flag", values: .bool([true, false, true, false], missing: [false, false, false, true]))
        let added = try df.adding(flag)
        #expect(added.columnNames == ["id", "team", "sales", "day", "flag"])
        #expect(throws: DataError.duplicateColumn(name: "id")) { try df.adding(flag.renamed("id")) }
        let short = Column(name: "short", values: .integer([1], missing: [false]))
        #expect(throws: DataError.columnLengthMismatch(column: "short", count: 1, expected: 4)) { try df.adding(short) }

        let newSales = Column(name: "sales", values: .double([1, 2, 3, 4], missing: [false, false, false, false]))
        let replaced = try df.replacing(newSales)
        #expect(replaced.columnNames == df.columnNames)
        #expect(replaced["sales"]?.texts == ["1", "2", "3", "4"])
        #expect(throws: DataError.unknownColumn(name: "sale", suggestion: "sales")) { try df.replacing(newSales.renamed("sale")) }
        #expect(throws: DataError.columnLengthMismatch(column: "sales", count: 1, expected: 4)) {
            try df.replacing(short.renamed("sales"))
        }
    }

    @Test func anEmptyFrameAcceptsAColumnOfAnyLength() throws {
        let empty = try DataFrame(columns: [])
        let one = try empty.adding(Column(name: "x", values: .integer([1, 2, 3], missing: [false, false, false])))
        #expect(one.rowCount == 3)
    }
}
