/// Choices for `DesignMatrix.build` that are not part of the formula.
public struct DesignOptions: Sendable, Equatable {
    /// Reference level per variable for categorical factors. A `ref` written in the formula
    /// (`C(x, ref = "North")`) is more specific and wins; entries for variables that are not
    /// categorical in the formula are ignored, so one table can serve several models.
    public var referenceLevels: [String: String]
    /// Column of analytic weights for WLS. Rows with a missing weight or weight zero are dropped
    /// and counted; negative weights are an error.
    public var weights: String?
    /// Columns that must be present for a row to be used although the formula does not name them,
    /// e.g. cluster ids for the covariance: rows missing them are dropped and counted.
    public var requiredColumns: [String]
    /// Whether rows alone in their level of an absorbed fixed effect are dropped (iteratively) and
    /// counted as `DropReason.singletonFixedEffect`. Ignored without absorbed effects.
    ///
    /// Default `true`, as pyfixest (`fixef_rm = "singleton"`) and Stata `reghdfe`; R fixest keeps
    /// them (`false` here). Slopes are the same either way; N, the small-sample factors and hence
    /// the standard errors differ (see `SingletonFilter`).
    public var dropSingletons: Bool

    /// Options with no reference overrides, no weights, no extra required columns, and singletons
    /// of absorbed fixed effects dropped by default.
    public init(
        referenceLevels: [String: String] = [:], weights: String? = nil, requiredColumns: [String] = [],
        dropSingletons: Bool = true
    ) {
        self.referenceLevels = referenceLevels
        self.weights = weights
        self.requiredColumns = requiredColumns
        self.dropSingletons = dropSingletons
    }
}
