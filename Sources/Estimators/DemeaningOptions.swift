/// Solver and convergence settings of the fixed-effects projection (`FixedEffectsDemeaner`).
///
/// The stopping rule is scale-free: a column is converged when no fixed-effect coefficient would
/// move by more than `tolerance × s` in a projection sweep (for conjugate gradients: the
/// preconditioned residual), with `s` the (weighted) standard deviation of the column. fixest
/// (`fixef.tol = 1e-6`) and pyfixest (`MapDemeaner(fixef_tol = 1e-6)`) stop on a mixed
/// absolute/relative change of the coefficients (`|Δ| > tol` and `|Δ|/(0.1 + |a|) > tol`, fixest
/// `src/convergence.cpp`). A change-based rule understates the remaining error when convergence is
/// slow, so the default here is much tighter, 1e-12: slopes agree with an exact dummy-variable fit,
/// and with pyfixest run at its tightest tolerance, to about 1e-12 (measured on the reference grid,
/// `datasets/reference/fe_*.json`).
public struct DemeaningOptions: Sendable, Equatable {
    /// How the fixed-effect coefficients of two or more factors are found (one factor is exact).
    public enum Method: Sendable, Equatable, Hashable {
        /// Conjugate gradients on the normal equations with the last factor eliminated
        /// (`reghdfe`'s approach): robust on weakly connected graphs. The default.
        case conjugateGradient
        /// Alternating projections (block Gauss–Seidel sweeps) with Irons–Tuck extrapolation, as
        /// fixest and pyfixest: as fast on well-connected panels, slow on chains of rarely
        /// connected levels.
        case ironsTuck
    }

    /// The solver for two or more factors. Default `.conjugateGradient`.
    public var method: Method
    /// Largest coefficient change per sweep, relative to the column's standard deviation, at
    /// which the projection stops. Default 1e-12.
    public var tolerance: Double
    /// Largest number of sweeps (conjugate-gradient iterations, each of the same cost) per column
    /// before giving up (the fit then carries a warning naming the column). Default 10,000, as
    /// fixest's `fixef.iter` and pyfixest.
    public var maximumIterations: Int
    /// Whether columns are demeaned in parallel (`DispatchQueue.concurrentPerform`, one column per
    /// task). Each column is computed by one thread in a fixed order, so the result is
    /// bit-identical either way; `false` is for measurements and tests.
    public var parallel: Bool

    /// The defaults: conjugate gradients, tolerance 1e-12, at most 10,000 sweeps, columns in parallel.
    public init(
        method: Method = .conjugateGradient, tolerance: Double = 1e-12, maximumIterations: Int = 10_000,
        parallel: Bool = true
    ) {
        self.method = method
        precondition(tolerance > 0 && tolerance < 1, "The demeaning tolerance must be in (0, 1)")
        precondition(maximumIterations > 0, "At least one projection sweep is needed")
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.parallel = parallel
    }
}
