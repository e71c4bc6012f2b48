import Foundation

/// One axis of an SVG plot: its domain, tick positions and tick labels.
///
/// A numeric axis uses "nice" ticks: steps of 1, 2 or 5 × 10ᵏ, with the domain widened outwards to
/// whole steps, after Heckbert, "Nice numbers for graph labels", *Graphics Gems* (1990), pp. 61–63
/// (the "loose labeling" algorithm). A categorical axis places category k at k, with the domain
/// [−0.5, n − 0.5] so that each category gets a band of width one.
public struct SVGAxis: Sendable, Equatable {
    /// Lowest value of the domain (maps to the start of the axis).
    public let lower: Double
    /// Highest value of the domain (maps to the end of the axis).
    public let upper: Double
    /// Tick positions in data units, increasing.
    public let ticks: [Double]
    /// One label per tick.
    public let labels: [String]
    /// Whether the axis is categorical (no grid lines between bands, no zero line).
    public let isCategorical: Bool

    /// An axis from explicit parts. `ticks` and `labels` must have the same length and `lower < upper`.
    public init(lower: Double, upper: Double, ticks: [Double], labels: [String], isCategorical: Bool = false) {
        precondition(lower < upper, "an axis needs lower < upper")
        precondition(ticks.count == labels.count, "one label per tick")
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
        self.labels = labels
        self.isCategorical = isCategorical
    }

    /// A numeric axis with nice ticks that covers every finite value in `values` (and `including`,
    /// e.g. 0 for bars). Non-finite values are ignored; with none left the axis is [0, 1].
    ///
    /// Heckbert's loose labeling: range = nice(max − min, round: false); step = nice(range ÷
    /// (targetTicks − 1), round: true); domain = [⌊min ÷ step⌋·step, ⌈max ÷ step⌉·step].
    public static func nice(covering values: [Double], including: [Double] = [], targetTicks: Int = 5) -> SVGAxis {
        precondition(targetTicks >= 2, "an axis needs at least two ticks")
        let finite = (values + including).filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if low == high {
            // A single value: widen by 10 % of its size (or by 1 at zero) so it sits inside the axis.
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let range = niceNumber(high - low, round: false)
        let (mantissa, exponent) = niceParts(range / Double(targetTicks - 1), round: true)
        let step = scaled(mantissa, exponent)
        let first = Int((low / step).rounded(.down))
        let last = Int((high / step).rounded(.up))
        let decimals = max(0, -exponent)
        // Each tick is (k · mantissa) · 10^exponent, so 3 × 0.1 prints and compares as 0.3, not 0.30000000000000004.
        let ticks = (first...last).map { scaled(Double($0) * mantissa, exponent) }
        return SVGAxis(
            lower: ticks.first!, upper: ticks.last!, ticks: ticks,
            labels: ticks.map { NumberText.grouped($0, decimals: decimals) })
    }

    /// A categorical axis: category k (in order) at position k, domain [−0.5, n − 0.5].
    public static func categories(_ names: [String]) -> SVGAxis {
        precondition(!names.isEmpty, "a categorical axis needs at least one category")
        return SVGAxis(
            lower: -0.5, upper: Double(names.count) - 0.5, ticks: names.indices.map(Double.init), labels: names,
            isCategorical: true)
    }

    /// The nice number closest to `x` (`round: true`) or the smallest nice number ≥ `x`
    /// (`round: false`), where nice numbers are 1, 2, 5 and 10 times a power of ten (Heckbert 1990).
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        let (mantissa, exponent) = niceParts(x, round: round)
        return scaled(mantissa, exponent)
    }

    /// The position of `value` on a segment from `start` to `end` (pixels; `end < start` flips the axis).
    public func position(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// Nice mantissa in {1, 2, 5, 10} and decimal exponent of `x` > 0.
    private static func niceParts(_ x: Double, round: Bool) -> (Double, Int) {
        precondition(x > 0 && x.isFinite, "nice numbers are defined for finite x > 0")
        let exponent = Int(log10(x).rounded(.down))
        let fraction = x / scaled(1, exponent)
        let mantissa: Double
        if round {
            // Heckbert's thresholds: the geometric-ish midpoints 1.5, 3 and 7 between 1, 2, 5 and 10.
            mantissa = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            mantissa = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return mantissa == 10 ? (1, exponent + 1) : (mantissa, exponent)
    }

    /// `m · 10^e`, dividing for negative `e` so that decimal steps round correctly (0.1 × 3 = 0.3).
    private static func scaled(_ m: Double, _ e: Int) -> Double {
        e >= 0 ? m * pow(10, Double(e)) : m / pow(10, Double(-e))
    }
}
