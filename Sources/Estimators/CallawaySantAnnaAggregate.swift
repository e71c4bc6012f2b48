/// An aggregation of Callaway–Sant'Anna group-time effects (R `did::aggte`).
public struct CallawaySantAnnaAggregate: Sendable, Equatable {
    /// How the ATT(g,t) are combined.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Post-treatment ATT(g,t) weighted by cohort size (`aggte(type = "simple")`).
        case simple
        /// By event time e = t − g; overall = mean over e ≥ 0 (`type = "dynamic"`).
        case dynamic
        /// By cohort; overall weighted by cohort size (`type = "group"`).
        case group
        /// By calendar period; overall = mean over periods (`type = "calendar"`).
        case calendar
    }

    /// One element of the aggregation (an event time, cohort or period).
    public struct Element: Sendable, Equatable {
        /// The event time, cohort or calendar period.
        public let label: Double
        /// The aggregated effect.
        public let estimate: Double
        /// Analytic SE from the aggregated influence function; `nil` where it is zero.
        public let standardError: Double?
    }

    /// The aggregation type.
    public let kind: Kind
    /// The overall summary effect.
    public let overall: Double
    /// Its analytic standard error (including the estimated-weights term where did adds it).
    public let overallStandardError: Double?
    /// The per-element effects (empty for `simple`).
    public let elements: [Element]
}
