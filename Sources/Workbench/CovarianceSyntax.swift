import DataFrameModule
import Foundation
import Inference

/// The text form of a covariance choice used by the CLI's `--vcov` and the REPL:
/// `classical | hc0 | hc1 | hc2 | hc3 | cluster:COL | cluster:COL1+COL2`.
///
/// Names follow the usual labels (statsmodels `cov_type`, R `sandwich::vcovHC(type =)`);
/// `cluster:` gives CR1 with the Stata small-sample factor G/(G−1)·(N−1)/(N−K), one- or two-way
/// (Cameron, Gelbach & Miller 2011).
public enum CovarianceSyntax {
    /// The accepted forms, for help texts.
    public static let forms = "classical|hc0|hc1|hc2|hc3|cluster:COL[+COL2]"

    private static let simple: [String: CovarianceType] = [
        "classical": .classical, "hc0": .hc0, "hc1": .hc1, "hc2": .hc2, "hc3": .hc3,
    ]

    /// The covariance type `text` names. Type names are case-insensitive; column names are not.
    public static func parse(_ text: String) throws -> CovarianceType {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let type = simple[trimmed.lowercased()] { return type }
        if trimmed.lowercased().hasPrefix("cluster:") {
            let columns = trimmed.dropFirst("cluster:".count).split(separator: "+", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard (1...2).contains(columns.count), columns.allSatisfy({ !$0.isEmpty }) else {
                throw CovarianceSyntaxError(
                    text: text, message: "name one or two cluster columns, e.g. cluster:team_id or cluster:firm+year")
            }
            guard columns.count == 1 || columns[0] != columns[1] else {
                throw CovarianceSyntaxError(text: text, message: "the two cluster columns must differ")
            }
            return .clustered(by: columns, correction: .stata)
        }
        let known = Array(simple.keys).sorted() + ["cluster"]
        let hint = closestName(to: trimmed.split(separator: ":").first.map(String.init) ?? trimmed, among: known)
        throw CovarianceSyntaxError(
            text: text,
            message: "expected one of \(forms)" + (hint.map { "; did you mean '\($0)'?" } ?? ""))
    }
}

/// A `--vcov` value that does not parse.
public struct CovarianceSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text given.
    public let text: String
    /// What is wrong and what to write instead.
    public let message: String

    public var description: String { "Invalid covariance '\(text)': \(message)." }
}
