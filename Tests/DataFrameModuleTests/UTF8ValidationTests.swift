import Testing

@testable import DataFrameModule

@Suite struct UTF8ValidationTests {
    private func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0, from: 0) }
    }

    @Test func validTextOfEveryLengthPasses() {
        let text = "plain ASCII, café, 東京, emoji 🎓, and a long ASCII tail to cross the 8-byte fast path"
        #expect(firstInvalid(Array(text.utf8)) == nil)
        #expect(firstInvalid([]) == nil)
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var g = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...12, using: &g)
            // Mostly ASCII with some high bytes, so both valid and invalid sequences occur.
            let bytes = (0..<count).map { _ in
                Bool.random(using: &g) ? UInt8.random(in: 0x20...0x7E, using: &g) : UInt8.random(in: 0x80...0xFF, using: &g)
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((firstInvalid(bytes) == nil) == valid, "\(bytes)")
        }
    }

    @Test func reportsTheLeadByteOfABadSequence() {
        // Latin-1 "café,1": 0xE9 opens a three-byte sequence that the comma breaks.
        #expect(firstInvalid(Array("caf".utf8) + [0xE9] + Array(",1".utf8)) == 3)
        #expect(firstInvalid(Array("0123456789".utf8) + [0xFF]) == 10)
        #expect(firstInvalid([0xC0, 0xAF]) == 0)  // overlong "/"
        #expect(firstInvalid([0xED, 0xA0, 0x80]) == 0)  // surrogate U+D800
        #expect(firstInvalid([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
        #expect(firstInvalid(Array("ab".utf8) + [0xE2, 0x82]) == 2)  // truncated at the end
        #expect(firstInvalid([0x80]) == 0)  // continuation without a lead
    }
}
