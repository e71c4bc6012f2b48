/// The choices of greedy 1:k nearest-neighbour matching on the estimated propensity score, for the ATT.
///
/// Defaults follow MatchIt 4 `matchit(method = "nearest")`: 1:1, without replacement, distance = the
/// propensity score, treated units matched from the largest score down (`m.order = "largest"`), no
/// caliper; a caliper is in standard deviations of the distance (`std.caliper = TRUE`), the SD taken
/// over all used rows with the `n − 1` denominator (MatchIt `sd(distance)`), and a pair is admissible
/// when its distance is at most the caliper width.
///
/// Ties (stated rule, deterministic): among controls at exactly the same distance from a treated
/// unit the one in the lowest row wins; among treated units with exactly the same score the one in
/// the lowest row is matched first. Ties are not split with fractional weights (Abadie–Imbens keep
/// all tied controls; MatchIt and this workbench do not).
public struct NearestNeighbourMatchingSpecification: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// What "near" is measured on.
    public enum Distance: String, Sendable, Equatable, Hashable, CustomStringConvertible {
        /// `|p̂ᵢ − p̂ⱼ|` (MatchIt `distance = "glm"`, its default).
        case propensityScore = "propensity score"
        /// `|logit p̂ᵢ − logit p̂ⱼ| = |xᵢᵀγ̂ − xⱼᵀγ̂|` (MatchIt `link = "linear.logit"`; Rosenbaum & Rubin 1985
        /// and Austin 2011 recommend a caliper of 0.2 SD on this scale).
        case linearPropensityScore = "linear propensity score (logit)"

        public var description: String { rawValue }
    }

    /// The order in which treated units pick their controls (matters only without replacement).
    public enum Order: String, Sendable, Equatable, Hashable, CustomStringConvertible {
        /// Largest distance value (score) first, ties by row (MatchIt `m.order = "largest"`, its default).
        case largestFirst = "largest score first"
        /// Row order of the data (MatchIt `m.order = "data"`).
        case dataOrder = "data order"

        public var description: String { rawValue }
    }

    /// Controls per treated unit, `k ≥ 1`.
    public var ratio: Int
    /// Whether a control may serve several treated units.
    public var replacement: Bool
    /// Caliper in standard deviations of the distance; `nil` for none.
    public var caliper: Double?
    /// The distance measure.
    public var distance: Distance
    /// Greedy matching order.
    public var order: Order

    /// A specification; `ratio ≥ 1` and a positive caliper are required (programmer errors trap).
    public init(
        ratio: Int = 1, replacement: Bool = false, caliper: Double? = nil, distance: Distance = .propensityScore,
        order: Order = .largestFirst
    ) {
        precondition(ratio >= 1, "The matching ratio must be at least 1")
        if let caliper { precondition(caliper > 0 && caliper.isFinite, "The caliper must be positive") }
        self.ratio = ratio
        self.replacement = replacement
        self.caliper = caliper
        self.distance = distance
        self.order = order
    }

    /// E.g. `"1:2 nearest-neighbour matching on the propensity score without replacement, caliper 0.2 SD,
    /// largest score first"`.
    public var description: String {
        var text =
            "1:\(ratio) nearest-neighbour matching on the \(distance) "
            + (replacement ? "with replacement" : "without replacement")
        if let caliper { text += ", caliper \(caliper) SD" }
        // The order matters only when a control can be used once.
        if !replacement { text += ", \(order)" }
        return text
    }
}
