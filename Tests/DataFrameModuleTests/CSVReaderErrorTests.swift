import Testing

@testable import DataFrameModule

/// Every malformed input names the right line and column (1-based; columns count characters).
@Suite struct CSVReaderErrorTests {
    @Test func tooManyFieldsPointsAtTheFirstExtraField() throws {
        let e = try #require(malformedCSVError("a,b,c\n1,2,3\n4,5,6,7\n"))
        #expect((e.line, e.column) == (3, 7))
        #expect(e.problem == "line 3 has 4 fields, header has 3")
    }

    @Test func tooFewFieldsPointsAtTheLineEnd() throws {
        let e = try #require(malformedCSVError("a,b,c\n1,2,3\n1,2\n"))
        #expect((e.line, e.column) == (3, 4))
        #expect(e.problem == "line 3 has 2 fields, header has 3")
    }

    @Test func raggedRowDeepInTheFile() throws {
        var text = "c1,c2,c3,c4,c5,c6,c7\n"
        for i in 2...56 { text += "\(i),1,2,3,4,5,6\n" }
        text += "57,1,2,3,4,5\n58,1,2,3,4,5,6\n"
        let e = try #require(malformedCSVError(text))
        #expect(e.problem == "line 57 has 6 fields, header has 7")
        #expect((e.line, e.column) == (57, 13))
    }

    @Test func raggedRecordSpanningLinesNamesItsFirstLine() throws {
        let e = try #require(malformedCSVError("a,b\n\"x\ny\",1,2\n"))
        #expect(e.problem == "the record starting on line 2 has 3 fields, header has 2")
        #expect((e.line, e.column) == (3, 6))
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() throws {
        let e = try #require(malformedCSVError("a,b\n1,2\n3,\"open\n4,5\n6,7\n"))
        #expect((e.line, e.column) == (3, 3))
        #expect(e.problem.contains("never closed"))
    }

    @Test func strayQuoteInsideUnquotedField() throws {
        let e = try #require(malformedCSVError("a,b\n1,5\" screen\n"))
        #expect((e.line, e.column) == (2, 4))
        #expect(e.problem.contains("quote character inside an unquoted field"))
    }

    @Test func textAfterClosingQuote() throws {
        let e = try #require(malformedCSVError("a,b\n1,\"ab\"c\n"))
        #expect((e.line, e.column) == (2, 7))
        #expect(e.problem.contains("'c' after the closing quote"))
    }

    @Test func linesAfterAQuotedLineBreakAreCountedInTheFile() throws {
        let e = try #require(malformedCSVError("a,b\n\"x\ny\",1\n1,2,3\n"))
        #expect((e.line, e.column) == (4, 5))
        #expect(e.problem == "line 4 has 3 fields, header has 2")
    }

    @Test func invalidUTF8GivesByteOffsetLineAndColumn() throws {
        let bytes = Array("name,city\n1,Zürich\n2,caf".utf8) + [0xE9] + Array("\n".utf8)
        let e = try #require(malformedCSVError(bytes: bytes))
        #expect((e.line, e.column) == (3, 6))
        #expect(e.problem.contains("byte 0xE9 at byte offset 25"))
    }

    @Test func invalidUTF8AfterAByteOrderMarkCountsColumnsFromTheText() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab,".utf8) + [0xFF]
        let e = try #require(malformedCSVError(bytes: bytes))
        #expect((e.line, e.column) == (1, 4))
    }

    @Test(arguments: ["", "\u{FEFF}", "\n\n", "\r\n"])
    func emptyFile(text: String) throws {
        let e = try #require(malformedCSVError(text))
        #expect((e.line, e.column) == (1, 1))
        #expect(e.problem == "the file is empty")
    }

    @Test func emptyHeaderName() throws {
        let e = try #require(malformedCSVError("a,,c\n1,2,3\n"))
        #expect((e.line, e.column) == (1, 3))
        #expect(e.problem == "column 2 of the header has no name")
        let trailing = try #require(malformedCSVError("a,b,\n1,2,\n"))
        #expect((trailing.line, trailing.column) == (1, 5))
    }

    @Test func duplicateHeaderName() throws {
        let e = try #require(malformedCSVError("id,x,id\n1,2,3\n"))
        #expect((e.line, e.column) == (1, 6))
        #expect(e.problem == "column name 'id' appears twice in the header (columns 1 and 3)")
    }

    @Test func loneCarriageReturn() throws {
        let e = try #require(malformedCSVError("a,b\r1,2\r"))
        #expect((e.line, e.column) == (1, 4))
        #expect(e.problem.contains("carriage return"))
    }

    @Test func valueThatDoesNotFitAForcedType() throws {
        let options = CSVOptions(columnTypes: ["id": .integer, "day": .date])
        let e = try #require(malformedCSVError("x,id,day\n1,7,2024-01-31\n2,X7,2024-02-01\n", options))
        #expect((e.line, e.column) == (3, 3))
        #expect(e.problem.contains("value 'X7' in column 'id' is not an integer"))
        let d = try #require(malformedCSVError("x,id,day\n1,7,2024-02-30\n", options))
        #expect((d.line, d.column) == (2, 5))
        #expect(d.problem.contains("is not a date written YYYY-MM-DD"))
    }

    @Test func forcedTypeForAnUnknownColumn() {
        #expect(throws: DataError.unknownColumn(name: "tem_id", suggestion: "team_id")) {
            try readCSV("team_id,y\n1,2\n", CSVOptions(columnTypes: ["tem_id": .categorical]))
        }
    }

    @Test func descriptionReadsLikeACompilerDiagnostic() {
        let error = DataError.malformedCSV(file: "sales.csv", line: 57, column: 13, problem: "p", advice: "Do a.")
        #expect(error.description == "sales.csv:57:13: p. Do a.")
    }
}
