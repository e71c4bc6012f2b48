/// A seeded, counter-based source of random numbers: one independent stream per `(seed, stream)`.
///
/// Each bootstrap replicate draws from its own stream, `RandomStream(seed: s, stream: r)`, so the
/// numbers a replicate sees depend only on the seed and the replicate's index, never on which
/// thread ran it or in what order: results are identical bit for bit on any number of threads.
///
/// The generator is xoshiro256** (Blackman & Vigna 2021, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 47(4)); its 256-bit state is filled by SplitMix64 (Steele, Lea & Flood
/// 2014) from a key that mixes the seed and the stream index, as Vigna recommends for seeding.
/// Swift's `random(in:using:)` is deliberately not used: its algorithm may change between
/// toolchains, which would change published results.
public struct RandomStream: Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The stream numbered `stream` of the generator family keyed by `seed`.
    public init(seed: UInt64, stream: UInt64) {
        // Two different odd multipliers keep (seed, stream) and (stream, seed) apart.
        var key = SplitMix64(state: seed &* 0x9E37_79B9_7F4A_7C15 ^ RandomStream.mix(stream &+ 0x632B_E59B_D9B4_E019))
        s0 = key.next()
        s1 = key.next()
        s2 = key.next()
        s3 = key.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is the one fixed point
    }

    /// Next 64 random bits (xoshiro256**).
    @inlinable
    public mutating func nextUInt64() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire 2019, "Fast random integer
    /// generation in an interval", ACM TOMS 29(1): multiply-shift with rejection).
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let n = UInt64(bound)
        var product = nextUInt64().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold {
                product = nextUInt64().multipliedFullWidth(by: n)
            }
        }
        return Int(product.high)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(nextUInt64() >> 11) * 0x1.0p-53
    }

    @usableFromInline
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The SplitMix64 finalizer, a strong 64-bit mixing function.
    static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014), used only to expand a key into generator state.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return RandomStream.mix(state)
    }
}
