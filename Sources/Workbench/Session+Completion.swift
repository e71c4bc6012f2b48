import Foundation

extension Session {
    /// Characters that end a word for completion: whitespace and the operators of formulas,
    /// expressions and conditions, so `summarize sal`, `generate y = log(sal` and
    /// `regress sales ~ trained_team * po` all complete the last name.
    private static let completionBreaks = Set(" \t()+-*/^=,~:<>!|&×÷\"'")

    /// The completions of the last word of `text` (the line up to the cursor).
    ///
    /// The first word completes to command names; the word after `use`, `save`, `run` or `report`
    /// (all the text after the last space) to file names; inside `bootstrap` and `roi`, options,
    /// coefficients and columns (`analysisCompletions`); any other word (the text after the last
    /// space or operator) to the dataset's column names. Every candidate starts with `word`; they
    /// are sorted.
    public func completions(for text: String) -> SessionCompletion {
        // A comma also ends the command word (`bootstrap, reps(…)`).
        let before = text.prefix(while: { !$0.isWhitespace && $0 != "," })
        let isFirstWord = before.count == text.count
        if !isFirstWord, let analysis = analysisCompletions(command: String(before), text: text) { return analysis }
        if !isFirstWord, ["use", "save", "run", "report"].contains(String(before)) {
            let word = String(text.reversed().prefix { !$0.isWhitespace }.reversed())
            return SessionCompletion(word: word, candidates: Session.fileNames(matching: word))
        }
        let word = Session.completionWord(in: text)
        let candidates = isFirstWord ? commandNames : (frame?.columnNames ?? [])
        return SessionCompletion(word: word, candidates: candidates)
    }

    /// The end of `text` after the last space or operator.
    static func completionWord(in text: String) -> String {
        String(text.reversed().prefix { !completionBreaks.contains($0) }.reversed())
    }

    /// Paths that start with `partial`: entries of its folder, folders with a trailing `/`.
    static func fileNames(matching partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let folder = slash.map { String(partial[...$0]) } ?? ""
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return entries.filter { !$0.hasPrefix(".") }.map { entry in
            var isDirectory: ObjCBool = false
            let path = folder + entry
            _ = manager.fileExists(atPath: path, isDirectory: &isDirectory)
            return isDirectory.boolValue ? path + "/" : path
        }
    }
}

/// What Tab completes: the partial word before the cursor and the whole words that could replace it.
public struct SessionCompletion: Sendable, Equatable {
    /// The partial word at the end of the text.
    public let word: String
    /// The candidates that start with `word`, sorted and without duplicates.
    public let candidates: [String]

    /// The completions of `word` among `candidates` (those that do not start with it are left out).
    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
    }
}
