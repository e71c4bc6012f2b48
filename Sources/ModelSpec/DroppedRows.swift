/// A number of rows left out of a model for one reason.
public struct DroppedRows: Sendable, Equatable, CustomStringConvertible {
    /// Why the rows were dropped.
    public let reason: DropReason
    /// How many rows (positive in an `ObservationAccount`).
    public let count: Int

    /// `count` rows dropped for `reason`; a negative count is a programmer error.
    public init(reason: DropReason, count: Int) {
        precondition(count >= 0, "A dropped-row count cannot be negative")
        self.reason = reason
        self.count = count
    }

    /// `missing outcome 'sales' (12)`.
    public var description: String { "\(reason) (\(ObservationAccount.grouped(count)))" }
}
