import Attribution
import DataFrameModule
import Estimators

/// Reading `direction`, `isolation` (one or more methods) and the legacy one-method `design`.
///
/// Each `isolation` item is a mapping with `method` and the keys that method needs; a key another
/// method uses is refused with the keys this one allows (guiding principle 5: isolate the effect
/// with at least one method; principle 4: the headline is the most conservative of them).
extension StudyParser {
    /// Keys each method allows, `method` included.
    static let isolationKeys: [Study.IsolationMethodName: [String]] = [
        .did2x2: ["method", "treated_group", "post", "treatment_start"],
        .twfe: ["method", "treatment"],
        .callawaySantAnna: ["method", "cohort", "treatment", "control_group", "anticipation"],
        .sunAbraham: ["method", "cohort"],
        .imputation: ["method", "cohort", "anticipation"],
        .controlGroup: ["method", "treated", "covariates", "estimator"] + matchingKeys,
        .interruptedTimeSeries: ["method", "treated_group", "interruption"],
        .participantEstimates: ["method", "survey", "improvement", "share", "confidence", "extreme_multiple"],
    ]

    /// Keys of `control_group` that only `estimator: matching` reads.
    static let matchingKeys = ["neighbours", "caliper", "replacement", "distance"]

    /// One value of a closed set of names, with a did-you-mean suggestion.
    func choice<T: RawRepresentable>(_ node: StudyNode, among cases: [T], what: String) throws -> T
    where T.RawValue == String {
        try lookup(node, in: Dictionary(uniqueKeysWithValues: cases.map { ($0.rawValue, $0) }), what: what)
    }

    /// The value `names` gives the node's text; otherwise an error listing the names, with the
    /// closest as a did-you-mean suggestion.
    func lookup<T>(_ node: StudyNode, in names: [String: T], what: String) throws -> T {
        let text = try node.text()
        if let value = names[text] { return value }
        let known = names.keys.sorted()
        let hint = closestName(to: text, among: known).map { " Did you mean '\($0)'?" } ?? ""
        throw StudyError.invalidValue(
            node.location, value: "'\(text)'", advice: "Unknown \(what). Choose one of: \(known.joined(separator: ", ")).\(hint)")
    }

    /// The one key of a mapping that must hold exactly one of `allowed` (a distribution, a standard conversion).
    func onlyEntry(_ node: StudyNode, allowed: [String], advice: String) throws -> (key: String, value: StudyNode) {
        let m = try node.mapping(allowed: allowed)
        let given = m.entries.keys.sorted()
        guard given.count == 1, let key = given.first, let value = m.optional(key) else {
            throw StudyError.invalidValue(
                node.location, value: given.isEmpty ? "an empty mapping" : given.joined(separator: " and "), advice: advice)
        }
        return (key, value)
    }

    mutating func parseDirection(_ node: StudyNode?) throws -> Triangulation.BenefitDirection {
        guard let node else {
            defaultsApplied.append("direction = increase (default: a higher outcome is a benefit)")
            return .increase
        }
        return try choice(node, among: [.increase, .decrease], what: "direction")
    }

    /// The `isolation` list, or the legacy `design` mapping as a one-method list.
    mutating func parseIsolationMethods(_ top: StudyMapping, root: StudyNode) throws -> [Study.IsolationSpec] {
        switch (top.optional("isolation"), top.optional("design")) {
        case (.some, .some):
            throw StudyError.conflictingKeys(
                root.location, keys: ["isolation", "design"],
                advice: "'design' is the one-method form of 'isolation'; list the 2×2 design as an 'isolation' item instead.")
        case (nil, let design?):
            let m = try design.mapping(allowed: Self.isolationKeys[.did2x2]!)
            let methodNode = try m.required("method", advice: "Name the isolation method, e.g. 'method: did2x2'.")
            guard try methodName(methodNode) == .did2x2 else {
                throw StudyError.invalidValue(
                    methodNode.location, value: "'\(try methodNode.text())'",
                    advice: "The legacy 'design' key takes did2x2 only; list other methods under 'isolation:'.")
            }
            return [Study.IsolationSpec(method: .did2x2, detail: .did2x2(try parseDid2x2(m, node: design)), keyPath: "design")]
        case (let list?, nil):
            let items = try list.sequence()
            guard !items.isEmpty else {
                throw StudyError.invalidValue(
                    list.location, value: "an empty list",
                    advice: "List at least one isolation method (guiding principle 5), e.g. '- method: did2x2'.")
            }
            return try items.map { try parseIsolationItem($0) }
        case (nil, nil):
            throw StudyError.missingKey(
                root.missingChild("isolation"),
                advice: "List the isolation methods, e.g. 'isolation: [{method: did2x2, treated_group: trained_team, post: post}]' "
                    + "(guiding principle 5: isolate the effect of the program).")
        }
    }

    func methodName(_ node: StudyNode) throws -> Study.IsolationMethodName {
        try choice(node, among: Study.IsolationMethodName.allCases, what: "isolation method")
    }

    mutating func parseIsolationItem(_ node: StudyNode) throws -> Study.IsolationSpec {
        let everyKey = Array(Set(Self.isolationKeys.values.joined())).sorted()
        let all = try node.mapping(allowed: everyKey)
        let methodNode = try all.required("method", advice: "Name the isolation method, e.g. 'method: callaway_santanna'.")
        let method = try methodName(methodNode)
        let allowed = Self.isolationKeys[method]!
        let m = try node.mapping(allowed: allowed)  // a key of another method is refused here
        let detail: Study.IsolationDetail
        switch method {
        case .did2x2:
            detail = .did2x2(try parseDid2x2(m, node: node))
        case .twfe:
            detail = .twfe(treatment: try name(m.required("treatment", advice: "Name the 0/1 treated-and-post column, e.g. 'treatment: trained'.")))
        case .callawaySantAnna:
            let names: [String: CallawaySantAnnaSpecification.ControlGroup] = [
                "never_treated": .neverTreated, "not_yet_treated": .notYetTreated,
            ]
            let control = try m.optional("control_group").map { try lookup($0, in: names, what: "control group") }
            if control == nil { defaultsApplied.append("\(node.keyPath).control_group = never_treated (default, as R did)") }
            detail = .callawaySantAnna(
                timing: try timing(m, node: node), controlGroup: control ?? .neverTreated,
                anticipation: try anticipation(m, node: node))
        case .sunAbraham:
            detail = .sunAbraham(cohort: try cohortName(m))
        case .imputation:
            detail = .imputation(cohort: try cohortName(m), anticipation: try anticipation(m, node: node))
        case .controlGroup:
            detail = try parseControlGroup(m, node: node)
        case .interruptedTimeSeries:
            let interruption = try timePoint(
                m.required("interruption", advice: "Give the first period after training, e.g. 'interruption: 13'."))
            detail = .interruptedTimeSeries(treatedGroup: try m.optional("treated_group").map { try name($0) }, interruption: interruption)
        case .participantEstimates:
            detail = .participantEstimates(try parseSurvey(m, node: node))
        }
        return Study.IsolationSpec(method: method, detail: detail, keyPath: node.keyPath)
    }

    mutating func parseDid2x2(_ m: StudyMapping, node: StudyNode) throws -> Study.Design {
        let treated = try name(
            m.required("treated_group", advice: "Name the 0/1 column marking the trained group, e.g. 'treated_group: trained_team'."))
        let period: Study.PeriodRule
        switch (m.optional("post"), m.optional("treatment_start")) {
        case (let p?, nil):
            period = .indicator(column: try name(p))
        case (nil, let s?):
            period = .treatmentStart(try timePoint(s))
        case (.some, .some):
            throw StudyError.conflictingKeys(
                node.location, keys: ["post", "treatment_start"],
                advice: "Keep 'post' (a 0/1 column) or 'treatment_start' (the first post period), not both.")
        case (nil, nil):
            throw StudyError.missingKey(
                node.missingChild("post"),
                advice: "Mark the post period with 'post: <0/1 column>' or give 'treatment_start: <first post time>'.")
        }
        return Study.Design(treatedGroup: treated, period: period)
    }

    mutating func cohortName(_ m: StudyMapping) throws -> String {
        try name(m.required("cohort", advice: "Name the column of each unit's first treated period (0 or empty = never), e.g. 'cohort: training_week'."))
    }

    mutating func timing(_ m: StudyMapping, node: StudyNode) throws -> Study.CohortColumn {
        switch (m.optional("cohort"), m.optional("treatment")) {
        case (let c?, nil): return .cohort(try name(c))
        case (nil, let t?): return .treatment(try name(t))
        case (.some, .some):
            throw StudyError.conflictingKeys(
                node.location, keys: ["cohort", "treatment"], advice: "Give the cohort column or the 0/1 treatment column, not both.")
        case (nil, nil):
            throw StudyError.missingKey(
                node.missingChild("cohort"),
                advice: "Name the first-treated-period column ('cohort: training_week') or a 0/1 column ('treatment: trained').")
        }
    }

    mutating func anticipation(_ m: StudyMapping, node: StudyNode) throws -> Int {
        guard let a = m.optional("anticipation") else {
            defaultsApplied.append("\(node.keyPath).anticipation = 0 (default: no anticipation)")
            return 0
        }
        let value = try a.integer()
        guard value >= 0 else {
            throw StudyError.invalidValue(a.location, value: "\(value)", advice: "Give the periods of anticipation as 0 or more.")
        }
        return value
    }

    mutating func parseControlGroup(_ m: StudyMapping, node: StudyNode) throws -> Study.IsolationDetail {
        let treated = try name(m.required("treated", advice: "Name the 0/1 column of trained rows, e.g. 'treated: trained'."))
        let list = try m.required("covariates", advice: "List the covariates to adjust for, e.g. 'covariates: [tenure, region]'.")
        let covariates = try list.sequence().map { try name($0) }
        guard !covariates.isEmpty else {
            throw StudyError.invalidValue(list.location, value: "an empty list", advice: "Name at least one covariate.")
        }
        let estimators: [String: Study.ControlGroupEstimator?] = [
            "regression": .regressionAdjustment, "ipw": .inverseProbabilityWeighting,
            "aipw": .augmentedInverseProbabilityWeighting, "matching": nil,
        ]
        var estimator = Study.ControlGroupEstimator.regressionAdjustment
        if let e = m.optional("estimator") {
            // nil stands for matching, whose specification the keys below complete.
            estimator = try lookup(e, in: estimators, what: "control-group estimator") ?? .matching(try parseMatching(m, node: node))
        } else {
            defaultsApplied.append("\(node.keyPath).estimator = regression (default: regression adjustment, ATT)")
        }
        if estimator.comparisonMethod != nil, let key = Self.matchingKeys.first(where: { m.optional($0) != nil }) {
            throw StudyError.conflictingKeys(
                node.location, keys: ["estimator: \(estimator)", key],
                advice: "'\(key)' goes with 'estimator: matching'; remove it or match.")
        }
        return .controlGroup(treated: treated, covariates: covariates, estimator: estimator)
    }

    /// The matching keys of a `control_group` item, with the options of `impact compare --match`.
    ///
    /// Defaults: 1 neighbour, no caliper, the propensity score as distance (MatchIt's defaults) and
    /// matching **with** replacement, unlike MatchIt and `impact compare`: the Abadie–Imbens variance
    /// and the weighted bootstrap that carry the effect's uncertainty into the ROI interval are
    /// derived for matching with replacement (Abadie & Imbens 2006).
    mutating func parseMatching(_ m: StudyMapping, node: StudyNode) throws -> NearestNeighbourMatchingSpecification {
        var neighbours = 1
        if let n = m.optional("neighbours") {
            neighbours = try n.integer()
            guard neighbours >= 1 else {
                throw StudyError.invalidValue(
                    n.location, value: "\(neighbours)", advice: "Give the controls per trained unit as 1 or more (like --ratio).")
            }
        } else {
            defaultsApplied.append("\(node.keyPath).neighbours = 1 (default: one control per trained unit, as MatchIt)")
        }
        var caliper: Double?
        if let c = m.optional("caliper") {
            let value = try c.number()
            guard value > 0 else {
                throw StudyError.invalidValue(
                    c.location, value: "\(value)",
                    advice: "Give the caliper in standard deviations of the distance, above 0 (e.g. 0.2), or leave it out.")
            }
            caliper = value
        } else {
            defaultsApplied.append("\(node.keyPath).caliper = none (default: no trained unit is dropped for the distance to its match)")
        }
        var replacement = true
        if let r = m.optional("replacement") {
            replacement = try lookup(r, in: ["true": true, "false": false], what: "replacement choice")
        } else {
            defaultsApplied.append(
                "\(node.keyPath).replacement = true (default: the Abadie–Imbens variance and the weighted bootstrap assume "
                    + "matching with replacement)")
        }
        var distance = NearestNeighbourMatchingSpecification.Distance.propensityScore
        if let d = m.optional("distance") {
            distance = try lookup(
                d, in: ["propensity_score": .propensityScore, "logit": .linearPropensityScore], what: "matching distance")
        } else {
            defaultsApplied.append("\(node.keyPath).distance = propensity_score (default, as MatchIt)")
        }
        return NearestNeighbourMatchingSpecification(
            ratio: neighbours, replacement: replacement, caliper: caliper, distance: distance)
    }

    mutating func parseSurvey(_ m: StudyMapping, node: StudyNode) throws -> Study.Survey {
        let fileNode = try m.required("survey", advice: "Give the survey CSV, relative to this study file, e.g. 'survey: survey.csv'.")
        let written = try name(fileNode)
        func column(_ key: String, _ example: String) throws -> String {
            try name(m.required(key, advice: "Name the survey's \(key) column, e.g. '\(key): \(example)'."))
        }
        let improvement = try column("improvement", "improvement_minutes")
        let share = try column("share", "attribution_pct")
        let confidence = try column("confidence", "confidence_pct")
        var multiple = 3.0
        if let e = m.optional("extreme_multiple") {
            multiple = try e.number()
            guard multiple > 1 else {
                throw StudyError.invalidValue(
                    e.location, value: "\(multiple)",
                    advice: "Give a multiple of the median claim above 1 (3 is the default; guiding principle 8).")
            }
        } else {
            defaultsApplied.append(
                "\(node.keyPath).extreme_multiple = 3 (default; guiding principle 8: claims above 3 × the median are left out)")
        }
        return Study.Survey(
            pathAsWritten: written, path: resolve(written), improvement: improvement, share: share, confidence: confidence,
            extremeMultiple: multiple)
    }
}
