import Testing

@testable import DataFrameModule

@Suite struct DataFrameFormatTests {
    @Test func alignsNumbersRightAndTextLeft() throws {
        let df = try readCSV("id,name,sales\n1,Ann,2.5\n12,Bartholomew,NA\n")
        let expected = [
            "      id  name         sales",
            "   <int>  <cat>        <dbl>",
            "-  -----  -----------  -----",
            "0      1  Ann            2.5",
            "1     12  Bartholomew     NA",
            "2 rows × 3 columns",
        ]
        #expect(df.formattedTable() == expected.joined(separator: "\n"))
    }

    @Test func elidesTheMiddleOfLongFrames() throws {
        var text = "i\n"
        for i in 0..<100 { text += "\(i)\n" }
        let lines = try readCSV(text).formattedTable(maxRows: 5).split(separator: "\n").map(String.init)
        // header, types, dashes, 3 top rows, the elision line, 2 bottom rows, size.
        #expect(lines.count == 10)
        #expect(lines[3].hasSuffix(" 0"))
        #expect(lines[5].hasSuffix(" 2"))
        #expect(lines[6] == " …      …")
        #expect(lines[7].hasSuffix(" 98"))
        #expect(lines[8].hasSuffix(" 99"))
        #expect(lines[9] == "100 rows × 1 column")
    }

    @Test func shortensLongAndMultilineTexts() throws {
        let df = try readCSV("s\n\"line one\nline two\"\n\(String(repeating: "x", count: 40))\n")
        let lines = df.formattedTable().split(separator: "\n").map(String.init)
        #expect(lines[3] == "0  line one\\nline two")
        #expect(lines[4] == "1  " + String(repeating: "x", count: 29) + "…")
    }

    @Test func doublesAreShortForReading() {
        #expect(DisplayFormatting.number(40_000) == "40000")
        #expect(DisplayFormatting.number(0.25) == "0.25")
        #expect(DisplayFormatting.number(40_123.456_789) == "40123.5")
        #expect(DisplayFormatting.number(1.234_567_89e-7) == "1.23457e-07")
        #expect(DisplayFormatting.number(-.infinity) == "-inf")
    }

    @Test func frameWithoutColumns() throws {
        #expect(try DataFrame(columns: []).formattedTable() == "0 rows × 0 columns")
    }
}
