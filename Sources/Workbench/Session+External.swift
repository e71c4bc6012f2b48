import Foundation

extension Session {
    /// Runs a host command on the rest of the line.
    ///
    /// The words are split as a shell would. When they do not start with a data file (that is,
    /// they are empty or start with an option), the session's data file is put in front, so
    /// `eventstudy --outcome y …` runs on the current dataset. For `regress`, a leading formula in
    /// Stata's form `regress y ~ x1 + x2, vcov(cluster:team) weights(w)` becomes
    /// `--formula "y ~ x1 + x2" --vcov cluster:team --weights w`.
    mutating func runExternal(_ command: SessionExternalCommand, _ rest: String) throws -> String {
        let name = command.command.name
        var words: [String]
        // A formula comes before any option: `regress y ~ x, …`, not `regress data.csv --formula …`.
        let beforeOptions = rest.range(of: " --").map { rest[..<$0.lowerBound] } ?? rest[...]
        if command.takesLeadingFormula, !rest.hasPrefix("-"), beforeOptions.contains("~") {
            words = try Session.optionWords(fromStataStyle: rest, command: name)
        } else {
            words = try SessionTokenizer.words(rest)
        }
        let asksForHelp = words.contains("--help") || words.contains("-h")
        if !asksForHelp, words.first.map({ $0.hasPrefix("-") }) ?? true {
            words.insert(try currentDataFile(for: name), at: 0)
        }
        return try command.run(words)
    }

    /// The option words of a Stata-style line `FORMULA [, name(value) ... flag ...]`: the formula
    /// becomes `--formula FORMULA`, each `name(value)` becomes `--name value` and a bare word
    /// `--word`. The comma is the first one outside parentheses and quotes, so
    /// `C(region, ref = "North")` stays in the formula.
    public static func optionWords(fromStataStyle text: String, command: String) throws -> [String] {
        let split = StataOptions.firstIndex(of: ",", outsideQuotesIn: text)
        let formula = String(text[..<(split ?? text.endIndex)]).trimmingCharacters(in: .whitespaces)
        var words = ["--formula", formula]
        guard let split else { return words }
        var options = text[text.index(after: split)...]
        let usage = "\(command) FORMULA [, option(value) ...]"
        while let start = options.firstIndex(where: { !$0.isWhitespace }) {
            options = options[start...]
            let nameEnd = options.firstIndex(where: { $0 == "(" || $0.isWhitespace }) ?? options.endIndex
            let name = String(options[..<nameEnd])
            guard nameEnd < options.endIndex, options[nameEnd] == "(" else {
                words.append("--" + name)
                options = options[nameEnd...]
                continue
            }
            guard let close = options[nameEnd...].firstIndex(of: ")") else {
                throw SessionError.usage(command: command, problem: "the option '\(name)(' is not closed", usage: usage)
            }
            words += ["--" + name, String(options[options.index(after: nameEnd)..<close])]
            options = options[options.index(after: close)...]
        }
        return words
    }
}
