import DataFrameModule
import Foundation
import Inference
import ModelSpec

extension RegressionBootstrap {
    /// The usage line of the `bootstrap` command.
    public static let usage =
        "bootstrap, reps(B) seed(N) [cluster(COL)] [strata(COL)] [level(95)] "
        + "[type(percentile|basic|normal|bca|studentized|all)] : regress Y X1 X2 … [, vcov(TYPE) weights(COL)]"

    /// The options `bootstrap` takes before the colon.
    static let optionNames = ["reps", "seed", "cluster", "strata", "level", "type"]
    /// The options the `regress` after the colon takes.
    static let regressOptionNames = ["vcov", "weights"]

    /// Parses the words after `bootstrap`: `, OPTIONS : regress MODEL [, OPTIONS]` (Stata's prefix
    /// form). MODEL is a formula (`y ~ x1 + C(region)`) or Stata's variable list `y x1 x2`
    /// (read as `y ~ x1 + x2`). `level` is a percentage (95) or a fraction (0.95); `type` is one
    /// kind, several separated by spaces, or `all`. `seed` is required, so every run can be repeated.
    /// - Throws: `SessionError.usage`, `SessionAnalysisError.unknownOption` (with a suggestion),
    ///   `.missingOption`, `CovarianceSyntaxError`, `FormulaSyntaxError`.
    public static func parse(_ text: String) throws -> RegressionBootstrap {
        func usageError(_ problem: String) -> SessionError {
            SessionError.usage(command: "bootstrap", problem: problem, usage: usage)
        }
        guard let colon = StataOptions.firstIndex(of: ":", outsideQuotesIn: text) else {
            throw usageError("a colon must separate the options from the command, as in bootstrap, reps(999) seed(1): regress y x")
        }
        var prefix = text[..<colon].trimmingCharacters(in: .whitespaces)
        if prefix.hasPrefix(",") { prefix.removeFirst() }
        let options = try StataOptions.parse(prefix, command: "bootstrap", allowed: optionNames, usage: usage)
        let command = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let word = String(command.prefix { !$0.isWhitespace })
        guard word == "regress" || word == "reg" else {
            throw usageError("it runs regress after the colon, not '\(word)'")
        }
        let (model, regressText) = StataOptions.splitAtComma(String(command.dropFirst(word.count)))
        guard !model.isEmpty else { throw usageError("regress needs a model, e.g. regress sales trained_team post") }
        let regressOptions = try StataOptions.parse(
            regressText, command: "bootstrap: regress", allowed: regressOptionNames, usage: usage)

        guard let seedText = options["seed"] else {
            throw SessionAnalysisError.missingOption(command: "bootstrap", option: "seed", example: "seed(20240501)")
        }
        guard let seed = UInt64(seedText) else { throw usageError("seed(\(seedText)) must be a whole number ≥ 0") }
        let repsText = options["reps"] ?? "999"
        guard let reps = Int(repsText), reps >= 2 else { throw usageError("reps(\(repsText)) must be a whole number ≥ 2") }
        var level = try options.number("level", command: "bootstrap", usage: usage) ?? 95
        // Stata writes the level as a percentage; a fraction is accepted too.
        if level >= 1 { level /= 100 }
        guard level > 0, level < 1 else { throw usageError("level(\(options["level"] ?? "")) must lie between 0 and 100") }
        let methods = try parseMethods(options["type"] ?? "percentile")
        let formula = model.contains("~") ? model : variableListFormula(model)
        _ = try Formula.parse(formula)
        let covariance = try CovarianceSyntax.parse(regressOptions["vcov"] ?? "classical")
        return RegressionBootstrap(
            formula: formula, covariance: covariance, weights: regressOptions["weights"], replicates: reps, seed: seed,
            cluster: options["cluster"], strata: options["strata"], level: level, methods: methods)
    }

    /// The interval kinds named by `type(…)`.
    static func parseMethods(_ text: String) throws -> [BootstrapIntervalMethod] {
        let names = ["percentile", "basic", "normal", "bca", "studentized", "all"]
        var methods: [BootstrapIntervalMethod] = []
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map({ $0.lowercased() }) {
            switch word {
            case "all": methods += BootstrapIntervalMethod.allCases
            case "percentile", "perc", "p": methods.append(.percentile)
            case "basic": methods.append(.basic)
            case "normal", "norm": methods.append(.normal)
            case "bca", "bc": methods.append(.bca)
            case "studentized", "stud", "t": methods.append(.studentized)
            default:
                throw SessionAnalysisError.unknownOption(
                    command: "bootstrap type", option: word, suggestion: closestName(to: word, among: names))
            }
        }
        var seen = Set<BootstrapIntervalMethod>()
        methods = methods.filter { seen.insert($0).inserted }
        guard !methods.isEmpty else {
            throw SessionError.usage(command: "bootstrap", problem: "type() names no interval kind", usage: usage)
        }
        return methods
    }

    /// Stata's `y x1 x2` as the formula `y ~ x1 + x2` (`y ~ 1` for `y` alone).
    static func variableListFormula(_ list: String) -> String {
        let words = list.split(whereSeparator: \.isWhitespace).map(String.init)
        return words[0] + " ~ " + (words.count > 1 ? words.dropFirst().joined(separator: " + ") : "1")
    }
}
