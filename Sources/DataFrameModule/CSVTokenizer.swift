/// One field found by `CSVTokenizer`: the byte range of its content.
struct CSVField {
    /// First byte of the content (after the opening quote for a quoted field).
    var start = 0
    /// One past the last byte of the content (before the closing quote; spaces trimmed).
    var end = 0
    /// First byte of the field as written (its opening quote, if quoted), for error positions.
    var offset = 0
    /// Whether the content contains doubled quotes `""` that stand for one `"`.
    var hasEscapedQuotes = false

    var count: Int { end - start }
}

/// What follows a field.
enum CSVFieldEnd {
    case delimiter, endOfRecord, endOfInput
}

/// A streaming RFC 4180 scanner over raw bytes.
///
/// Grammar (RFC 4180 §2, with the usual relaxations): records end with LF or CRLF, the last one
/// optionally unterminated; a field is either unquoted (no delimiter, quote, CR or LF) or quoted
/// with `""` standing for a quote and CR/LF allowed inside. Blank lines between records are
/// skipped, as R's `read.csv` (`blank.lines.skip = TRUE`) and pandas (`skip_blank_lines`) do.
/// With `trimsSpaces`, spaces around a field, and between a quoted field and its delimiters,
/// are ignored. Every violation throws `DataError.malformedCSV` at the offending byte.
struct CSVTokenizer {
    let source: CSVSource
    let delimiter: UInt8
    let trimsSpaces: Bool
    /// Offset of the next byte to read.
    var position: Int
    /// Offset where the last field's text stopped (its delimiter or line end), for errors.
    var lastStop = 0

    init(source: CSVSource, delimiter: UInt8, trimsSpaces: Bool, position: Int) {
        self.source = source
        self.delimiter = delimiter
        // Trimming spaces would swallow a space delimiter.
        self.trimsSpaces = trimsSpaces && delimiter != ASCII.space
        self.position = position
    }

    /// Skips blank lines; `false` when no record is left.
    mutating func startRecord() throws -> Bool {
        let p = source.bytes
        while position < source.end {
            let b = p[position]
            if b == ASCII.lineFeed {
                position += 1
            } else if b == ASCII.carriageReturn {
                guard position + 1 < source.end, p[position + 1] == ASCII.lineFeed else {
                    throw loneCarriageReturn(at: position)
                }
                position += 2
            } else {
                return true
            }
        }
        return false
    }

    /// Reads the next field into `field` and says what ends it.
    @inline(__always)
    mutating func nextField(_ field: inout CSVField) throws -> CSVFieldEnd {
        let p = source.bytes
        let end = source.end
        var i = position
        if trimsSpaces { while i < end && p[i] == ASCII.space { i += 1 } }
        field.offset = i
        if i < end && p[i] == ASCII.quote {
            return try quotedField(&field, openingAt: i)
        }
        let start = i
        i = skipOrdinaryWords(from: i)
        while i < end {
            let b = p[i]
            if b == delimiter || b == ASCII.lineFeed || b == ASCII.carriageReturn || b == ASCII.quote { break }
            i += 1
        }
        if i < end && p[i] == ASCII.quote {
            throw source.error(
                at: i, "quote character inside an unquoted field",
                advice: "Quote the whole field and double the inner quote, e.g. \"5\"\" screen\"; or remove the quote.")
        }
        var last = i
        if trimsSpaces { while last > start && p[last - 1] == ASCII.space { last -= 1 } }
        field.start = start
        field.end = last
        field.hasEscapedQuotes = false
        return try finishField(at: i)
    }

    /// The content of a quoted field whose opening quote is at `open`.
    private mutating func quotedField(_ field: inout CSVField, openingAt open: Int) throws -> CSVFieldEnd {
        let p = source.bytes
        let end = source.end
        var i = open + 1
        var escaped = false
        while true {
            guard i < end else {
                throw source.error(
                    at: open, "quoted field is never closed",
                    advice: "Add the closing quote; a quote that is part of the value must be doubled (\"\").")
            }
            if p[i] == ASCII.quote {
                if i + 1 < end && p[i + 1] == ASCII.quote {
                    escaped = true
                    i += 2
                    continue
                }
                break
            }
            i += 1
        }
        field.start = open + 1
        field.end = i
        field.hasEscapedQuotes = escaped
        i += 1
        if trimsSpaces { while i < end && p[i] == ASCII.space { i += 1 } }
        if i < end {
            let b = p[i]
            if b != delimiter && b != ASCII.lineFeed && b != ASCII.carriageReturn {
                let shown = b < 0x80 ? "'\(Character(Unicode.Scalar(b)))'" : "text"
                throw source.error(
                    at: i, "unexpected \(shown) after the closing quote of a quoted field",
                    advice: "Put a delimiter right after the closing quote, or double the quote if it is part of the value.")
            }
        }
        return try finishField(at: i)
    }

    /// The offset of the first 8-byte word from `i` on that may hold a delimiter, quote, CR or
    /// LF (the byte loop then finds it exactly). Tests eight bytes at once with the zero-byte
    /// test `(x − 0x01…01) & ~x & 0x80…80` of Hacker's Delight (H. S. Warren, 2nd ed., §6-1),
    /// applied to the word xor-ed with each special byte; it has no false negatives.
    @inline(__always)
    private func skipOrdinaryWords(from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let delimiters = ones &* UInt64(delimiter)
        let quotes = ones &* UInt64(ASCII.quote)
        let lineFeeds = ones &* UInt64(ASCII.lineFeed)
        let returns = ones &* UInt64(ASCII.carriageReturn)
        var i = start
        while i + 8 <= source.end {
            let word = UnsafeRawPointer(source.bytes + i).loadUnaligned(as: UInt64.self)
            var found: UInt64 = 0
            for pattern in [delimiters, quotes, lineFeeds, returns] {
                let x = word ^ pattern
                found |= (x &- ones) & ~x & high
            }
            if found != 0 { return i }
            i += 8
        }
        return i
    }

    /// Consumes the delimiter or line end at `i`.
    @inline(__always)
    private mutating func finishField(at i: Int) throws -> CSVFieldEnd {
        lastStop = i
        guard i < source.end else {
            position = i
            return .endOfInput
        }
        let b = source.bytes[i]
        if b == delimiter {
            position = i + 1
            return .delimiter
        }
        if b == ASCII.lineFeed {
            position = i + 1
            return .endOfRecord
        }
        guard i + 1 < source.end, source.bytes[i + 1] == ASCII.lineFeed else { throw loneCarriageReturn(at: i) }
        position = i + 2
        return .endOfRecord
    }

    private func loneCarriageReturn(at offset: Int) -> DataError {
        source.error(
            at: offset, "carriage return (CR) without a line feed",
            advice: "Save the file with LF or CRLF line endings (CR-only files come from old Mac software).")
    }
}
