/// One tail equation `G(x) = target` on `x > 0`, where `G` is a distribution function
/// (increasing) or a survival function (decreasing) and `f = |G′|` its density.
struct QuantileEquation {
    /// `true` when `G` is increasing (a cdf or `F(x) − ½`), `false` for a survival function.
    let increasing: Bool
    /// The probability to reach, `0 < target ≤ 1`.
    let target: Double
    /// `G(x)`, accurate relative to its own size.
    let function: (Double) -> Double
    /// `log f(x)`; only steers the iteration, so a few digits of error cost speed, not accuracy.
    let logDensity: (Double) -> Double
    /// `x f′(x) / f(x)`, the elasticity of the density (for Halley's correction).
    let densityElasticity: (Double) -> Double
}
