/// How `CSVReader` reads a delimited text file.
///
/// The defaults read RFC 4180 files (https://www.rfc-editor.org/rfc/rfc4180) and the common
/// variants written by Excel, R (`write.csv`) and pandas (`to_csv`): the delimiter is detected,
/// the usual missing-value spellings are recognised and every column's type is inferred.
public struct CSVOptions: Sendable, Equatable {
    /// The missing-value spellings of R (`NA`), pandas (empty, `NaN`, `null`) and Stata (`.`).
    public static let defaultMissingTokens = ["", "NA", "NaN", "null", "."]

    /// Field separator, an ASCII character other than `"`, CR or LF; `nil` detects comma,
    /// semicolon or tab from the header and the first rows (see `CSVReader`).
    public var delimiter: Character?
    /// Field texts that mean "missing", matched exactly (case-sensitive) after space trimming,
    /// whether the field is quoted or not (as R's `read.csv` and pandas do).
    public var missingTokens: [String]
    /// Column name → type to read it as, overriding inference (e.g. an integer id read as
    /// `.categorical`). A value that does not fit the forced type is a `malformedCSV` error.
    public var columnTypes: [String: ColumnType]
    /// Whether spaces around fields (and around quoted fields) are ignored. Tabs are never
    /// trimmed, and nothing is trimmed when the delimiter is a space.
    public var trimsSpaces: Bool

    /// Options; every parameter defaults to the behaviour described on the properties.
    public init(
        delimiter: Character? = nil,
        missingTokens: [String] = CSVOptions.defaultMissingTokens,
        columnTypes: [String: ColumnType] = [:],
        trimsSpaces: Bool = true
    ) {
        if let delimiter { precondition(CSVOptions.isValidDelimiter(delimiter), "invalid CSV delimiter \(delimiter)") }
        self.delimiter = delimiter
        self.missingTokens = missingTokens
        self.columnTypes = columnTypes
        self.trimsSpaces = trimsSpaces
    }

    /// Whether `character` can separate fields: a single ASCII character other than the quote,
    /// CR and LF. Use it to validate user input before building options (an invalid one traps).
    public static func isValidDelimiter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii != ASCII.quote && ascii != ASCII.lineFeed && ascii != ASCII.carriageReturn
    }
}
