import Attribution

/// A level 1–3 data file that could not be used, placed at its `file` key in the study file.
public struct StudyChainOfImpactError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `file` key of the level in the study file (e.g. `chain_of_impact.learning.file`).
    public let location: StudyLocation
    /// The level, e.g. "learning (level 2)".
    public let level: String
    /// The loader's message: the CSV reader's file:line:column or the summary's problem, with advice.
    public let problem: String

    /// An error from its parts.
    public init(location: StudyLocation, level: String, problem: String) {
        self.location = location
        self.level = level
        self.problem = problem
    }

    public var description: String {
        "\(location): the \(level) data cannot be used: \(problem)"
    }
}

/// Loads the chain of impact a study declares: the level 1–3 summaries from their CSV files and
/// the intangibles (guiding principles 1, 2 and 11).
///
/// Each level goes through the Attribution loaders (`ChainOfImpact.reaction(csv:…)`,
/// `.learning(csv:…)`, `.application(csv:…)`), which count every row left out; their errors
/// (`DataError` with file:line:column, `ImpactLevelError`) are rethrown as
/// `StudyChainOfImpactError` at the level's `file` key, keeping the loader's message.
public enum StudyChainOfImpact {
    /// The chain of impact of `settings`; levels without a file are `nil`.
    /// - Throws: `StudyChainOfImpactError` for the first level whose file cannot be used.
    public static func load(_ settings: Study.ChainOfImpactSettings) throws -> ChainOfImpact {
        let reaction = try settings.reaction.map { r in
            try level("reaction (level 1)", r.file) {
                try ChainOfImpact.reaction(
                    csv: r.file.path, column: r.column, scale: r.scale, favourableThreshold: r.favourableThreshold)
            }
        }
        let learning = try settings.learning.map { l in
            try level("learning (level 2)", l.file) { try ChainOfImpact.learning(csv: l.file.path, pre: l.pre, post: l.post) }
        }
        let application = try settings.application.map { a in
            try level("application (level 3)", a.file) { try ChainOfImpact.application(csv: a.file.path, column: a.column) }
        }
        return ChainOfImpact(
            reaction: reaction, learning: learning, application: application, intangibles: settings.intangibles)
    }

    /// Runs one loader, placing its error at the level's `file` key.
    private static func level<T>(_ name: String, _ file: Study.LevelFile, _ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch {
            throw StudyChainOfImpactError(location: file.location, level: name, problem: "\(error)")
        }
    }
}
