/// Which rows of the data a model used and why the others were left out.
///
/// Results carry this account so that every summary can state
/// "N = 14,388 of 14,400 rows used; dropped 12: missing outcome 'sales' (12)", the way fixest
/// reports removed observations (`fixest::summary`, "NOTE: 12 observations removed because of NA
/// values"), but per reason and column.
public struct ObservationAccount: Sendable, Equatable, CustomStringConvertible {
    /// Rows in the source data.
    public let totalRows: Int
    /// Rows that entered the model.
    public let usedRows: Int
    /// Dropped rows by reason, in reason order, only nonzero counts.
    public let dropped: [DroppedRows]

    /// An account; zero counts are left out. Counts must add up: `totalRows = usedRows + Σ dropped`.
    ///
    /// Public so that other builders (e.g. a panel or DiD design) can extend an account with their
    /// own drops; see also `dropping(_:for:)`.
    public init(totalRows: Int, usedRows: Int, dropped: [DroppedRows]) {
        let kept = dropped.filter { $0.count > 0 }
        precondition(usedRows >= 0, "usedRows cannot be negative")
        precondition(
            totalRows == usedRows + kept.reduce(0) { $0 + $1.count },
            "Observation account does not add up: \(totalRows) rows ≠ \(usedRows) used + dropped")
        self.totalRows = totalRows
        self.usedRows = usedRows
        self.dropped = kept
    }

    /// Total rows dropped for any reason.
    public var droppedCount: Int { totalRows - usedRows }

    /// The account after dropping `count` more of the used rows for `reason` (appended last).
    public func dropping(_ count: Int, for reason: DropReason) -> ObservationAccount {
        precondition(count >= 0 && count <= usedRows, "Cannot drop \(count) of \(usedRows) used rows")
        return ObservationAccount(
            totalRows: totalRows, usedRows: usedRows - count, dropped: dropped + [DroppedRows(reason: reason, count: count)])
    }

    /// `N = 14,388 of 14,400 rows used; dropped 12: missing outcome 'sales' (12)`, or
    /// `N = 14,400 of 14,400 rows used; none dropped`.
    public var description: String {
        let head = "N = \(Self.grouped(usedRows)) of \(Self.grouped(totalRows)) rows used"
        guard !dropped.isEmpty else { return head + "; none dropped" }
        let reasons = dropped.map(\.description).joined(separator: ", ")
        return head + "; dropped \(Self.grouped(droppedCount)): " + reasons
    }

    /// An integer with comma thousands separators (`14,388`), independent of the locale so that
    /// reports read the same on every machine.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
