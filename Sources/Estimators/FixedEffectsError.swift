/// Problems specific to regressions with absorbed fixed effects, each with advice.
public enum FixedEffectsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No regressor is left besides the fixed effects: the formula has none, or every one is
    /// collinear with the fixed effects (fixest stops the same way).
    case noRegressorsLeft(absorbed: [String], effects: [String])
    /// The covariance type needs something the projection does not give (HC2/HC3 need the
    /// leverage of the full model, dummies included); fixest and pyfixest refuse them too.
    case unsupportedCovariance(type: String)

    public var description: String {
        switch self {
        case .noRegressorsLeft(let absorbed, let effects):
            let fe = effects.joined(separator: " + ")
            if absorbed.isEmpty {
                return "The model has no regressors besides the fixed effects (| \(fe)), so there is no slope to "
                    + "estimate. Add a regressor, or fit the group means directly."
            }
            return "Every regressor (\(absorbed.joined(separator: ", "))) is collinear with the fixed effects "
                + "(| \(fe)): it does not vary within their levels. Remove the fixed effect that absorbs it, or use "
                + "a regressor that varies within the levels."
        case .unsupportedCovariance(let type):
            return "\(type) is not available with absorbed fixed effects: it needs the leverage of the full model, "
                + "fixed-effect dummies included (fixest and pyfixest refuse it too). Use HC1 or a cluster-robust "
                + "covariance (CR1), or enter a small number of fixed effects as dummies, e.g. C(unit)."
        }
    }
}
