/// How credible the source of a conversion value is (guiding principle 3: use only the most
/// credible sources), ordered from most to least credible.
///
/// The order follows Phillips & Phillips' ranking of data sources for converting data to money:
/// standard values set by the organisation (finance, accounting) first, then values from
/// historical records or internal/external experts, then participant or manager estimates.
public enum ConversionCredibility: Int, Sendable, Equatable, Hashable, Codable, CaseIterable, Comparable,
    CustomStringConvertible
{
    /// A standard value set by finance or accounting (e.g. gross margin, loaded wage).
    case standardValue = 0
    /// Historical cost records of the organisation.
    case historicalRecords = 1
    /// An internal or external expert's estimate, or external databases/studies.
    case expertEstimate = 2
    /// Participants' or managers' own estimates: least credible.
    case participantEstimate = 3

    /// A more credible source compares as smaller (`.standardValue < .expertEstimate`).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .standardValue: return "standard value"
        case .historicalRecords: return "historical records"
        case .expertEstimate: return "expert estimate"
        case .participantEstimate: return "participant estimate"
        }
    }
}
