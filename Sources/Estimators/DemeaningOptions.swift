/// Convergence settings of the fixed-effects projection (`FixedEffectsDemeaner`).
///
/// The stopping rule is scale-free: a column is converged when no fixed-effect coefficient moves
/// by more than `tolerance × s` in a projection sweep, with `s` the (weighted) standard deviation
/// of the column. fixest (`fixef.tol = 1e-6`) and pyfixest (`MapDemeaner(fixef_tol = 1e-6)`) use
/// a mixed absolute/relative rule on the coefficients (`|Δ| > tol` and `|Δ|/(0.1 + |a|) > tol`,
/// fixest `src/convergence.cpp`); the default here is much tighter, so that slopes agree with an
/// exact dummy-variable fit to about 1e-10 and with pyfixest run at a tight tolerance to 1e-8.
public struct DemeaningOptions: Sendable, Equatable {
    /// Largest coefficient change per sweep, relative to the column's standard deviation, at
    /// which the projection stops. Default 1e-10.
    public var tolerance: Double
    /// Largest number of projection sweeps per column before giving up (the fit then carries a
    /// warning naming the column). Default 10,000, as fixest's `fixef.iter` and pyfixest.
    public var maximumIterations: Int
    /// Whether columns are demeaned in parallel (`DispatchQueue.concurrentPerform`, one column per
    /// task). Each column is computed by one thread in a fixed order, so the result is
    /// bit-identical either way; `false` is for measurements and tests.
    public var parallel: Bool

    /// The defaults: tolerance 1e-10, at most 10,000 sweeps, columns in parallel.
    public init(tolerance: Double = 1e-10, maximumIterations: Int = 10_000, parallel: Bool = true) {
        precondition(tolerance > 0 && tolerance < 1, "The demeaning tolerance must be in (0, 1)")
        precondition(maximumIterations > 0, "At least one projection sweep is needed")
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.parallel = parallel
    }
}
