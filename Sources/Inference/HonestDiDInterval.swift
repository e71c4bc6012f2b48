/// A closed interval `[lower, upper]`.
public struct HonestDiDInterval: Equatable, Sendable {
    /// Lower end.
    public let lower: Double
    /// Upper end.
    public let upper: Double

    /// `[lower, upper]`.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `x` lies in the interval.
    public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }
}
