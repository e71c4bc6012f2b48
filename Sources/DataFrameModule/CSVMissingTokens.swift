/// The missing-value spellings of `CSVOptions`, matched against raw field bytes.
struct CSVMissingTokens {
    private let tokens: [[UInt8]]
    private let longest: Int
    private let includesEmpty: Bool

    init(_ spellings: [String]) {
        tokens = spellings.map { Array($0.utf8) }
        longest = tokens.map(\.count).max() ?? 0
        includesEmpty = tokens.contains { $0.isEmpty }
    }

    /// Whether the field's text is one of the tokens.
    @inline(__always)
    func matches(_ field: CSVField, in source: CSVSource) -> Bool {
        let n = field.count
        if n == 0 { return includesEmpty }
        // Most fields are longer than every token: one comparison settles them.
        if n > longest { return false }
        if field.hasEscapedQuotes { return tokens.contains(Array(source.text(of: field).utf8)) }
        let p = source.bytes + field.start
        for token in tokens where token.count == n {
            var equal = true
            for k in 0..<n where p[k] != token[k] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }
}
