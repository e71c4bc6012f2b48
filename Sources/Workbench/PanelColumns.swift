/// The columns that describe a long unit × period panel with staggered adoption, as the
/// `impact did` and `impact eventstudy` commands name them.
public struct PanelColumns: Sendable, Equatable {
    /// Outcome column (numeric).
    public var outcome: String
    /// Unit identifier column (any type).
    public var unit: String
    /// Period column (numeric).
    public var time: String
    /// First treated period of each unit (0 or missing = never treated).
    public var cohort: String
    /// Cluster column constant within units (team, site); `nil` clusters by unit.
    public var cluster: String?

    /// A set of panel columns.
    public init(outcome: String, unit: String, time: String, cohort: String, cluster: String? = nil) {
        self.outcome = outcome
        self.unit = unit
        self.time = time
        self.cohort = cohort
        self.cluster = cluster
    }

    /// The columns by role, for reports.
    public var byRole: [String: String] {
        var roles = ["outcome": outcome, "unit": unit, "time": time, "cohort": cohort]
        roles["cluster"] = cluster
        return roles
    }
}
