/// Allocation-free parsing of integer and decimal fields straight from UTF-8 bytes.
///
/// The CSV reader calls these on every numeric field, so they avoid building a `String`.
/// `parseDouble` is correctly rounded (round-half-to-even), i.e. it returns exactly what
/// `Double(String)` returns for the same text: plain decimals with at most 19 significant digits
/// and a decimal exponent within ±19 are converted with exact integer arithmetic (Clinger's fast
/// path, then a 128-bit product or quotient), and everything else falls back to `Double(String)`.
///
/// References: W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990 (the
/// fast path); the exact-quotient rounding is the textbook round-to-nearest-even of an integer
/// with a sticky bit (IEEE 754-2019 §4.3.1).
enum NumberParser {
    /// An optional leading `+` or `-`: whether it is a minus, and the index after it.
    @inline(__always)
    static func signPrefix(_ p: UnsafePointer<UInt8>) -> (negative: Bool, start: Int) {
        if p[0] == ASCII.minus { return (true, 1) }
        if p[0] == ASCII.plus { return (false, 1) }
        return (false, 0)
    }

    /// `[+-]?[0-9]+` within the range of `Int`; `nil` for anything else (including overflow).
    @inline(__always)
    static func parseInteger(_ p: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard count > 0 else { return nil }
        var (negative, i) = signPrefix(p)
        guard i < count else { return nil }
        var magnitude: UInt64 = 0
        if count - i <= 18 {
            // 18 digits stay below 10^18 < 2^63: no overflow check needed on the common path.
            while i < count {
                let d = p[i] &- ASCII.zero
                guard d < 10 else { return nil }
                magnitude = magnitude &* 10 &+ UInt64(d)
                i += 1
            }
        } else {
            while i < count {
                let d = p[i] &- ASCII.zero
                guard d < 10 else { return nil }
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(d))
                guard !o1, !o2 else { return nil }
                magnitude = s
                i += 1
            }
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { return nil }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { return nil }
        return Int(magnitude)
    }

    /// A decimal number `[+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?` or `[+-]?inf(inity)?` (any case),
    /// correctly rounded to the nearest `Double`; `nil` if the text is not such a number.
    ///
    /// Hexadecimal floats and `nan` are not accepted (a CSV value `nan` is text, unless it is
    /// declared a missing token); surrounding spaces must have been trimmed by the caller.
    static func parseDouble(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        guard count > 0 else { return nil }
        var (negative, i) = signPrefix(p)
        guard i < count else { return nil }
        if p[i] | 0x20 == UInt8(ascii: "i") {
            guard isInfinity(p + i, count: count - i) else { return nil }
            return negative ? -.infinity : .infinity
        }
        var mantissa: UInt64 = 0
        var digits = 0  // significant digits kept in `mantissa` (leading zeros excluded)
        var exponent = 0  // value = mantissa × 10^exponent while no nonzero digit is dropped
        var droppedNonzero = false
        var sawDigit = false
        while i < count {
            if mantissa != 0 && digits <= 11 && i + 8 <= count, let eight = eightDigits(p + i) {
                mantissa = mantissa &* 100_000_000 &+ eight
                digits += 8
                i += 8
                continue
            }
            let d = p[i] &- ASCII.zero
            guard d < 10 else { break }
            sawDigit = true
            if digits < 19 {
                if mantissa != 0 || d != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    digits += 1
                }
            } else {
                // Beyond 19 digits the integer part only scales; a dropped nonzero digit means
                // the value is no longer exact and the slow path must decide.
                exponent += 1
                if d != 0 { droppedNonzero = true }
            }
            i += 1
        }
        if i < count && p[i] == ASCII.dot {
            i += 1
            while i < count {
                if mantissa != 0 && digits <= 11 && i + 8 <= count, let eight = eightDigits(p + i) {
                    mantissa = mantissa &* 100_000_000 &+ eight
                    digits += 8
                    exponent -= 8
                    i += 8
                    continue
                }
                let d = p[i] &- ASCII.zero
                guard d < 10 else { break }
                sawDigit = true
                if digits < 19 {
                    if mantissa != 0 || d != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        digits += 1
                    }
                    exponent -= 1
                } else if d != 0 {
                    droppedNonzero = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < count && p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < count && (p[i] == ASCII.minus || p[i] == ASCII.plus) {
                exponentNegative = p[i] == ASCII.minus
                i += 1
            }
            var written = 0
            var sawExponentDigit = false
            while i < count {
                let d = p[i] &- ASCII.zero
                guard d < 10 else { break }
                sawExponentDigit = true
                // Cap far beyond any double's range so absurd exponents cannot overflow `Int`.
                if written < 1_000_000 { written = written * 10 + Int(d) }
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == count else { return nil }
        if mantissa == 0 && !droppedNonzero { return negative ? -0.0 : 0.0 }
        if !droppedNonzero, let magnitude = exactValue(mantissa: mantissa, exponent: exponent) {
            return negative ? -magnitude : magnitude
        }
        // Rare: more than 19 significant digits or a large exponent. The text is already known
        // to be a valid decimal, and `Double(String)` is correctly rounded.
        let text = String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        return Double(text)
    }

    /// `mantissa × 10^exponent` correctly rounded, when that can be done with exact integer
    /// arithmetic; `nil` otherwise.
    @inline(__always)
    static func exactValue(mantissa: UInt64, exponent: Int) -> Double? {
        // Clinger's fast path: both operands exact doubles, so one IEEE operation rounds once.
        if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            return exponent >= 0 ? m * exactPowerOfTen(exponent) : m / exactPowerOfTen(-exponent)
        }
        if exponent >= 0 && exponent <= 19 {
            let product = mantissa.multipliedFullWidth(by: integerPowerOfTen(exponent))
            return roundToDouble(high: product.high, low: product.low, scale: 0)
        }
        if exponent < 0 && exponent >= -19 {
            // Exact quotient: (mantissa << s) / 10^k with s chosen so that the quotient has at
            // least 62 significant bits and fits 64 bits; the remainder is the sticky bit.
            let divisor = integerPowerOfTen(-exponent)
            let s = 64 + (64 - divisor.leadingZeroBitCount) - (64 - mantissa.leadingZeroBitCount) - 1
            let high: UInt64
            let low: UInt64
            if s >= 64 {
                high = mantissa << UInt64(s - 64)
                low = 0
            } else {
                high = mantissa >> UInt64(64 - s)
                low = mantissa << UInt64(s)
            }
            let (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
            return roundToDouble(quotient, sticky: remainder != 0, scale: -s)
        }
        return nil
    }

    /// `(high·2^64 + low) · 2^scale`, correctly rounded; the result must be a normal double.
    @inline(__always)
    static func roundToDouble(high: UInt64, low: UInt64, scale: Int) -> Double {
        if high == 0 { return roundToDouble(low, sticky: false, scale: scale) }
        let lz = high.leadingZeroBitCount
        let top = lz == 0 ? high : (high << UInt64(lz)) | (low >> UInt64(64 - lz))
        let sticky = (low << UInt64(lz)) != 0
        return roundToDouble(top, sticky: sticky, scale: scale + 64 - lz)
    }

    /// `(x + δ) · 2^scale` with 0 ≤ δ < 1 (`sticky` says δ > 0), rounded to nearest, ties to even.
    @inline(__always)
    static func roundToDouble(_ x: UInt64, sticky: Bool, scale: Int) -> Double {
        let lz = x.leadingZeroBitCount
        let normalized = x << UInt64(lz)
        var exponent = scale - lz + 63  // value = 1.f × 2^exponent
        var significand = normalized >> 11  // 53 bits with the leading one
        let roundBit = (normalized >> 10) & 1
        let rest = (normalized & 0x3FF) != 0 || sticky
        if roundBit == 1 && (rest || significand & 1 == 1) {
            significand += 1
            if significand == 1 << 53 {
                significand >>= 1
                exponent += 1
            }
        }
        let bits = UInt64(exponent + 1023) << 52 | (significand & ((1 << 52) - 1))
        return Double(bitPattern: bits)
    }

    /// `inf` or `infinity`, any letter case.
    static func isInfinity(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count == 3 || count == 8 else { return false }
        for k in 0..<count where p[k] | 0x20 != infinityLetters[k] { return false }
        return true
    }

    static let infinityLetters: [UInt8] = Array("infinity".utf8)

    /// The value of eight ASCII digits at `p`, or `nil` if any of the eight bytes is not a digit.
    ///
    /// SWAR conversion of D. Lemire, "Number parsing at a gigabyte per second" (Software: Practice
    /// and Experience 51, 2021), as in the fast_float library: digits are tested and combined
    /// pairwise in one 64-bit word (first digit in the lowest byte, hence the little-endian load).
    @inline(__always)
    static func eightDigits(_ p: UnsafePointer<UInt8>) -> UInt64? {
        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        // Each byte is 0x30…0x39 exactly when its high nibble is 3 and adding 6 keeps it there.
        guard (word & nibbles) | (((word &+ 0x0606_0606_0606_0606) & nibbles) >> 4) == 0x3333_3333_3333_3333 else {
            return nil
        }
        var v = word &- 0x3030_3030_3030_3030
        v = (v &* 10) &+ (v >> 8)  // pairs of digits
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let multiplier1: UInt64 = 100 &+ (1_000_000 << 32)
        let multiplier2: UInt64 = 1 &+ (10_000 << 32)
        v = (((v & mask) &* multiplier1) &+ (((v >> 16) & mask) &* multiplier2)) >> 32
        return UInt64(UInt32(truncatingIfNeeded: v))
    }

    /// 10^k for 0 ≤ k ≤ 22, all exactly representable as doubles. A switch of literals compiles
    /// to a constant table, without the lazy-initialisation check of a global array.
    @inline(__always)
    static func exactPowerOfTen(_ k: Int) -> Double {
        switch k {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// 10^k for 0 ≤ k ≤ 19, the powers of ten that fit in 64 bits.
    @inline(__always)
    static func integerPowerOfTen(_ k: Int) -> UInt64 {
        switch k {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        case 8: return 100_000_000
        case 9: return 1_000_000_000
        case 10: return 10_000_000_000
        case 11: return 100_000_000_000
        case 12: return 1_000_000_000_000
        case 13: return 10_000_000_000_000
        case 14: return 100_000_000_000_000
        case 15: return 1_000_000_000_000_000
        case 16: return 10_000_000_000_000_000
        case 17: return 100_000_000_000_000_000
        case 18: return 1_000_000_000_000_000_000
        default: return 10_000_000_000_000_000_000
        }
    }
}

/// ASCII byte constants used by the parsers.
enum ASCII {
    static let zero = UInt8(ascii: "0")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let tab = UInt8(ascii: "\t")
    static let space = UInt8(ascii: " ")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}
