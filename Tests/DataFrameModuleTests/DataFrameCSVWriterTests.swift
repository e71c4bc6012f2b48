import Foundation
import Testing

@testable import DataFrameModule

@Suite struct DataFrameCSVWriterTests {
    /// A frame with every column type, missing values and awkward texts.
    static func sample() throws -> DataFrame {
        try DataFrame(columns: [
            Column(name: "id", values: .integer([1, Int.max, Int.min, 0, -7], missing: [false, false, false, true, false])),
            Column(
                name: "x",
                values: .double(
                    [0.1, 1e-300, 2, .nan, 123_456.789_012_345_6],
                    missing: [false, false, false, true, false])),
            Column(
                name: "extreme",
                values: .double([.infinity, -.infinity, 5e-324, 1e16, -0.0], missing: [false, false, false, false, false])),
            Column(name: "flag", values: .bool([true, false, false, true, true], missing: [false, false, true, false, false])),
            Column(
                name: "day", values: .date(daysSinceEpoch: [0, 19_723, -1, 0, 2_932_896], missing: [false, false, false, true, false])),
            Column(
                name: "note, with \"quotes\"",
                values: .categorical(
                    codes: [0, 1, 2, -1, 3],
                    levels: [" padded ", "Smith, J", "line\nbreak \"quoted\"", "東京"])),
        ])
    }

    @Test func readingWrittenTextGivesTheSameFrame() throws {
        let df = try Self.sample()
        let back = try readCSV(df.csvText())
        #expect(back == df)
        #expect(back["x"]?.isMissing(3) == true)
    }

    @Test func roundTripWithSemicolonAndTab() throws {
        let df = try Self.sample()
        #expect(try readCSV(df.csvText(delimiter: ";")) == df)
        #expect(try readCSV(df.csvText(delimiter: "\t")) == df)
    }

    @Test func randomDoublesRoundTripBitForBit() throws {
        var g = SplitMix64(seed: 17)
        let values = (0..<5_000).map { _ in
            let x = Double(bitPattern: g.next())
            return x.isNaN ? 0.5 : x
        }
        let df = try DataFrame(columns: [Column(name: "x", values: .double(values, missing: Array(repeating: false, count: values.count)))])
        guard case .double(let back, _)? = try readCSV(df.csvText())["x"]?.values else {
            Issue.record("expected a double column")
            return
        }
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func writesTheExpectedText() throws {
        let df = try DataFrame(columns: [
            Column(name: "a", values: .integer([1, 2], missing: [false, true])),
            Column(name: "b", values: .double([2, 0.5], missing: [false, false])),
            Column(name: "c", values: .categorical(codes: [1, 0], levels: ["x,y", "say \"hi\""])),
        ])
        #expect(df.csvText() == "a,b,c\n1,2.0,\"say \"\"hi\"\"\"\n,0.5,\"x,y\"\n")
        #expect(df.csvText(delimiter: ";") == "a;b;c\n1;2.0;\"say \"\"hi\"\"\"\n;0.5;x,y\n")
    }

    @Test func numericLookingLevelsNeedTheirTypeForcedOnTheWayBack() throws {
        let df = try DataFrame(columns: [Column(name: "id", values: .categorical(codes: [0, 1], levels: ["007", "12"]))])
        #expect(try readCSV(df.csvText())["id"]?.type == .integer)
        #expect(try readCSV(df.csvText(), CSVOptions(columnTypes: ["id": .categorical])) == df)
    }

    @Test func writesAndReadsAFile() throws {
        let df = try Self.sample()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("df-writer-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try df.writeCSV(path: path)
        #expect(try DataFrame.readCSV(path: path) == df)
    }

    @Test func unwritablePathIsATypedError() throws {
        let df = try Self.sample()
        #expect(throws: DataError.fileNotWritable(path: "/nonexistent/dir/x.csv", reason: "No such file or directory")) {
            try df.writeCSV(path: "/nonexistent/dir/x.csv")
        }
    }
}
