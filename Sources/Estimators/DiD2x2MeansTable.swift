import Inference

/// The 2×2 table of outcome means by group and period, and the double difference.
///
/// `DiD = (ȳ_T,post − ȳ_T,pre) − (ȳ_C,post − ȳ_C,pre)`; without covariates it equals the
/// interaction coefficient of `y ~ treated + post + treated:post` exactly (the model is saturated).
public struct DiD2x2MeansTable: Sendable, Equatable, CustomStringConvertible {
    /// Mean and count of one cell.
    public struct Cell: Sendable, Equatable {
        /// Mean outcome of the cell.
        public let mean: Double
        /// Number of observations in the cell.
        public let count: Int
        /// A cell from its mean and count.
        public init(mean: Double, count: Int) {
            self.mean = mean
            self.count = count
        }
    }

    /// Comparison group, pre period.
    public let controlPre: Cell
    /// Comparison group, post period.
    public let controlPost: Cell
    /// Treated group, pre period.
    public let treatedPre: Cell
    /// Treated group, post period.
    public let treatedPost: Cell
    /// Outcome name, for the printed table.
    public let outcome: String

    /// A table from its four cells.
    public init(outcome: String, controlPre: Cell, controlPost: Cell, treatedPre: Cell, treatedPost: Cell) {
        self.outcome = outcome
        self.controlPre = controlPre
        self.controlPost = controlPost
        self.treatedPre = treatedPre
        self.treatedPost = treatedPost
    }

    /// `ȳ_T,post − ȳ_T,pre`.
    public var treatedChange: Double { treatedPost.mean - treatedPre.mean }
    /// `ȳ_C,post − ȳ_C,pre`.
    public var controlChange: Double { controlPost.mean - controlPre.mean }
    /// `ȳ_T,pre − ȳ_C,pre`.
    public var preDifference: Double { treatedPre.mean - controlPre.mean }
    /// `ȳ_T,post − ȳ_C,post`.
    public var postDifference: Double { treatedPost.mean - controlPost.mean }
    /// The difference-in-differences `treatedChange − controlChange`.
    public var doubleDifference: Double { treatedChange - controlChange }

    /// Aligned table: rows treated / comparison / difference, columns pre, post, change, with counts.
    public var description: String {
        let values = StatisticsText.column(
            [
                treatedPre.mean, treatedPost.mean, treatedChange,
                controlPre.mean, controlPost.mean, controlChange,
                preDifference, postDifference, doubleDifference,
            ], significant: 6)
        func n(_ c: Cell) -> String { StatisticsText.count(c.count) }
        return StatisticsText.alignedTable(
            header: ["mean of \(outcome)", "pre", "post", "change", "n pre", "n post"],
            rows: [
                ["treated", values[0], values[1], values[2], n(treatedPre), n(treatedPost)],
                ["comparison", values[3], values[4], values[5], n(controlPre), n(controlPost)],
                ["difference", values[6], values[7], values[8], "", ""],
            ])
    }
}
