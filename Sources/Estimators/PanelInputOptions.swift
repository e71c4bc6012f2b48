/// How `StaggeredPanel` treats long-format input that is not a complete balanced panel.
///
/// The default refuses an unbalanced panel with an error that says how to opt in; R `did`
/// balances silently (`allow_unbalanced_panel = FALSE` keeps only units observed in every
/// period, `BMisc::makeBalancedPanel`) and warns. Here balancing is a stated choice and the
/// dropped units are reported in `StaggeredPanel.inputReport` and the result's summary.
public struct PanelInputOptions: Sendable, Equatable {
    /// What to do when some unit is not observed in every period.
    public enum Balance: String, Sendable, Equatable {
        /// Throw `StaggeredPanelError.unbalancedPanel` (default).
        case requireBalanced
        /// Keep only units with a row in every period (R `did`'s default behaviour); the dropped
        /// units are listed in `PanelInputReport.incompleteUnitsDropped`.
        case keepCompleteUnits
    }

    /// Unbalanced-panel handling (default: refuse).
    public var balance: Balance

    /// Options; by default an unbalanced panel is an error.
    public init(balance: Balance = .requireBalanced) {
        self.balance = balance
    }
}
