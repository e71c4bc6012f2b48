extension DataFrame {
    /// The frame as CSV text that `readCSV` reads back into an equal frame.
    ///
    /// Format (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): a header line, one line per
    /// row, LF line ends and a final LF. Missing values (and NaN) are empty fields; integers in
    /// decimal; doubles in Swift's shortest round-trip form (`0.1`, `1e-300`, `2.0`, `inf`), so
    /// they parse back bit-for-bit and stay doubles; booleans `true`/`false`; dates `YYYY-MM-DD`;
    /// categorical values as their level text. A field is quoted, with `"` doubled, when it
    /// contains the delimiter, a quote or a line break, or begins or ends with a space (which the
    /// reader would otherwise trim).
    ///
    /// Round-trip limits, by design of the text format: unused categorical levels are not
    /// written; a level spelled like a number, boolean, date or missing token (`"007"`, `"NA"`)
    /// reads back as that type or as missing unless the reader's options say otherwise; a frame
    /// without rows reads back with double columns.
    public func csvText(delimiter: Character = ",") -> String {
        String(decoding: csvBytes(delimiter: delimiter), as: UTF8.self)
    }

    /// Writes `csvText(delimiter:)` to `path`, replacing any existing file; throws
    /// `DataError.fileNotWritable` with the system's reason.
    public func writeCSV(path: String, delimiter: Character = ",") throws {
        try FileBytes.save(csvBytes(delimiter: delimiter), path: path)
    }

    /// The UTF-8 bytes of `csvText(delimiter:)`.
    func csvBytes(delimiter: Character) -> [UInt8] {
        precondition(CSVOptions.isValidDelimiter(delimiter), "invalid CSV delimiter \(delimiter)")
        let separator = delimiter.asciiValue!
        var out: [UInt8] = []
        out.reserveCapacity(max(64, rowCount * columns.count * 8))
        for (j, column) in columns.enumerated() {
            if j > 0 { out.append(separator) }
            out.append(contentsOf: CSVFieldEncoding.encode(column.name, delimiter: separator))
        }
        guard !columns.isEmpty else { return out }
        out.append(ASCII.lineFeed)
        // Level texts are encoded once per column, not once per row.
        let encodedLevels: [[[UInt8]]] = columns.map { column in
            guard case .categorical(_, let levels) = column.values else { return [] }
            return levels.map { CSVFieldEncoding.encode($0, delimiter: separator) }
        }
        for i in 0..<rowCount {
            for (j, column) in columns.enumerated() {
                if j > 0 { out.append(separator) }
                if column.isMissing(i) { continue }
                switch column.values {
                case .integer(let v, _): out.append(contentsOf: String(v[i]).utf8)
                case .double(let v, _):
                    // NaN has no CSV spelling the reader takes as a number: write it as missing.
                    if !v[i].isNaN { out.append(contentsOf: v[i].description.utf8) }
                case .bool(let v, _): out.append(contentsOf: (v[i] ? "true" : "false").utf8)
                case .date(let v, _): out.append(contentsOf: ISODate.format(daysSinceEpoch: v[i]).utf8)
                case .categorical(let codes, _): out.append(contentsOf: encodedLevels[j][Int(codes[i])])
                }
            }
            out.append(ASCII.lineFeed)
        }
        return out
    }
}

/// Quoting of one text field for CSV output.
enum CSVFieldEncoding {
    /// `text` as a CSV field: quoted with inner quotes doubled when it holds the delimiter, a
    /// quote, CR or LF, or has a leading or trailing space; otherwise as is.
    static func encode(_ text: String, delimiter: UInt8) -> [UInt8] {
        let bytes = Array(text.utf8)
        let needsQuotes =
            bytes.first == ASCII.space || bytes.last == ASCII.space
            || bytes.contains { $0 == delimiter || $0 == ASCII.quote || $0 == ASCII.lineFeed || $0 == ASCII.carriageReturn }
        guard needsQuotes else { return bytes }
        var quoted: [UInt8] = [ASCII.quote]
        for b in bytes {
            quoted.append(b)
            if b == ASCII.quote { quoted.append(ASCII.quote) }
        }
        quoted.append(ASCII.quote)
        return quoted
    }
}
