import Inference

/// Problems with the data or specification of a logit/probit fit, each with advice.
public enum BinaryResponseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The outcome takes values other than 0 and 1 (`values`: up to five of them, as text).
    case outcomeNotBinary(variable: String, values: [String], rows: Int)
    /// Every used row has the same outcome, so there is nothing to explain.
    case outcomeConstant(variable: String, value: Int)
    /// The maximum-likelihood estimate does not exist: a regressor (or combination) separates the
    /// outcomes completely or quasi-completely.
    case separation(BinaryResponseSeparation)
    /// IRLS stopped after `iterations` without meeting the convergence rule.
    case notConverged(iterations: Int, relativeChange: Double)
    /// The information matrix is numerically singular at the estimate: the IRLS weights of the
    /// rows that identify `columns` have vanished (fitted probabilities 0 or 1).
    case singularInformation(columns: [String])
    /// The covariance type has no binary-response version here.
    case unsupportedCovariance(String)
    /// `predictedProbabilities(data:)` needs the frame a formula fit was built from.
    case predictionNeedsFormulaFit
    /// The new data produce design columns the fit does not have (levels it never saw) or lack
    /// the fitted reference level's coding.
    case unseenLevels(columns: [String])
    /// A column of the new data has another type than the fitted one (e.g. text instead of numbers).
    case predictionTypeMismatch(variable: String, fitted: String, new: String)

    public var description: String {
        switch self {
        case .outcomeNotBinary(let variable, let values, let rows):
            let shown = values.map { "'\($0)'" }.joined(separator: ", ")
            return "The outcome '\(variable)' must be 0/1 (or true/false) for a logit or probit, but "
                + "\(StatisticsText.count(rows)) row\(rows == 1 ? "" : "s") hold other values (\(shown)). "
                + "Recode it to 0 and 1 (1 = the event), or use a linear model for a continuous outcome."
        case .outcomeConstant(let variable, let value):
            return "Every used row has '\(variable)' = \(value), so there is no variation to model. "
                + "Check the outcome and the rows dropped for missing values."
        case .separation(let finding):
            return finding.description
        case .notConverged(let iterations, let change):
            return "IRLS did not converge in \(iterations) iterations (last relative deviance change "
                + "\(StatisticsText.number(change, significant: 2))). Raise maxIterations, rescale regressors with very "
                + "large values, or look for near-separation (a regressor that almost predicts the outcome)."
        case .singularInformation(let columns):
            return "The information matrix is singular at the estimate: the rows that identify "
                + "\(columns.map { "'\($0)'" }.joined(separator: ", ")) are fitted with probability 0 or 1, so their "
                + "weights vanish. This is near-separation: drop or combine those regressors, or use a penalized (Firth) logit."
        case .unsupportedCovariance(let label):
            return "The covariance '\(label)' is not available for logit/probit fits. Use the classical "
                + "(inverse information), HC0–HC3 or clustered (CR1) covariance."
        case .predictionNeedsFormulaFit:
            return "Predicting from a data frame needs a fit made from a formula and a frame. For a fit "
                + "from a design matrix, pass a matrix with the same columns to predictedProbabilities(design:)."
        case .unseenLevels(let columns):
            return "The new data encode to design columns the fit does not have (\(columns.joined(separator: ", "))): "
                + "they hold levels that were not in the fitted rows. Drop those rows or refit with them."
        case .predictionTypeMismatch(let variable, let fitted, let new):
            return "Column '\(variable)' is \(new) in the new data but was \(fitted) when the model was fitted. "
                + "Convert it to the fitted type before predicting."
        }
    }
}
