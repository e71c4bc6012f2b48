import Foundation
import Testing

@testable import DataFrameModule

@Suite struct CSVReaderTests {
    @Test func readsHeaderAndTypedColumns() throws {
        let df = try readCSV("id,name,score\n1,Ann,2.5\n2,Bob,3\n")
        #expect(df.columnNames == ["id", "name", "score"])
        #expect(df.rowCount == 2)
        #expect(df["id"]?.values == .integer([1, 2], missing: [false, false]))
        #expect(df["name"]?.values == .categorical(codes: [0, 1], levels: ["Ann", "Bob"]))
        #expect(df["score"]?.values == .double([2.5, 3], missing: [false, false]))
    }

    @Test func quotedFieldsFollowRFC4180() throws {
        let text = "name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"multi\nline\",\"\"\"\"\n"
        let df = try readCSV(text)
        #expect(df.rowCount == 2)
        #expect(df["name"]?.texts == ["Smith, J", "multi\nline"])
        #expect(df["note"]?.texts == ["said \"hi\"", "\""])
    }

    @Test func crlfInsideQuotesIsKeptAndCRLFLineEndsAreAccepted() throws {
        let df = try readCSV("a,b\r\n\"x\r\ny\",1\r\n\"z\",2\r\n")
        #expect(df["a"]?.texts == ["x\r\ny", "z"])
        #expect(df["b"]?.values == .integer([1, 2], missing: [false, false]))
    }

    @Test func trailingNewlineIsOptional() throws {
        let without = try readCSV("a,b\n1,2\n3,4")
        let with = try readCSV("a,b\n1,2\n3,4\n")
        #expect(without == with)
        #expect(without.rowCount == 2)
    }

    @Test func blankLinesAreSkipped() throws {
        let df = try readCSV("a,b\n\n1,2\r\n\r\n3,4\n\n")
        #expect(df["a"]?.texts == ["1", "3"])
    }

    @Test func quotedNumbersAreNumbersAndQuotedEmptyIsMissing() throws {
        let df = try readCSV("a,b\n\"1\",\"\"\n\"2\",\"3.5\"\n")
        #expect(df["a"]?.values == .integer([1, 2], missing: [false, false]))
        #expect(df["b"]?.type == .double)
        #expect(df["b"]?.isMissing(0) == true)
        #expect(df["b"]?.texts == ["NA", "3.5"])
    }

    @Test func trailingDelimiterMeansAnEmptyLastField() throws {
        let df = try readCSV("a,b\n1,\n2,5")
        #expect(df["b"]?.values == .integer([0, 5], missing: [true, false]))
    }

    @Test func spacesAroundFieldsAreTrimmedByDefault() throws {
        let df = try readCSV(" a , b \n 1 , \"x y\" \n2,  z\n")
        #expect(df.columnNames == ["a", "b"])
        #expect(df["a"]?.values == .integer([1, 2], missing: [false, false]))
        #expect(df["b"]?.texts == ["x y", "z"])
    }

    @Test func spacesAreKeptWhenTrimmingIsOff() throws {
        let df = try readCSV("a,b\n 1,x \n", CSVOptions(trimsSpaces: false))
        #expect(df["a"]?.texts == [" 1"])
        #expect(df["b"]?.texts == ["x "])
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let df = try readCSV("\u{FEFF}id,x\n1,2\n")
        #expect(df.columnNames == ["id", "x"])
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id;x\n1;2\n".utf8)
        let fromBytes = try CSVReader().read(bytes: bytes, name: "bom.csv")
        #expect(fromBytes.columnNames == ["id", "x"])
    }

    @Test func semicolonFilesWithDecimalCommasAreDetected() throws {
        let df = try readCSV("region;amount;n\nNorth;1,5;3\nSouth;2,25;4\n")
        #expect(df.columnNames == ["region", "amount", "n"])
        #expect(df["n"]?.values == .integer([3, 4], missing: [false, false]))
        // Decimal commas are not numbers: the column stays text for the user to convert.
        #expect(df["amount"]?.texts == ["1,5", "2,25"])
    }

    @Test func tabFilesAreDetected() throws {
        let df = try readCSV("a\tb c\tc\n1\tx, y\t2.5\n")
        #expect(df.columnNames == ["a", "b c", "c"])
        #expect(df["b c"]?.texts == ["x, y"])
        #expect(df["c"]?.values == .double([2.5], missing: [false]))
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        let df = try readCSV("a|b,c\n1|2,3\n", CSVOptions(delimiter: "|"))
        #expect(df.columnNames == ["a", "b,c"])
        #expect(df["b,c"]?.texts == ["2,3"])
    }

    @Test func singleColumnFile() throws {
        let df = try readCSV("value\n1\nNA\n3\n")
        #expect(df.columnNames == ["value"])
        #expect(df["value"]?.values == .integer([1, 0, 3], missing: [false, true, false]))
    }

    @Test func headerOnlyGivesAnEmptyFrameOfDoubleColumns() throws {
        let df = try readCSV("a,b\n")
        #expect(df.rowCount == 0)
        #expect(df.columns.map(\.type) == [.double, .double])
    }

    @Test func unicodeNamesAndValues() throws {
        let df = try readCSV("région,ville\nÎle-de-France,Paris\nKantō,東京\n")
        #expect(df.columnNames == ["région", "ville"])
        #expect(df["ville"]?.texts == ["Paris", "東京"])
    }

    @Test func readsFilesFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("df-reader-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = "unit,month,sales\n"
        for i in 0..<5_000 { text += "u\(i % 40),\(i % 12 + 1),\(Double(i) * 1.25)\n" }
        try Data(text.utf8).write(to: url)
        let df = try DataFrame.readCSV(path: url.path)
        #expect(df.rowCount == 5_000)
        #expect(df.columns.map(\.type) == [.categorical, .integer, .double])
        #expect(df["sales"]?.numericValues()?[4_999] == 4_999 * 1.25)
        #expect(try df == readCSV(text))
    }

    @Test func missingFileAndDirectoryAreNotReadable() {
        #expect(throws: DataError.fileNotReadable(path: "/nonexistent/x.csv", reason: "No such file or directory")) {
            try DataFrame.readCSV(path: "/nonexistent/x.csv")
        }
        #expect(throws: DataError.fileNotReadable(path: "/tmp", reason: "it is a directory, not a file")) {
            try DataFrame.readCSV(path: "/tmp")
        }
    }
}
