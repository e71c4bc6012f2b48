import Foundation

extension Session {
    /// Tab completion inside `bootstrap` and `roi` lines, or nil for other commands.
    ///
    /// `bootstrap`: before the colon, its option names (`reps(`, `cluster(`, …) or, inside
    /// `cluster(`/`strata(`, column names; just after the colon `regress`; then column names, and
    /// after the model's comma `vcov(` and `weights(`. `roi`: before the comma, the last
    /// bootstrap's coefficient names (whole, colons included); after it, the option names, and
    /// file names inside `costs(`.
    func analysisCompletions(command: String, text: String) -> SessionCompletion? {
        guard command == "bootstrap" || command == "roi" else { return nil }
        let word = Session.completionWord(in: text)
        let before = String(text.dropLast(word.count))
        let inValue = before.last == "(" || before.last == ":"
        let columns = frame?.columnNames ?? []
        if command == "roi" {
            guard StataOptions.firstIndex(of: ",", outsideQuotesIn: before) != nil else {
                // Coefficient names hold colons (trained_team:post): complete the whole last word.
                let whole = String(text.reversed().prefix { !$0.isWhitespace }.reversed())
                return SessionCompletion(word: whole, candidates: record.lastEstimate?.coefficients.map(\.name) ?? [])
            }
            if before.hasSuffix("costs(") { return SessionCompletion(word: word, candidates: Session.fileNames(matching: word)) }
            return SessionCompletion(word: word, candidates: inValue ? [] : Session.roiOptions.map { $0 + "(" })
        }
        guard let colon = StataOptions.firstIndex(of: ":", outsideQuotesIn: before) else {
            let options = RegressionBootstrap.optionNames.map { $0 + "(" }
            return SessionCompletion(word: word, candidates: inValue ? columns : options)
        }
        let model = String(before[before.index(after: colon)...])
        if model.trimmingCharacters(in: .whitespaces).isEmpty { return SessionCompletion(word: word, candidates: ["regress"]) }
        if StataOptions.firstIndex(of: ",", outsideQuotesIn: model) != nil, !inValue {
            return SessionCompletion(word: word, candidates: RegressionBootstrap.regressOptionNames.map { $0 + "(" })
        }
        return SessionCompletion(word: word, candidates: columns)
    }
}
