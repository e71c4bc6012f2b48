/// Problems in the level 1–3 data (reaction, learning, application), each with advice.
public enum ImpactLevelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer usable observations than the summary needs.
    case tooFewObservations(measure: String, count: Int, minimum: Int)
    /// A rating outside the stated scale (1-based row).
    case outsideScale(measure: String, row: Int, value: Double, lower: Double, upper: Double)
    /// Pre and post scores of different lengths: they are not pairs.
    case unpairedScores(pre: Int, post: Int)
    /// Every pair changed by the same amount, so d_z and t are undefined.
    case constantChange(change: Double)
    /// A scale whose lower end is not below its upper end, or a threshold outside it.
    case invalidScale(lower: Double, upper: Double, threshold: Double)
    /// A level 1–3 data file whose column is absent or not usable (named with the file).
    case unusableColumn(file: String, column: String, problem: String)

    public var description: String {
        switch self {
        case .tooFewObservations(let measure, let count, let minimum):
            return "The \(measure) data have \(count) usable observations; at least \(minimum) are needed. "
                + "Collect more responses or leave this level out (guiding principle 2: lower levels need not be comprehensive)."
        case .outsideScale(let measure, let row, let value, let lower, let upper):
            return "Row \(row) of the \(measure) data is \(value), outside the scale \(lower)–\(upper). "
                + "Correct the entry or state the right scale."
        case .unpairedScores(let pre, let post):
            return "There are \(pre) pre-training and \(post) post-training scores. "
                + "A paired comparison needs one pre and one post score per participant: align them by participant (missing scores as NaN)."
        case .constantChange(let change):
            return
                "Every participant's score changed by exactly \(change), so the standard deviation of the changes is 0 and the effect size and t test are undefined. "
                + "Check the assessment data."
        case .unusableColumn(let file, let column, let problem):
            return "\(file): column '\(column)' \(problem)."
        case .invalidScale(let lower, let upper, let threshold):
            return
                "The scale \(lower)–\(upper) with favourable threshold \(threshold) is invalid: need lower < upper and the threshold within the scale."
        }
    }
}
