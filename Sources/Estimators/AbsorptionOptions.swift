/// Settings of a regression with absorbed fixed effects (`y ~ x | unit + month`); ignored when
/// the formula has no `|` part.
public struct AbsorptionOptions: Sendable, Equatable {
    /// Convergence of the projection (tolerance, sweeps, parallelism).
    public var demeaning: DemeaningOptions
    /// How the covariances count parameters and clusters (default: fixest's, which pyfixest 0.60
    /// shares). See `SmallSampleConvention` for every package's defaults.
    public var smallSample: SmallSampleConvention
    /// Whether singletons are dropped before fitting (default true, as pyfixest and `reghdfe`;
    /// fixest keeps them). Only the formula entry points build the design and apply it.
    public var dropSingletons: Bool

    /// Defaults: conjugate gradients to tolerance 1e-12, fixest's small-sample convention, singletons dropped.
    public init(
        demeaning: DemeaningOptions = .init(), smallSample: SmallSampleConvention = .fixest, dropSingletons: Bool = true
    ) {
        self.demeaning = demeaning
        self.smallSample = smallSample
        self.dropSingletons = dropSingletons
    }
}
