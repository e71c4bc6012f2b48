import Testing

@testable import DataFrameModule

@Suite struct CSVDelimiterDetectionTests {
    private func detect(_ text: String) -> Character {
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { buffer in
            let source = CSVSource(name: "t", bytes: buffer.baseAddress!, end: buffer.count - 1, start: 0)
            return Character(Unicode.Scalar(CSVDelimiterDetection.detect(in: source)))
        }
    }

    @Test func picksTheConsistentSeparator() {
        #expect(detect("a,b,c\n1,2,3\n") == ",")
        #expect(detect("a;b;c\n1,5;2;3\n4;5,5;6\n") == ";")
        #expect(detect("a\tb\n1,5\t2\n") == "\t")
    }

    @Test func ignoresSeparatorsInsideQuotes() {
        #expect(detect("\"a;b\",c\n\"1;2;3\",4\n") == ",")
        #expect(detect("name;note\n\"Smith, J\";\"x, y, z\"\n") == ";")
    }

    @Test func fallsBackToTheHeaderAndThenToComma() {
        // Inconsistent rows (a ragged file): the header's most frequent separator wins.
        #expect(detect("a;b;c\n1;2\n") == ";")
        #expect(detect("value\n1\n2\n") == ",")
        #expect(detect("") == ",")
    }
}
