/// Interns the categorical values of one CSV column straight from their bytes.
///
/// An open-addressing hash table (linear probing, load ≤ 1/2) keyed by the raw UTF-8 bytes:
/// a repeated value costs one hash and one byte comparison, and a `String` is decoded only the
/// first time a level is seen. Codes are given in order of first appearance; the column builder
/// sorts the levels at the end. Levels are distinct as byte sequences, as in R and pandas: two
/// canonically equivalent spellings (precomposed `é` and `e` + combining accent) stay two levels. The hash mixes 8-byte words with the 64-bit multiplier and
/// xor-shift finaliser of SplitMix64 (Steele, Lea & Flood, OOPSLA 2014), seeded at random per
/// table so that no fixed input can make every value collide.
struct CSVLevelTable {
    /// Level texts, by code.
    private(set) var levels: [String] = []
    private var bytes: [UInt8] = []  // all level bytes, concatenated
    private var starts: [Int] = [0]  // level k is bytes[starts[k] ..< starts[k + 1]]
    private var hashes: [UInt64] = []  // by code, to grow without rehashing the bytes
    private var slots = [Int32](repeating: -1, count: 64)  // code, or -1 for empty
    private let seed = UInt64.random(in: .min ... .max)

    /// The code of the `count` bytes at `p`, adding them as a new level if unseen.
    @inline(__always)
    mutating func code(of p: UnsafePointer<UInt8>, count: Int) -> Int32 {
        let hash = CSVLevelTable.hash(p, count: count, seed: seed)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash && equals(Int(code), p, count) { return code }
            slot = (slot + 1) & mask
        }
        let code = Int32(levels.count)
        levels.append(String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self))
        bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = code
        if levels.count * 2 > slots.count { grow() }
        return code
    }

    private func equals(_ code: Int, _ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let start = starts[code]
        guard starts[code + 1] - start == count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            for k in 0..<count where stored[start + k] != p[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }

    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, count: Int, seed: UInt64) -> UInt64 {
        var h = seed ^ UInt64(count)
        var i = 0
        while i + 8 <= count {
            h = mix(h ^ UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            for k in i..<count { tail |= UInt64(p[k]) << UInt64(8 * (k - i)) }
            h = mix(h ^ tail)
        }
        return mix(h)
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
