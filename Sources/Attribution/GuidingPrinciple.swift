/// The 12 guiding principles of the ROI Methodology (ROI Institute; Phillips & Phillips,
/// *The Value of Learning*, 2007), numbered as published. The workbench applies them as defaults
/// and logs each application in a `PrinciplesLog`.
public enum GuidingPrinciple: Int, Sendable, Equatable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case lowerLevelsData = 1
    case lowerLevelsNotComprehensive = 2
    case mostCredibleSources = 3
    case mostConservative = 4
    case isolateEffect = 5
    case noDataNoImprovement = 6
    case adjustForError = 7
    case omitExtremes = 8
    case firstYearOnly = 9
    case fullyLoadCosts = 10
    case intangibles = 11
    case communicate = 12

    /// The principle as the ROI Institute states it.
    public var title: String {
        switch self {
        case .lowerLevelsData: return "A higher-level evaluation needs data from the lower levels"
        case .lowerLevelsNotComprehensive: return "The lower levels need not be comprehensive"
        case .mostCredibleSources: return "Use only the most credible sources"
        case .mostConservative: return "Choose the most conservative alternative"
        case .isolateEffect: return "Use at least one method to isolate the effect of the program"
        case .noDataNoImprovement: return "No improvement data for a population or source: assume no improvement"
        case .adjustForError: return "Adjust estimates for their potential error"
        case .omitExtremes: return "Leave out extreme data items and unsupported claims"
        case .firstYearOnly: return "Only the first year of benefits for short-term programs"
        case .fullyLoadCosts: return "Fully load the costs"
        case .intangibles: return "Intangibles are not converted to money: report them, don't price them"
        case .communicate: return "Communicate results to all key stakeholders"
        }
    }

    public var description: String { "Principle \(rawValue): \(title)" }
}
