/// Rows dropped from an analysis for one reason, as reports show them.
public struct DroppedRowCount: Codable, Sendable, Equatable {
    /// The reason in words, e.g. "missing outcome 'sales'".
    public let reason: String
    /// Number of rows dropped for it.
    public let count: Int

    /// A value from its parts.
    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}
