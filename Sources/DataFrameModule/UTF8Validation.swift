/// UTF-8 validation of raw file bytes, reporting the first offending byte.
///
/// Well-formed sequences follow the Unicode Standard, Table 3-7 ("Well-Formed UTF-8 Byte
/// Sequences"): no overlong forms, no surrogates (U+D800–U+DFFF), nothing above U+10FFFF.
/// ASCII is checked eight bytes at a time, which keeps the check far faster than the parse.
enum UTF8Validation {
    /// Offset of the first byte that does not begin a well-formed sequence, or `nil` if all is valid.
    ///
    /// A truncated or malformed multi-byte sequence is reported at its lead byte, which is the
    /// byte a Latin-1 or Windows-1252 file puts there (`é` = 0xE9).
    static func firstInvalidByte(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let p = buffer.baseAddress else { return nil }
        let end = buffer.count
        var i = start
        while i < end {
            // Fast path: skip whole 8-byte words of ASCII.
            while i + 8 <= end {
                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < end else { return nil }
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80  // allowed range of the second byte
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0  // excludes overlong three-byte forms
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F  // excludes surrogates
            case 0xF0:
                length = 4
                lower = 0x90  // excludes overlong four-byte forms
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F  // excludes code points above U+10FFFF
            default: return i  // continuation byte without a lead, or 0xC0, 0xC1, 0xF5…0xFF
            }
            guard i + 1 < end, p[i + 1] >= lower, p[i + 1] <= upper else { return i }
            for k in 2..<length {
                guard i + k < end, p[i + k] & 0xC0 == 0x80 else { return i }
            }
            i += length
        }
        return nil
    }
}
