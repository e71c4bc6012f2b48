/// A benefit purposely not converted to money (guiding principle 11): listed with how it was
/// observed, never priced.
public struct Intangible: Sendable, Equatable, Codable {
    /// What improved, e.g. "team collaboration".
    public let name: String
    /// How it was observed, e.g. "engagement survey item 7: +0.4 on a 1–5 scale".
    public let evidence: String

    public init(name: String, evidence: String) {
        self.name = name
        self.evidence = evidence
    }
}

/// Kirkpatrick/Phillips levels 1–3 beside the level 4–5 figures: reaction, learning and
/// application summaries (each optional) and the intangibles.
///
/// Guiding principle 1 (a higher-level evaluation needs data from the lower levels) and 2 (the
/// lower levels need not be comprehensive) are logged as which levels have data; principle 11 as
/// one entry per intangible, with no number, since intangibles are not priced.
public struct ChainOfImpact: Sendable, Equatable, Codable {
    public let reaction: ReactionSummary?
    public let learning: LearningSummary?
    public let application: ApplicationSummary?
    public let intangibles: [Intangible]

    public init(
        reaction: ReactionSummary? = nil, learning: LearningSummary? = nil, application: ApplicationSummary? = nil,
        intangibles: [Intangible] = []
    ) {
        self.reaction = reaction
        self.learning = learning
        self.application = application
        self.intangibles = intangibles
    }

    /// Levels 1–3 with a summary.
    public var levelsWithData: [Int] {
        [(1, reaction != nil), (2, learning != nil), (3, application != nil)].filter(\.1).map(\.0)
    }

    /// The principle applications for the lower levels and the intangibles.
    public var principlesLog: PrinciplesLog {
        var log = PrinciplesLog()
        let levels = levelsWithData
        let missing = [1, 2, 3].filter { !levels.contains($0) }
        log.record(
            PrincipleApplication(
                principle: levels.isEmpty ? .lowerLevelsData : .lowerLevelsNotComprehensive,
                rule: levels.isEmpty
                    ? "no level 1–3 data: the ROI rests on the level 4 effect alone"
                    : "levels \(levels.map(String.init).joined(separator: ", ")) summarised"
                        + (missing.isEmpty ? "" : "; levels \(missing.map(String.init).joined(separator: ", ")) have no data"),
                location: "chain of impact"))
        for intangible in intangibles {
            log.record(
                PrincipleApplication(
                    principle: .intangibles, rule: "listed, not converted to money", location: "intangible: \(intangible.name)"))
        }
        return log
    }
}
