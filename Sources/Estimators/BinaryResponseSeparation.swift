import Inference

/// A finding of complete or quasi-complete separation: the reason a logit/probit maximum-likelihood
/// estimate does not exist.
///
/// Albert & Anderson (1984): with outcomes y ∈ {0, 1}, the MLE is finite if and only if the data
/// *overlap*, i.e. there is no direction d ≠ 0 with `xᵢᵀd ≥ 0` for every y = 1 row and
/// `xᵢᵀd ≤ 0` for every y = 0 row (`Xd ≠ 0`). With all inequalities strict the separation is
/// *complete*; otherwise *quasi-complete*. Along d the likelihood keeps rising, so IRLS
/// coefficients drift to ±∞ while the deviance converges, and R `glm` only warns "fitted
/// probabilities numerically 0 or 1 occurred". Found either before the fit by a check per
/// regressor (`detection == .regressorCheck`) or after it from the diverging IRLS direction
/// (`.divergence`); see `BinaryResponseSeparation.find` and `divergence`.
public struct BinaryResponseSeparation: Sendable, Equatable, CustomStringConvertible {
    /// Complete (every row predicted perfectly) or quasi-complete (some rows on the boundary).
    public enum Kind: String, Sendable, Equatable {
        case complete
        case quasiComplete = "quasi-complete"
    }

    /// How the separation was found.
    public enum Detection: String, Sendable, Equatable {
        /// A single regressor (or a level of a categorical one) with a constant outcome beyond a
        /// threshold, found before fitting.
        case regressorCheck
        /// The IRLS iterates moved along a separating direction while the deviance converged.
        case divergence
    }

    public let kind: Kind
    public let detection: Detection
    /// The design columns whose coefficients diverge (one for a regressor check).
    public let columns: [String]
    /// The data column involved, when known (e.g. `region` for `C(region)[T.North]`).
    public let variable: String?
    /// The level of a categorical variable whose rows all share one outcome, when that is the cause.
    public let level: String?
    /// The pattern in words, e.g. `every row with x1 > 1.25 has y = 1 and every row with x1 < 1.25 has y = 0`.
    public let pattern: String
    /// Number of rows whose outcome the separating direction predicts perfectly.
    public let perfectlyPredictedRows: Int

    /// Memberwise initializer.
    public init(
        kind: Kind, detection: Detection, columns: [String], variable: String?, level: String?, pattern: String,
        perfectlyPredictedRows: Int
    ) {
        self.kind = kind
        self.detection = detection
        self.columns = columns
        self.variable = variable
        self.level = level
        self.pattern = pattern
        self.perfectlyPredictedRows = perfectlyPredictedRows
    }

    /// What was found, why it matters and what to do.
    public var description: String {
        let subject: String
        if let variable, let level {
            subject = "level '\(level)' of '\(variable)'"
        } else if let variable {
            subject = "'\(variable)'"
        } else {
            subject = columns.map { "'\($0)'" }.joined(separator: ", ")
        }
        let advice: String
        if let variable, let level {
            advice =
                "Combine '\(level)' with another level of '\(variable)', drop '\(variable)', or use a penalized "
                + "(Firth) logit, which gives finite estimates."
        } else if let variable {
            advice = "Drop '\(variable)' from the model, or use a penalized (Firth) logit, which gives finite estimates."
        } else {
            let names = columns.map { "'\($0)'" }.joined(separator: ", ")
            advice =
                "Simplify the model (remove one of \(names)), or use a penalized (Firth) logit, which gives "
                + "finite estimates."
        }
        let how =
            detection == .regressorCheck
            ? "" : " (detected from coefficients that diverge while the likelihood converges)"
        return "\(kind == .complete ? "Complete" : "Quasi-complete") separation by \(subject)\(how): \(pattern) "
            + "(\(StatisticsText.count(perfectlyPredictedRows)) rows predicted perfectly). The maximum-likelihood "
            + "estimate does not exist: the coefficient\(columns.count == 1 ? "" : "s") of "
            + "\(columns.map { "'\($0)'" }.joined(separator: ", ")) would grow without bound "
            + "(Albert & Anderson 1984). \(advice)"
    }
}
