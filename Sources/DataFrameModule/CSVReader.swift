import Foundation

/// Reads RFC 4180 CSV text into a `DataFrame`, inferring each column's type.
///
/// The input is parsed as raw UTF-8 bytes in one pass (a second pass only for the rare column
/// that turns out to be text after starting out as numbers, booleans or dates). Numbers are
/// converted straight from the bytes (`NumberParser`, correctly rounded, identical to
/// `Double(String)`); only categorical fields are decoded into `String`s.
///
/// - Format: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): a header line of unique, non-empty
///   names; quoted fields with `""` for a quote and line breaks allowed inside; LF or CRLF line
///   ends; the final line break optional; blank lines skipped; a UTF-8 byte-order mark ignored.
///   The delimiter is detected among comma, semicolon and tab unless `options.delimiter` is set.
/// - Missing values: the fields equal to one of `options.missingTokens`.
/// - Types, per column over all rows: integer → double → bool (`true/false`, `TRUE/FALSE`,
///   `True/False`) → ISO date `YYYY-MM-DD` → categorical (levels sorted byte-wise); a column of
///   only missing values is double; `options.columnTypes` forces a column's type.
/// - Errors: `DataError.malformedCSV` with the file, 1-based line and column and advice (ragged
///   rows, unclosed or stray quotes, invalid UTF-8, empty file, bad header, a value that does not
///   fit a forced type), `DataError.unknownColumn` for a forced type naming no column, and
///   `DataError.fileNotReadable`.
public struct CSVReader: Sendable {
    /// Delimiter, missing tokens, type overrides and space trimming.
    public var options: CSVOptions

    /// A reader with the given options.
    public init(options: CSVOptions = .init()) {
        self.options = options
    }

    /// Reads the file at `path`; errors name the path.
    public func read(path: String) throws -> DataFrame {
        let bytes = try FileBytes.contents(path: path)
        return try read(bytes: bytes, name: path)
    }

    /// Reads CSV text held in memory; errors name it `name`.
    public func read(text: String, name: String = "<text>") throws -> DataFrame {
        var text = text
        return try text.withUTF8 { try parse($0, name: name) }
    }

    /// Reads raw bytes (UTF-8, with or without a byte-order mark); errors name them `name`.
    public func read(bytes: [UInt8], name: String) throws -> DataFrame {
        try bytes.withUnsafeBufferPointer { try parse($0, name: name) }
    }

    /// The parser proper.
    func parse(_ buffer: UnsafeBufferPointer<UInt8>, name: String) throws -> DataFrame {
        let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!  // never read when empty
        let hasBOM = buffer.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
        let source = CSVSource(name: name, bytes: base, end: buffer.count, start: hasBOM ? 3 : 0)
        if let bad = UTF8Validation.firstInvalidByte(in: buffer, from: source.start) {
            let hex = String(base[bad], radix: 16, uppercase: true)
            throw source.error(
                at: bad, "invalid UTF-8: byte 0x\(hex) at byte offset \(bad) does not start a valid character",
                advice: "Save the file as UTF-8 (this byte suggests Latin-1 or Windows-1252, e.g. from Excel's plain \"CSV\" export).")
        }
        if let chosen = options.delimiter {
            // Checked here too: the property can be set after `CSVOptions.init` validated it.
            precondition(CSVOptions.isValidDelimiter(chosen), "invalid CSV delimiter \(chosen)")
        }
        let delimiter = options.delimiter?.asciiValue ?? CSVDelimiterDetection.detect(in: source)
        var tokenizer = CSVTokenizer(
            source: source, delimiter: delimiter, trimsSpaces: options.trimsSpaces, position: source.start)
        guard try tokenizer.startRecord() else {
            throw source.error(
                at: source.start, "the file is empty",
                advice: "A CSV file needs a header line naming its columns; check that the right file was exported.")
        }
        let names = try readHeader(&tokenizer)
        for forcedName in options.columnTypes.keys.sorted() where !names.contains(forcedName) {
            throw DataError.unknownColumn(name: forcedName, suggestion: closestName(to: forcedName, among: names))
        }
        let dataStart = tokenizer.position
        let capacity = CSVReader.countLineFeeds(source, from: dataStart) + 1
        var builders = names.map { CSVColumnBuilder(name: $0, forced: options.columnTypes[$0], capacity: capacity) }
        let missing = CSVMissingTokens(options.missingTokens)
        try readRecords(&tokenizer, into: &builders, missing: missing)
        let deferred = builders.indices.filter { builders[$0].state == .deferred }
        if !deferred.isEmpty {
            tokenizer.position = dataStart
            let rebuilt = try rereadAsCategorical(deferred, names: names, tokenizer: tokenizer, missing: missing)
            for (k, builder) in zip(deferred, rebuilt) { builders[k] = builder }
        }
        return try DataFrame(columns: builders.map { $0.makeColumn() })
    }

    /// Reads the header record; names must be non-empty and unique.
    private func readHeader(_ tokenizer: inout CSVTokenizer) throws -> [String] {
        let source = tokenizer.source
        var names: [String] = []
        var field = CSVField()
        var firstOffset: [String: Int] = [:]
        while true {
            let end = try tokenizer.nextField(&field)
            let name = source.text(of: field)
            if name.isEmpty {
                throw source.error(
                    at: field.offset, "column \(names.count + 1) of the header has no name",
                    advice: "Give every column a name in the header line (and check for a trailing delimiter).")
            }
            if let first = firstOffset[name] {
                throw source.error(
                    at: field.offset,
                    "column name '\(name)' appears twice in the header (columns \(first + 1) and \(names.count + 1))",
                    advice: "Rename one of the two columns so that every name is unique.")
            }
            firstOffset[name] = names.count
            names.append(name)
            if end != .delimiter { return names }
        }
    }

    /// First pass: every data record, typed by the builders; checks the field count per record.
    private func readRecords(
        _ tokenizer: inout CSVTokenizer, into builders: inout [CSVColumnBuilder], missing: CSVMissingTokens
    ) throws {
        let source = tokenizer.source
        let width = builders.count
        var field = CSVField()
        while try tokenizer.startRecord() {
            let recordStart = tokenizer.position
            var j = 0
            var extraFieldOffset = 0
            while true {
                let end = try tokenizer.nextField(&field)
                if j < width {
                    if missing.matches(field, in: source) {
                        builders[j].appendMissing()
                    } else if !builders[j].append(field, source: source) {
                        throw valueError(field, column: builders[j], source: source)
                    }
                } else if j == width {
                    extraFieldOffset = field.offset
                }
                j += 1
                if end != .delimiter { break }
            }
            if j != width {
                let at = j > width ? extraFieldOffset : tokenizer.lastStop
                let line = source.location(of: recordStart).line
                let record = source.location(of: at).line == line ? "line \(line)" : "the record starting on line \(line)"
                throw source.error(
                    at: at, "\(record) has \(j) field\(j == 1 ? "" : "s"), header has \(width)",
                    advice: j > width
                        ? "Quote values that contain the delimiter, or remove the extra delimiter."
                        : "Add the missing fields (leave a field empty for a missing value), or check the delimiter.")
            }
        }
    }

    /// Second pass over the data records for the `columns` that became categorical late.
    private func rereadAsCategorical(
        _ columns: [Int], names: [String], tokenizer: CSVTokenizer, missing: CSVMissingTokens
    ) throws -> [CSVColumnBuilder] {
        var tokenizer = tokenizer
        let source = tokenizer.source
        var slot = [Int](repeating: -1, count: names.count)
        for (s, k) in columns.enumerated() { slot[k] = s }
        let capacity = CSVReader.countLineFeeds(source, from: tokenizer.position) + 1
        var builders = columns.map { CSVColumnBuilder(name: names[$0], forced: .categorical, capacity: capacity) }
        var field = CSVField()
        while try tokenizer.startRecord() {
            var j = 0
            while true {
                let end = try tokenizer.nextField(&field)
                let s = slot[j]  // the first pass checked that every record has exactly `names.count` fields
                if s >= 0 {
                    if missing.matches(field, in: source) {
                        builders[s].appendMissing()
                    } else {
                        _ = builders[s].append(field, source: source)  // categorical accepts any text
                    }
                }
                j += 1
                if end != .delimiter { break }
            }
        }
        return builders
    }

    /// The error for a value that does not fit its column's forced type.
    private func valueError(_ field: CSVField, column: CSVColumnBuilder, source: CSVSource) -> DataError {
        let type = column.forced ?? .categorical
        let expected: String
        switch type {
        case .integer: expected = "an integer"
        case .double: expected = "a number"
        case .bool: expected = "a boolean (true/false, TRUE/FALSE, True/False)"
        case .date: expected = "a date written YYYY-MM-DD"
        case .categorical: expected = "text"
        }
        return source.error(
            at: field.offset,
            "value '\(source.excerpt(of: field))' in column '\(column.name)' is not \(expected), the type set for it in the options",
            advice: "Correct the value, add its spelling to the missing tokens, or drop the type override for '\(column.name)'.")
    }

    /// Number of LF bytes from `offset` on: an upper bound on the records left, used to reserve
    /// column storage. `memchr` is vectorised by the C library, far faster than a byte loop.
    static func countLineFeeds(_ source: CSVSource, from offset: Int) -> Int {
        var count = 0
        var i = offset
        while i < source.end {
            guard let found = memchr(source.bytes + i, Int32(ASCII.lineFeed), source.end - i) else { break }
            count += 1
            i = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - source.bytes + 1
        }
        return count
    }
}
