/// Problems with the data of a control-group comparison, each with advice.
public enum ControlGroupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The treatment column holds values other than 0 and 1 (`values`: up to five, as text).
    case treatmentNotBinary(column: String, values: [String])
    /// One arm (1 = treated, 0 = control) has no usable rows, or too few to estimate `needed` parameters.
    case armTooSmall(column: String, arm: Int, rows: Int, needed: Int)
    /// The outcome regression within one arm cannot identify these covariates (collinear there).
    case armCollinear(arm: Int, columns: [String])
    /// The covariates are collinear in the whole sample (the propensity logit dropped these columns).
    case collinearCovariates(columns: [String])
    /// The propensity-score logit failed (separation, non-convergence, …).
    case propensityModel(BinaryResponseError)
    /// Some estimated propensity scores are numerically 0 or 1, so inverse weights are infinite.
    case propensityAtBoundary(rows: Int, minimum: Double, maximum: Double)

    public var description: String {
        switch self {
        case .treatmentNotBinary(let column, let values):
            let shown = values.map { "'\($0)'" }.joined(separator: ", ")
            return "The treatment column '\(column)' must be 0/1 (1 = trained/treated), but it holds \(shown). "
                + "Recode it to 0 and 1, or filter the rows that belong to neither group."
        case .armTooSmall(let column, let arm, let rows, let needed):
            let name = arm == 1 ? "treated ('\(column)' = 1)" : "control ('\(column)' = 0)"
            return "The \(name) group has \(rows) usable row\(rows == 1 ? "" : "s"), but at least \(needed) are needed. "
                + "Check the treatment coding and the rows dropped for missing values."
        case .armCollinear(let arm, let columns):
            return "Within the \(arm == 1 ? "treated" : "control") group the covariates "
                + "\(columns.map { "'\($0)'" }.joined(separator: ", ")) are collinear (e.g. a level absent there), "
                + "so the per-group outcome regression is not identified. Drop or merge those covariates."
        case .collinearCovariates(let columns):
            return "The covariates \(columns.map { "'\($0)'" }.joined(separator: ", ")) are linear combinations of the "
                + "others in the used rows. Drop them from the covariate list."
        case .propensityModel(let error):
            return "The propensity-score logit failed: \(error.description) "
                + "Without overlap between the groups, weighting and regression adjustment extrapolate; "
                + "restrict the sample to the region of common support or drop the separating covariate."
        case .propensityAtBoundary(let rows, let minimum, let maximum):
            return "\(rows) propensity score\(rows == 1 ? " is" : "s are") numerically 0 or 1 (range \(minimum)…\(maximum)), "
                + "so their inverse-probability weights are infinite. Restrict the sample to common support "
                + "or simplify the propensity model."
        }
    }
}
