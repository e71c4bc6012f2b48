/// The identifying choices of a Callaway & Sant'Anna (2021) group-time ATT estimation.
///
/// Defaults follow R `did::att_gt`: never-treated comparison units, no anticipation, a varying
/// base period, no covariates (the unconditional estimator) and, once covariates are named, the
/// doubly robust estimator. Summaries state every choice.
public struct CallawaySantAnnaSpecification: Sendable, Equatable {
    /// Which units serve as the comparison for cohort g in period t.
    public enum ControlGroup: String, Sendable, Equatable {
        /// Units never treated in the panel (`did` `control_group = "nevertreated"`).
        case neverTreated
        /// Never-treated units plus units not yet treated by max(t, base) + anticipation, other than
        /// cohort g itself (`did` `control_group = "notyettreated"`).
        case notYetTreated

        /// The label used in summaries and errors.
        public var label: String { self == .neverTreated ? "never treated" : "not yet treated" }
    }

    /// Which period each ATT(g,t) is differenced against.
    public enum BasePeriod: String, Sendable, Equatable {
        /// Pre-treatment cells compare t with the period just before it; post-treatment cells use the
        /// last period before g − anticipation (`did`'s default, `base_period = "varying"`).
        case varying
        /// Every cell of cohort g uses the last period before g − anticipation; that cell is 0 by
        /// construction (`base_period = "universal"`).
        case universal
    }

    /// How ATT(g,t) is adjusted for the covariates (used only when `covariates` is not empty).
    public enum EstimationMethod: String, Sendable, Equatable, CaseIterable {
        /// Outcome regression: ATT = mean(ΔY − Xβ̂ | G = g), β̂ by OLS of ΔY on X over the comparison
        /// units (Heckman, Ichimura & Todd 1997; `DRDID::reg_did_panel`, did `est_method = "reg"`).
        case regression
        /// Normalized (Hájek) inverse probability weighting with a logit propensity score
        /// (Abadie 2005; `DRDID::std_ipw_did_panel`, did `est_method = "ipw"`).
        case inverseProbability
        /// Locally efficient doubly robust estimator: IPW of the outcome-regression residuals
        /// (Sant'Anna & Zhao 2020; `DRDID::drdid_panel`, did `est_method = "dr"`, the default).
        case doublyRobust

        /// The label used in summaries.
        public var label: String {
            switch self {
            case .regression: return "outcome regression"
            case .inverseProbability: return "inverse probability weighting (normalized)"
            case .doublyRobust: return "doubly robust"
            }
        }
    }

    /// Comparison units (default never treated).
    public var controlGroup: ControlGroup
    /// Number of periods before g in which units may already react (δ ≥ 0, default 0).
    public var anticipation: Int
    /// Base-period convention (default varying).
    public var basePeriod: BasePeriod
    /// Names of the panel covariates to condition on (did's `xformla = ~ x1 + x2`); empty (the
    /// default) gives the unconditional estimator, whatever `estimationMethod` says.
    public var covariates: [String]
    /// Covariate adjustment (default doubly robust, as did).
    public var estimationMethod: EstimationMethod

    /// A specification; the defaults are R `did`'s.
    public init(
        controlGroup: ControlGroup = .neverTreated, anticipation: Int = 0, basePeriod: BasePeriod = .varying,
        covariates: [String] = [], estimationMethod: EstimationMethod = .doublyRobust
    ) {
        precondition(anticipation >= 0, "anticipation must be non-negative")
        precondition(Set(covariates).count == covariates.count, "each covariate may be named once")
        self.controlGroup = controlGroup
        self.anticipation = anticipation
        self.basePeriod = basePeriod
        self.covariates = covariates
        self.estimationMethod = estimationMethod
    }

    /// Whether the estimator conditions on covariates.
    public var isConditional: Bool { !covariates.isEmpty }

    /// The estimator in words: `unconditional (no covariates)` or e.g. `doubly robust, covariates: x1, x2`.
    public var estimatorLabel: String {
        isConditional
            ? "\(estimationMethod.label), covariates: \(covariates.joined(separator: ", "))"
            : "unconditional (no covariates)"
    }

    /// One line stating the identifying choices, e.g. `control: never treated; anticipation: 0; base period: varying`.
    public var summary: String {
        "control: \(controlGroup.label); anticipation: \(anticipation); base period: \(basePeriod.rawValue)"
    }
}
