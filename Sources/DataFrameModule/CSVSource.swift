/// The bytes of one CSV input with its name, turning byte offsets into the 1-based line and
/// column that `DataError.malformedCSV` reports.
///
/// Positions are computed only when an error is raised, by rescanning from the start, so the
/// parser's hot loop never tracks lines.
struct CSVSource {
    /// File path or the caller's name for in-memory text.
    let name: String
    let bytes: UnsafePointer<UInt8>
    /// Offset one past the last byte.
    let end: Int
    /// Offset of the first byte after a UTF-8 byte-order mark, if any.
    let start: Int

    /// 1-based line (LF-terminated) and column of the byte at `offset`. Columns count Unicode
    /// scalars, so `é` is one column; a tab is one column.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var i = start
        while i < min(offset, end) {
            let b = bytes[i]
            if b == ASCII.lineFeed {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                // Count lead bytes only: continuation bytes belong to the previous scalar.
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// A `malformedCSV` error located at the byte `offset`.
    func error(at offset: Int, _ problem: String, advice: String) -> DataError {
        let (line, column) = location(of: offset)
        return .malformedCSV(file: name, line: line, column: column, problem: problem, advice: advice)
    }

    /// The decoded text of `count` bytes at `offset` (the bytes are known to be valid UTF-8).
    func text(at offset: Int, count: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + offset, count: count), as: UTF8.self)
    }

    /// The text of a field, with `""` inside a quoted field turned back into `"`.
    func text(of field: CSVField) -> String {
        guard field.hasEscapedQuotes else { return text(at: field.start, count: field.end - field.start) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(field.end - field.start)
        var i = field.start
        while i < field.end {
            unescaped.append(bytes[i])
            // The tokenizer guarantees quotes inside a quoted field come in pairs.
            i += bytes[i] == ASCII.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// A short, printable excerpt of a field for error messages.
    func excerpt(of field: CSVField) -> String {
        let text = text(of: field)
        return text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }
}
