/// The column that says when each unit is treated, in one of the two layouts panel data use.
public enum PanelInputTreatment: Sendable, Equatable {
    /// The first treated period of the unit, constant within the unit; 0 or missing = never treated
    /// (R `did`'s `gname`). With a date time column it must hold dates (missing = never treated).
    case cohort(String)
    /// A 0/1 (or boolean) indicator of being treated in that row's period. The cohort is the first
    /// period with 1; treatment must be absorbing (a 1 followed by a 0 is an error), as staggered
    /// adoption assumes.
    case indicator(String)

    /// The column name.
    public var column: String {
        switch self {
        case .cohort(let name), .indicator(let name): return name
        }
    }
}
