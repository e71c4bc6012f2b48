import DataFrameModule
import Foundation
import Inference

/// The text form of a covariance choice used by the CLI's `--vcov` and the REPL:
/// `classical | hc0 | hc1 | hc2 | hc3 | cluster:COL[+COL2[+COL3]] | cr2:COL | cr3:COL`.
///
/// Names follow the usual labels (statsmodels `cov_type`, R `sandwich::vcovHC(type =)`);
/// `cluster:` gives CR1 with the Stata small-sample factor G/(G−1)·(N−1)/(N−K), one-, two- or
/// three-way (Cameron, Gelbach & Miller 2011); `cr2:` is Bell–McCaffrey CR2 and `cr3:` the cluster
/// jackknife, as R clubSandwich `vcovCR(type = "CR2" | "CR3")`, for few clusters.
public enum CovarianceSyntax {
    /// The accepted forms, for help texts.
    public static let forms = "classical|hc0|hc1|hc2|hc3|cluster:COL[+COL2[+COL3]]|cr2:COL|cr3:COL"

    private static let simple: [String: CovarianceType] = [
        "classical": .classical, "hc0": .hc0, "hc1": .hc1, "hc2": .hc2, "hc3": .hc3,
    ]

    /// The covariance type `text` names. Type names are case-insensitive; column names are not.
    public static func parse(_ text: String) throws -> CovarianceType {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let type = simple[trimmed.lowercased()] { return type }
        for (prefix, correction) in [("cr2:", SmallSampleCorrection.cr2), ("cr3:", .cr3)]
        where trimmed.lowercased().hasPrefix(prefix) {
            let column = trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            guard !column.isEmpty, !column.contains("+") else {
                throw CovarianceSyntaxError(
                    text: text, message: "\(prefix.dropLast().uppercased()) takes exactly one cluster column, e.g. \(prefix)team_id")
            }
            return .clustered(by: [column], correction: correction)
        }
        if trimmed.lowercased().hasPrefix("cluster:") {
            let columns = trimmed.dropFirst("cluster:".count).split(separator: "+", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard (1...3).contains(columns.count), columns.allSatisfy({ !$0.isEmpty }) else {
                throw CovarianceSyntaxError(
                    text: text,
                    message: "name one to three cluster columns, e.g. cluster:team_id or cluster:firm+year")
            }
            guard Set(columns).count == columns.count else {
                throw CovarianceSyntaxError(text: text, message: "the cluster columns must differ")
            }
            return .clustered(by: columns, correction: .stata)
        }
        let known = Array(simple.keys).sorted() + ["cluster", "cr2", "cr3"]
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
