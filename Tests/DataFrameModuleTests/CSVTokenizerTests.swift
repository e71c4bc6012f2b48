import Testing

@testable import DataFrameModule

@Suite struct CSVTokenizerTests {
    /// Random texts of 0–20 characters drawn from letters, digits and every character that
    /// matters to the tokenizer, so that specials fall at every offset of the 8-byte scan.
    private func randomText(_ g: inout SplitMix64) -> String {
        let alphabet: [Character] = Array("abcXYZ0189.-é東") + [",", ";", "\t", "\"", "\n", "\r\n", " "]
        let length = Int.random(in: 0...20, using: &g)
        return String(
            (0..<length).map { _ in
                Int.random(in: 0..<4, using: &g) == 0 ? alphabet.randomElement(using: &g)! : alphabet[Int.random(in: 0..<6, using: &g)]
            })
    }

    @Test func writtenFieldsReadBackExactly() throws {
        var g = SplitMix64(seed: 21)
        for delimiter: Character in [",", ";", "\t"] {
            let width = 4
            let rows = (0..<400).map { _ in (0..<width).map { _ in randomText(&g) } }
            let header = (0..<width).map { "c\($0)" }
            let separator = String(delimiter)
            func encode(_ text: String) -> String {
                String(decoding: CSVFieldEncoding.encode(text, delimiter: delimiter.asciiValue!), as: UTF8.self)
            }
            var text = header.joined(separator: separator) + "\r\n"
            for row in rows { text += row.map(encode).joined(separator: separator) + "\r\n" }
            // No missing tokens and forced text: every field must come back as written.
            let types = Dictionary(uniqueKeysWithValues: header.map { ($0, ColumnType.categorical) })
            let options = CSVOptions(delimiter: delimiter, missingTokens: [], columnTypes: types, trimsSpaces: false)
            let df = try readCSV(text, options)
            #expect(df.rowCount == rows.count)
            for (j, name) in header.enumerated() {
                #expect(df[name]?.texts == rows.map { $0[j] }, "delimiter \(delimiter) column \(j)")
            }
        }
    }

    @Test func aColumnThatTurnsToTextLateIsReadAgainWithItsMissingValues() throws {
        var text = "x,y\n"
        for i in 0..<300 { text += i % 7 == 0 ? "NA,\(i)\n" : "\(i),\(i)\n" }
        text += "\"say \"\"hi\"\"\",1\n"
        let df = try readCSV(text)
        guard case .categorical(let codes, let levels)? = df["x"]?.values else {
            Issue.record("expected categorical")
            return
        }
        #expect(levels.count == 300 - 43 + 1)
        #expect(levels.contains("say \"hi\""))
        #expect(codes.enumerated().allSatisfy { i, code in (i < 300 && i % 7 == 0) == (code < 0) })
        #expect(df["x"]?.text(at: 8) == "8")
        #expect(df["y"]?.type == .integer)
    }
}
