/// Problems with the session's analysis commands (`bootstrap`, `roi`, `report`), each saying what
/// is wrong and what to do.
///
/// Problems of the data or of the ROI inputs keep their own types: the CSV reader's `DataError`,
/// the fit's errors, and Attribution's `AttributionError` (mixed currencies, negative costs, …).
public enum SessionAnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An option the command does not take; `suggestion` is the closest one it does.
    case unknownOption(command: String, option: String, suggestion: String?)
    /// A required option is missing.
    case missingOption(command: String, option: String, example: String)
    /// `roi` before any `bootstrap` in this session.
    case noBootstrap
    /// `roi COEF` names no coefficient of the last bootstrap.
    case unknownCoefficient(name: String, suggestion: String?, available: [String])
    /// A cluster bootstrap needs at least two clusters.
    case tooFewClusters(column: String, count: Int)
    /// A cluster lies in more than one stratum, so whole clusters cannot be drawn within strata.
    case clusterSpansStrata(cluster: String, value: String, strata: String)
    /// A line of a cost file that cannot be used.
    case costFile(file: String, line: Int, problem: String)
    /// `report` to a file that is neither HTML nor Markdown.
    case reportFormat(file: String)

    /// The problem and the fix.
    public var description: String {
        switch self {
        case .unknownOption(let command, let option, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(command): unknown option '\(option)'.\(hint) Type 'help \(command)' for its options."
        case .missingOption(let command, let option, let example):
            return "\(command): the option \(option)(…) is required, e.g. \(example)"
        case .noBootstrap:
            return "roi carries a bootstrap estimate through the ROI chain, and this session has none yet; "
                + "run `bootstrap, reps(999) seed(1): regress Y X …` first."
        case .unknownCoefficient(let name, let suggestion, let available):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "The last bootstrap has no coefficient '\(name)'.\(hint) Its coefficients: \(available.joined(separator: ", "))."
        case .tooFewClusters(let column, let count):
            return "A cluster bootstrap needs at least 2 clusters; '\(column)' has \(count) in the estimation sample. "
                + "Drop cluster(…) to resample rows, or cluster by a finer column."
        case .clusterSpansStrata(let cluster, let value, let strata):
            return "Cluster \(cluster) = \(value) lies in more than one stratum of '\(strata)', so whole clusters cannot be "
                + "drawn within strata. Stratify by a column that is constant within each cluster."
        case .costFile(let file, let line, let problem):
            return "\(file):\(line): \(problem)"
        case .reportFormat(let file):
            return "report writes HTML (.html) or Markdown (.md); '\(file)' has neither extension."
        }
    }
}
