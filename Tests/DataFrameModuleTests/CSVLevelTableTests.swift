import Testing

@testable import DataFrameModule

@Suite struct CSVLevelTableTests {
    private func code(_ table: inout CSVLevelTable, _ text: String) -> Int32 {
        let bytes = Array(text.utf8) + [0]  // a sentinel so that "" still has a base address
        return bytes.withUnsafeBufferPointer { table.code(of: $0.baseAddress!, count: $0.count - 1) }
    }

    @Test func codesInOrderOfFirstAppearance() {
        var table = CSVLevelTable()
        #expect(code(&table, "North") == 0)
        #expect(code(&table, "South") == 1)
        #expect(code(&table, "North") == 0)
        #expect(code(&table, "") == 2)
        #expect(code(&table, "") == 2)
        #expect(code(&table, "Nort") == 3)  // a prefix is a different level
        #expect(table.levels == ["North", "South", "", "Nort"])
    }

    @Test func manyLevelsSurviveGrowth() {
        var table = CSVLevelTable()
        // Lengths from 1 to 20 bytes cover the word-wise and tail parts of the hash.
        let texts = (0..<20_000).map { "E\($0)" + String(repeating: "x", count: $0 % 12) }
        for (k, text) in texts.enumerated() { #expect(code(&table, text) == Int32(k)) }
        for (k, text) in texts.enumerated().reversed() where k % 7 == 0 { #expect(code(&table, text) == Int32(k)) }
        #expect(table.levels == texts)
    }

    @Test func readerUsesOneLevelPerDistinctText() throws {
        var text = "id\n"
        for i in 0..<3_000 { text += "E\(i % 250)\n" }
        let column = try #require(try readCSV(text)["id"])
        guard case .categorical(let codes, let levels) = column.values else {
            Issue.record("expected categorical")
            return
        }
        #expect(levels.count == 250)
        #expect(codes.enumerated().allSatisfy { levels[Int($1)] == "E\($0 % 250)" })
    }
}
