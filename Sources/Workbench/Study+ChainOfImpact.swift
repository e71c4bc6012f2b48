import Attribution

extension Study {
    /// Where the study's level 1–3 data are and the intangibles it lists (study-file section
    /// `chain_of_impact`; Phillips chain of impact, guiding principles 1, 2 and 11).
    ///
    /// ```yaml
    /// chain_of_impact:
    ///   reaction: {file: reaction.csv, column: rating, scale: [1, 5], favourable_from: 4}
    ///   learning: {file: assessment.csv, pre: pre_score, post: post_score}
    ///   application: {file: application.csv, column: applied}
    ///   intangibles: [{name: Team morale, evidence: pulse survey}]
    /// ```
    ///
    /// Every key is optional; a level without a file is reported as not collected (principle 2:
    /// the lower levels need not be comprehensive). Files are relative to the study file, as `data`.
    /// Column defaults are the loaders' (`ChainOfImpact+Files.swift`): `rating` on a 1–5 scale,
    /// favourable from 4 (top-two-box); `pre` and `post`; `applied`.
    public struct ChainOfImpactSettings: Sendable, Equatable {
        /// Level 1 data, when collected.
        public let reaction: ReactionFile?
        /// Level 2 data, when collected.
        public let learning: LearningFile?
        /// Level 3 data, when collected.
        public let application: ApplicationFile?
        /// Benefits listed and not priced.
        public let intangibles: [Intangible]

        /// Settings from their parts.
        public init(
            reaction: ReactionFile? = nil, learning: LearningFile? = nil, application: ApplicationFile? = nil,
            intangibles: [Intangible] = []
        ) {
            self.reaction = reaction
            self.learning = learning
            self.application = application
            self.intangibles = intangibles
        }

        /// True when no level file and no intangible is given.
        public var isEmpty: Bool { reaction == nil && learning == nil && application == nil && intangibles.isEmpty }
    }

    /// A level-data file: the path as written, resolved, and where it sits in the study file.
    public struct LevelFile: Sendable, Equatable {
        /// As written in the study file.
        public let pathAsWritten: String
        /// Resolved against the study file's directory.
        public let path: String
        /// The `file` key's location, for messages about the file.
        public let location: StudyLocation

        /// A file reference from its parts.
        public init(pathAsWritten: String, path: String, location: StudyLocation) {
            self.pathAsWritten = pathAsWritten
            self.path = path
            self.location = location
        }
    }

    /// Level 1: one rating per participant.
    public struct ReactionFile: Sendable, Equatable {
        public let file: LevelFile
        public let column: String
        public let scale: ClosedRange<Double>
        public let favourableThreshold: Double

        /// Level 1 settings; `favourableThreshold` lies on `scale`.
        public init(file: LevelFile, column: String = "rating", scale: ClosedRange<Double> = 1...5, favourableThreshold: Double = 4) {
            precondition(scale.contains(favourableThreshold), "the favourable threshold lies on the scale")
            self.file = file
            self.column = column
            self.scale = scale
            self.favourableThreshold = favourableThreshold
        }
    }

    /// Level 2: paired pre/post assessment scores.
    public struct LearningFile: Sendable, Equatable {
        public let file: LevelFile
        public let pre: String
        public let post: String

        /// Level 2 settings.
        public init(file: LevelFile, pre: String = "pre", post: String = "post") {
            self.file = file
            self.pre = pre
            self.post = post
        }
    }

    /// Level 3: one 0/1 answer per participant (applies the training on the job).
    public struct ApplicationFile: Sendable, Equatable {
        public let file: LevelFile
        public let column: String

        /// Level 3 settings.
        public init(file: LevelFile, column: String = "applied") {
            self.file = file
            self.column = column
        }
    }
}

/// Reading the `chain_of_impact` section (see `Study.ChainOfImpactSettings`).
extension StudyParser {
    static let chainOfImpactKeys = ["reaction", "learning", "application", "intangibles"]

    /// The chain-of-impact settings of `node` (the top-level `chain_of_impact` value, `nil` when
    /// absent: no level 1–3 data, noted in `defaultsApplied`).
    mutating func parseChainOfImpact(_ node: StudyNode?) throws -> Study.ChainOfImpactSettings {
        guard let node else {
            defaultsApplied.append("chain_of_impact: no level 1–3 data and no intangibles (default)")
            return Study.ChainOfImpactSettings()
        }
        let m = try node.mapping(allowed: Self.chainOfImpactKeys)
        var reaction: Study.ReactionFile?
        if let r = m.optional("reaction") {
            let rm = try r.mapping(allowed: ["file", "column", "scale", "favourable_from"])
            let file = try levelFile(rm, advice: "Give the reaction file, e.g. 'file: reaction.csv'.")
            let column = try rm.optional("column").map { try name($0) } ?? "rating"
            var scale: ClosedRange<Double> = 1...5
            if let s = rm.optional("scale") {
                let items = try s.sequence()
                guard items.count == 2 else {
                    throw StudyError.invalidValue(
                        s.location, value: "a list of \(items.count)", advice: "Give the rating scale as [lowest, highest], e.g. [1, 5].")
                }
                let (low, high) = (try items[0].number(), try items[1].number())
                guard low < high else {
                    throw StudyError.invalidValue(
                        s.location, value: "[\(low), \(high)]",
                        advice: "The lowest rating comes first and is below the highest, e.g. [1, 5].")
                }
                scale = low...high
            }
            var threshold = min(4, scale.upperBound)
            if let f = rm.optional("favourable_from") {
                threshold = try f.number()
                guard scale.contains(threshold) else {
                    throw StudyError.invalidValue(
                        f.location, value: "\(threshold)",
                        advice: "The favourable threshold lies on the scale \(scale.lowerBound)–\(scale.upperBound), e.g. 4 on 1–5.")
                }
            }
            reaction = Study.ReactionFile(file: file, column: column, scale: scale, favourableThreshold: threshold)
        }
        var learning: Study.LearningFile?
        if let l = m.optional("learning") {
            let lm = try l.mapping(allowed: ["file", "pre", "post"])
            let file = try levelFile(lm, advice: "Give the assessment file, e.g. 'file: assessment.csv'.")
            let pre = try lm.optional("pre").map { try name($0) } ?? "pre"
            let post = try lm.optional("post").map { try name($0) } ?? "post"
            learning = Study.LearningFile(file: file, pre: pre, post: post)
        }
        var application: Study.ApplicationFile?
        if let a = m.optional("application") {
            let am = try a.mapping(allowed: ["file", "column"])
            let file = try levelFile(am, advice: "Give the application file, e.g. 'file: application.csv'.")
            let column = try am.optional("column").map { try name($0) } ?? "applied"
            application = Study.ApplicationFile(file: file, column: column)
        }
        var intangibles: [Intangible] = []
        if let list = m.optional("intangibles") {
            for item in try list.sequence() {
                let im = try item.mapping(allowed: ["name", "evidence"])
                let label = try name(im.required("name", advice: "Name the intangible benefit, e.g. 'name: Team morale'."))
                let evidence = try im.required(
                    "evidence", advice: "Say how the benefit was observed, e.g. 'evidence: pulse survey, +0.4 on 1–5'."
                ).text()
                intangibles.append(Intangible(name: label, evidence: evidence))
            }
        }
        return Study.ChainOfImpactSettings(
            reaction: reaction, learning: learning, application: application, intangibles: intangibles)
    }

    /// The required `file` key of a level, resolved against the study file's directory.
    mutating func levelFile(_ m: StudyMapping, advice: String) throws -> Study.LevelFile {
        let node = try m.required("file", advice: advice)
        let written = try name(node)
        return Study.LevelFile(pathAsWritten: written, path: resolve(written), location: node.location)
    }
}
