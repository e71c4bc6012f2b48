import Foundation
import Testing

@testable import DataFrameModule

@Suite struct NumberParsingTests {
    private func double(_ text: String) -> Double? {
        let bytes = Array(text.utf8) + [0]  // a sentinel so that "" still has a base address
        return bytes.withUnsafeBufferPointer { NumberParser.parseDouble($0.baseAddress!, count: $0.count - 1) }
    }

    private func integer(_ text: String) -> Int? {
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { NumberParser.parseInteger($0.baseAddress!, count: $0.count - 1) }
    }

    /// A random decimal: sign, up to 24 integer digits, optional fraction of up to 24 digits,
    /// optional exponent; wide enough to reach every branch (fast path, 128-bit exact path,
    /// more than 19 significant digits, subnormals and overflow through the exponent).
    private func randomDecimal(_ g: inout SplitMix64) -> String {
        var s = Int.random(in: 0..<4, using: &g) == 0 ? "-" : ""
        let integerDigits = Int.random(in: 0...24, using: &g)
        for _ in 0..<integerDigits { s += String(Int.random(in: 0...9, using: &g)) }
        if integerDigits == 0 || Bool.random(using: &g) {
            s += "."
            let fractionDigits = Int.random(in: integerDigits == 0 ? 1...24 : 0...24, using: &g)
            for _ in 0..<fractionDigits { s += String(Int.random(in: 0...9, using: &g)) }
        }
        if Int.random(in: 0..<4, using: &g) == 0 {
            s += ["e", "E", "e-", "e+"].randomElement(using: &g)! + String(Int.random(in: 0...330, using: &g))
        }
        return s
    }

    @Test func randomDecimalStringsMatchDoubleInitializerExactly() {
        var g = SplitMix64(seed: 20_261_123)
        var mismatches: [String] = []
        var invalid: [String] = []
        for _ in 0..<100_000 {
            let text = randomDecimal(&g)
            let expected = Double(text)
            if expected == nil { invalid.append(text) }
            if double(text)?.bitPattern != expected?.bitPattern { mismatches.append(text) }
        }
        #expect(invalid.isEmpty, "generator produced invalid decimals: \(invalid.prefix(5))")
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test func typicalDataDecimalsMatchDoubleInitializerExactly() {
        // Values as spreadsheets and pandas write them: a few integer digits and 0–17 decimals.
        var g = SplitMix64(seed: 7)
        var mismatches: [String] = []
        for _ in 0..<100_000 {
            let x = Double.random(in: -1...1, using: &g) * pow(10, Double.random(in: -6...9, using: &g))
            let text = String(format: "%.\(Int.random(in: 0...17, using: &g))f", x)
            if double(text)?.bitPattern != Double(text)?.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test func shortestRepresentationsOfRandomDoublesRoundTrip() {
        var g = SplitMix64(seed: 99)
        var failures: [String] = []
        for _ in 0..<50_000 {
            let x = Double(bitPattern: g.next())
            guard x.isFinite else { continue }
            let text = "\(x)"
            if double(text)?.bitPattern != x.bitPattern { failures.append(text) }
        }
        #expect(failures.isEmpty, "first failures: \(failures.prefix(5))")
    }

    @Test(arguments: [
        "0", "-0", "-0.0", "0.000", "1", "+1", ".5", "5.", "-.5", "0.1", "0.30000000000000004",
        "9007199254740993", "9007199254740993.0", "18446744073709551615", "123456789012345678901234567890",
        "1e308", "1.7976931348623157e308", "1.8e308", "1e-308", "2.2250738585072014e-308",
        "4.9e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-400", "1e400",
        "0.0000000000000000000000000000001", "1.00000000000000000000000000001", "100000000000000000000000",
        "3.14159265358979323846264338327950288", "1E5", "1e+05", "1e-05", "123.456e-7",
    ])
    func edgeCasesMatchDoubleInitializer(text: String) {
        #expect(double(text) != nil)
        #expect(double(text)?.bitPattern == Double(text)?.bitPattern)
    }

    @Test func infinityIsAcceptedInAnyCase() {
        #expect(double("inf") == .infinity)
        #expect(double("-Inf") == -.infinity)
        #expect(double("+INFINITY") == .infinity)
        #expect(double("Infinity") == .infinity)
    }

    @Test(arguments: [
        "", "-", "+", ".", "e5", "1e", "1e+", "1..2", "1.2.3", "1,5", "0x1p3", "nan", "NaN", " 1", "1 ", "12a",
        "infinit", "--1", "1e5.5",
    ])
    func nonNumbersAreRejected(text: String) {
        #expect(double(text) == nil)
    }

    @Test func integersCoverTheFullRangeAndRejectOverflow() {
        #expect(integer("0") == 0)
        #expect(integer("-17") == -17)
        #expect(integer("+42") == 42)
        #expect(integer("007") == 7)
        #expect(integer("9223372036854775807") == Int.max)
        #expect(integer("-9223372036854775808") == Int.min)
        #expect(integer("9223372036854775808") == nil)
        #expect(integer("-9223372036854775809") == nil)
        #expect(integer("99999999999999999999") == nil)
        for text in ["", "-", "1.0", "1e3", "12a", " 1"] { #expect(integer(text) == nil, "\(text)") }
    }

    @Test func randomIntegersMatchIntInitializer() {
        var g = SplitMix64(seed: 3)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...20, using: &g)
            var text = Bool.random(using: &g) ? "-" : ""
            for _ in 0..<digits { text += String(Int.random(in: 0...9, using: &g)) }
            #expect(integer(text) == Int(text), "\(text)")
        }
    }

    @Test func eightDigitsAtOnce() {
        func eight(_ text: String) -> UInt64? {
            Array(text.utf8).withUnsafeBufferPointer { NumberParser.eightDigits($0.baseAddress!) }
        }
        #expect(eight("12345678") == 12_345_678)
        #expect(eight("00000000") == 0)
        #expect(eight("99999999") == 99_999_999)
        #expect(eight("09090901") == 9_090_901)
        // Bytes just outside '0'…'9' in every position are rejected.
        for position in 0..<8 {
            for bad: UInt8 in [0x2F, 0x3A, 0x2E, 0x20, 0xB0] {
                var bytes = Array("12345678".utf8)
                bytes[position] = bad
                #expect(bytes.withUnsafeBufferPointer { NumberParser.eightDigits($0.baseAddress!) } == nil)
            }
        }
    }
}
