/// The distribution of the multipliers V of a multiplier (wild) bootstrap: mean 0, variance 1.
///
/// R `did` (`mboot`, through `BMisc::multiplier_bootstrap`) and Python `csdid` 0.4.3
/// (`csdid/utils/bmisc.py`, `Ub = 1 − 2·Bernoulli(½)`) both draw Rademacher weights, so that is
/// the default. Mammen's two-point weights also match the third moment (E V³ = 1), which helps
/// skewed influence functions (Mammen 1993, "Bootstrap and wild bootstrap for high dimensional
/// linear models", Ann. Statist. 21(1); the weights of R `DRDID`'s `mboot.did`, Sant'Anna & Zhao 2020).
public enum MultiplierWeights: String, Sendable, Equatable, CaseIterable {
    /// V = ±1 with probability ½ each (E V = 0, E V² = 1, E V³ = 0).
    case rademacher
    /// V = −(√5 − 1)/2 with probability (√5 + 1)/(2√5), else (√5 + 1)/2 (E V = 0, E V² = E V³ = 1).
    case mammen

    /// The label used in summaries, e.g. `Rademacher weights`.
    public var label: String { self == .rademacher ? "Rademacher weights" : "Mammen weights" }

    /// Fills `buffer` with independent draws from `stream`.
    ///
    /// Rademacher draws use one bit each of the generator's 64-bit outputs (high bits first);
    /// Mammen draws compare one 53-bit uniform with the two-point probability.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Double>, from stream: inout RandomStream) {
        switch self {
        case .rademacher:
            var bits: UInt64 = 0
            for i in 0..<buffer.count {
                if i & 63 == 0 { bits = stream.nextUInt64() }
                buffer[i] = bits & (1 << 63) == 0 ? -1 : 1
                bits <<= 1
            }
        case .mammen:
            let root5 = 5.0.squareRoot()
            let low = -(root5 - 1) / 2
            let high = (root5 + 1) / 2
            let pLow = (root5 + 1) / (2 * root5)
            for i in 0..<buffer.count {
                buffer[i] = stream.nextUniform() < pLow ? low : high
            }
        }
    }

    /// `count` draws from `stream` (the same values `fill` writes).
    public func draws(_ count: Int, from stream: inout RandomStream) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        out.withUnsafeMutableBufferPointer { fill($0, from: &stream) }
        return out
    }
}
