import Inference

/// What building and preparing a staggered panel did to the input: units dropped or recoded,
/// and how dates became periods. Every entry also appears as a note in the result's summary.
public struct PanelInputReport: Sendable, Equatable {
    /// A cohort date that is not itself a period date, and the period it was mapped to.
    public struct CohortDateMapping: Sendable, Equatable {
        /// The cohort date (ISO `YYYY-MM-DD`).
        public let cohortDate: String
        /// The period it maps to (1-based index of the first period on or after it; `count + 1`
        /// when it is after the last period).
        public let period: Double
        /// Units with that cohort date.
        public let units: Int

        /// A mapping of `cohortDate` (held by `units` units) to `period`.
        public init(cohortDate: String, period: Double, units: Int) {
            self.cohortDate = cohortDate
            self.period = period
            self.units = units
        }
    }

    /// Units dropped because they lack a row in some period (`PanelInputOptions.Balance.keepCompleteUnits`).
    public internal(set) var incompleteUnitsDropped: [String] = []
    /// ISO date of each period when the time column held dates: period k is `periodDates[k − 1]`.
    public internal(set) var periodDates: [String]? = nil
    /// Cohort dates between period dates (or after the last), mapped to the first period on or after them.
    public internal(set) var cohortDateMappings: [CohortDateMapping] = []
    /// Units treated at or before the first period plus anticipation: no untreated base period, so
    /// they are dropped (R `did`: "Dropped N units that were already treated in the first period").
    public internal(set) var alwaysTreatedUnitsDropped: [String] = []
    /// Units first treated after the last period plus anticipation: not treated within the window,
    /// so they count as never treated (R `did` recodes their cohort to 0).
    public internal(set) var unitsTreatedAfterWindow: [String] = []

    /// An empty report (nothing dropped or mapped).
    public init() {}

    /// One sentence per entry, for summaries.
    public var notes: [String] {
        var notes: [String] = []
        if !incompleteUnitsDropped.isEmpty {
            notes.append(
                "\(incompleteUnitsDropped.count) unit(s) not observed in every period were dropped "
                    + "(balanced panel kept): \(Self.list(incompleteUnitsDropped)).")
        }
        if let dates = periodDates, let first = dates.first, let last = dates.last {
            notes.append("Dates mapped to periods 1…\(dates.count) (\(first) … \(last)).")
        }
        for mapping in cohortDateMappings {
            var target = ""
            if let dates = periodDates {
                let k = Int(mapping.period)
                target = k <= dates.count ? " (\(dates[k - 1]))" : " (after the last period)"
            }
            notes.append(
                "Cohort date \(mapping.cohortDate) (\(mapping.units) unit(s)) mapped to period "
                    + "\(StatisticsText.compact(mapping.period))\(target), the first period on or after it.")
        }
        if !alwaysTreatedUnitsDropped.isEmpty {
            notes.append(
                "\(alwaysTreatedUnitsDropped.count) unit(s) already treated in the first period were dropped "
                    + "(no untreated base period): \(Self.list(alwaysTreatedUnitsDropped)).")
        }
        if !unitsTreatedAfterWindow.isEmpty {
            notes.append(
                "\(unitsTreatedAfterWindow.count) unit(s) first treated after the last period count as not "
                    + "treated within the window: \(Self.list(unitsTreatedAfterWindow)).")
        }
        return notes
    }

    /// Up to five ids, then "and N more".
    static func list(_ ids: [String]) -> String {
        let shown = ids.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return ids.count > 5 ? shown + " and \(ids.count - 5) more" : shown
    }
}
