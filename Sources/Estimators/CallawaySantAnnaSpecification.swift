/// The identifying choices of a Callaway & Sant'Anna (2021) group-time ATT estimation.
///
/// Defaults follow R `did::att_gt`: never-treated comparison units, no anticipation, a varying
/// base period. Summaries state all three.
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

    /// Comparison units (default never treated).
    public var controlGroup: ControlGroup
    /// Number of periods before g in which units may already react (δ ≥ 0, default 0).
    public var anticipation: Int
    /// Base-period convention (default varying).
    public var basePeriod: BasePeriod

    /// A specification; the defaults are R `did`'s.
    public init(controlGroup: ControlGroup = .neverTreated, anticipation: Int = 0, basePeriod: BasePeriod = .varying) {
        precondition(anticipation >= 0, "anticipation must be non-negative")
        self.controlGroup = controlGroup
        self.anticipation = anticipation
        self.basePeriod = basePeriod
    }

    /// One line stating the identifying choices, e.g. `control: never treated; anticipation: 0; base period: varying`.
    public var summary: String {
        "control: \(controlGroup.label); anticipation: \(anticipation); base period: \(basePeriod.rawValue)"
    }
}
