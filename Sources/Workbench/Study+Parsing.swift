import DataFrameModule
import Foundation
import Yams

/// Reading a study from YAML (docs/study-file.md lists every key, its default and its principle).
///
/// ```yaml
/// study: Sales training 2025                 # title (required)
/// data: ../../datasets/x/x.csv               # CSV, relative to this file (required)
/// panel: {unit: employee_id, time: month, cluster: team_id, time_unit: month}
/// outcome: sales
/// direction: increase                        # or decrease (handle time, defects)
/// isolation:                                 # one or more methods; or the legacy one-method `design:`
///   - {method: did2x2, treated_group: trained_team, post: post}
///   - {method: twfe, treatment: trained}
/// conversion: {value_per_unit: 0.30, unit: USD of sales, source: Finance, currency: USD}
/// benefits: {horizon_months: 12, population: 300, extrapolation: assume_no_effect}
/// costs:
///   currency: USD
///   direct: [{item: Facilitator, amount: 45000, source: Invoice}]
///   indirect: [{item: Participant time, hours: 4800, rate: 48, source: HR}]
///   development: [{item: Curriculum, total: 40000, share: 0.25}]
/// roi: {hurdle_percent: 25, interval: percentile}
/// bootstrap: {replicates: 999, seed: 20260101, level: 0.95}   # all optional
/// sensitivity: {mbar: [0, 0.5, 1, 1.5, 2], tornado: {costs_plus_minus: 0.2}}   # optional
/// chain_of_impact: {reaction: {file: reaction.csv}, intangibles: [{name: Morale, evidence: survey}]}
/// ```
extension Study {
    /// Top-level keys of a study file.
    static let topLevelKeys = [
        "study", "data", "panel", "outcome", "direction", "isolation", "design", "conversion", "benefits", "costs",
        "roi", "bootstrap", "sensitivity", "chain_of_impact",
    ]

    /// Reads and parses the study file at `path`; relative paths inside it are resolved against
    /// the file's directory.
    public static func load(path: String) throws -> Study {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "not readable as UTF-8 text" : "no such file"
            throw StudyError.fileNotReadable(path: path, reason: reason)
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        return try parse(yaml: text, file: path, baseDirectory: absolute.deletingLastPathComponent().path)
    }

    /// Parses study YAML. `file` names the source in messages; `baseDirectory` anchors relative paths.
    public static func parse(yaml: String, file: String = "<text>", baseDirectory: String) throws -> Study {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw malformed(error, file: file)
        }
        guard let root else {
            throw StudyError.missingKey(
                StudyLocation(file: file, keyPath: "study"), advice: "The file is empty; start with 'study: <title>'.")
        }
        var parser = StudyParser(file: file, baseDirectory: baseDirectory)
        return try parser.parse(StudyNode(node: root, file: file, keyPath: ""))
    }

    /// A Yams error as `StudyError.malformedYAML` with its line and column.
    private static func malformed(_ error: YamlError, file: String) -> StudyError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let full = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .malformedYAML(file: file, line: mark.line, column: mark.column, problem: full)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .malformedYAML(
                file: file, line: context.mark.line, column: context.mark.column,
                problem: "duplicated key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")); keep one of each")
        default:
            return .malformedYAML(file: file, line: nil, column: nil, problem: "\(error)")
        }
    }
}

/// The state of one parse: the file name, its directory, and the notes and locations collected.
struct StudyParser {
    let file: String
    let baseDirectory: String
    var defaultsApplied: [String] = []
    var locations: [String: StudyLocation] = [:]

    init(file: String, baseDirectory: String) {
        self.file = file
        self.baseDirectory = baseDirectory
    }

    /// Records where a value sits so that later checks against the data can point at it.
    mutating func remember(_ node: StudyNode) {
        locations[node.keyPath] = node.location
    }

    /// A text value that also gets its location remembered.
    mutating func name(_ node: StudyNode) throws -> String {
        remember(node)
        let value = try node.text()
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StudyError.invalidValue(node.location, value: "''", advice: "Give a non-empty name.")
        }
        return value
    }

    mutating func parse(_ root: StudyNode) throws -> Study {
        let top = try root.mapping(allowed: Study.topLevelKeys)
        let title = try top.required("study", advice: "Give the study a title, e.g. 'study: Sales training 2025'.").text()
        let dataNode = try top.required(
            "data", advice: "Give the CSV file with the panel, relative to this study file, e.g. 'data: data/sales.csv'.")
        let dataWritten = try name(dataNode)
        let panel = try parsePanel(
            top.required("panel", advice: "Describe the panel, e.g. 'panel: {unit: employee_id, time: month, cluster: team_id}'."))
        let outcome = try name(
            top.required("outcome", advice: "Name the outcome column, the KPI the program should move, e.g. 'outcome: sales'."))
        let direction = try parseDirection(top.optional("direction"))
        let isolation = try parseIsolationMethods(top, root: root)
        let conversion = try parseConversion(
            top.required(
                "conversion",
                advice:
                    "Give the money value of one unit of the outcome, e.g. 'conversion: {value_per_unit: 0.30, unit: USD of sales, source: Finance gross margin}'."
            ))
        let benefits = try parseBenefits(top.optional("benefits"))
        let (costs, costCurrency) = try parseCosts(
            top.required(
                "costs",
                advice:
                    "List the fully loaded costs under 'costs:' with 'direct', 'indirect' and 'development' items (guiding principle 10)."))
        try checkCurrencies(conversion: conversion, costs: costs, costCurrency: costCurrency)
        let roi = try parseROI(top.optional("roi"))
        let bootstrap = try parseBootstrap(top.optional("bootstrap"))
        let sensitivity = try parseSensitivity(top.optional("sensitivity"))
        let chainOfImpact = try parseChainOfImpact(top.optional("chain_of_impact"))
        return Study(
            file: file, title: title, dataPathAsWritten: dataWritten, dataPath: resolve(dataWritten), panel: panel,
            outcome: outcome, direction: direction, isolation: isolation, conversion: conversion, benefits: benefits,
            costs: costs, costCurrency: costCurrency, roi: roi, bootstrap: bootstrap, sensitivity: sensitivity,
            chainOfImpact: chainOfImpact, defaultsApplied: defaultsApplied,
            locations: locations)
    }

    /// `path` resolved against the study file's directory unless it is absolute.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    mutating func parsePanel(_ node: StudyNode) throws -> Study.Panel {
        let m = try node.mapping(allowed: ["unit", "time", "cluster", "time_unit"])
        let unit = try name(m.required("unit", advice: "Name the unit identifier column, e.g. 'unit: employee_id'."))
        let time = try name(m.required("time", advice: "Name the time column, e.g. 'time: month'."))
        var cluster: String?
        if let c = m.optional("cluster") {
            cluster = try name(c)
        } else {
            defaultsApplied.append("panel.cluster = \(unit) (default: cluster by unit)")
        }
        var timeUnit = Study.TimeUnit.month
        if let u = m.optional("time_unit") {
            timeUnit = try choice(u, among: Study.TimeUnit.allCases, what: "time unit")
        } else {
            defaultsApplied.append("panel.time_unit = month (default: one period is one month of benefits)")
        }
        return Study.Panel(unit: unit, time: time, cluster: cluster, timeUnit: timeUnit)
    }

    /// A time value: a number, or an ISO date `YYYY-MM-DD` (for date time columns).
    mutating func timePoint(_ node: StudyNode) throws -> Study.TimePoint {
        remember(node)
        if let value = try? node.number() { return .number(value) }
        guard let text = try? node.text() else {
            throw StudyError.wrongType(
                node.location, expected: "a number or a date YYYY-MM-DD", found: node.kindDescription)
        }
        guard let days = ISODate.parse(Substring(text)) else {
            throw StudyError.invalidValue(
                node.location, value: "'\(text)'",
                advice: "Give the first post-treatment time as a number (e.g. 13) or a date YYYY-MM-DD (e.g. 2025-01-01).")
        }
        return .date(daysSinceEpoch: days)
    }

    mutating func parseBootstrap(_ node: StudyNode?) throws -> Study.BootstrapSettings {
        let m = try node?.mapping(allowed: ["replicates", "seed", "level"])
        var replicates = Study.defaultReplicates
        if let r = m?.optional("replicates") {
            replicates = try r.integer()
            // Two is the least a percentile interval can be formed from (IsolationBootstrap's floor).
            guard replicates >= 2 else {
                throw StudyError.invalidValue(
                    r.location, value: "\(replicates)", advice: "Give a positive number of replicates, at least 2; 999 is the default.")
            }
        } else {
            defaultsApplied.append("bootstrap.replicates = \(Study.defaultReplicates) (default)")
        }
        var seed: UInt64?
        if let s = m?.optional("seed") {
            seed = try s.unsignedInteger()
        } else {
            defaultsApplied.append("bootstrap.seed = \(Study.defaultSeed) (default)")
        }
        var level = Study.defaultLevel
        if let l = m?.optional("level") {
            level = try l.number()
            guard level > 0, level < 1 else {
                let hint = level > 1 && level < 100 ? " Did you mean \(level / 100)?" : ""
                throw StudyError.invalidValue(
                    l.location, value: "\(level)",
                    advice: "Give the confidence level as a fraction strictly between 0 and 1, e.g. 0.95.\(hint)")
            }
        } else {
            defaultsApplied.append("bootstrap.level = \(Study.defaultLevel) (default)")
        }
        return Study.BootstrapSettings(replicates: replicates, seed: seed, level: level)
    }
}
