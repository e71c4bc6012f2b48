/// The Goodman-Bacon (2021) decomposition of a static two-way fixed-effects DiD coefficient.
///
/// The TWFE coefficient β̂ of `y_it = α_i + λ_t + β D_it + ε_it` on a balanced panel with
/// staggered, absorbing treatment is the weighted sum `β̂ = Σ s_j β̂_j` of every 2×2 DiD
/// comparison j between two timing groups, with variance weights `s_j ≥ 0` that sum to one
/// (Goodman-Bacon 2021, *J. Econometrics* 225(2), Theorem 1); the decomposition R
/// `bacondecomp::bacon` and Stata `bacondecomp` report (neither was run here: checked against an
/// independent implementation and the TWFE identity instead).
public struct GoodmanBaconDecomposition: Sendable, Equatable {
    /// A set of units sharing one treatment path (Goodman-Bacon's "timing group").
    public enum Group: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// Untreated in every period of the panel (no cohort, or a cohort after the last period).
        case neverTreated
        /// Treated in every period of the panel (a cohort at or before the first period).
        case alwaysTreated
        /// First treated in this period of the panel (strictly after the first period).
        case cohort(Double)

        public var description: String {
            switch self {
            case .neverTreated: return "never treated"
            case .alwaysTreated: return "always treated"
            case .cohort(let g): return "cohort \(GoodmanBaconDecomposition.periodText(g))"
            }
        }
    }

    /// The kind of a 2×2 comparison (labels after R `bacondecomp`'s comparison types).
    public enum ComparisonType: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
        /// A timing group against the never treated over the whole panel (`s_kU`).
        case treatedVsNeverTreated = "Treated vs Never Treated"
        /// An earlier group against a later one that is still untreated (`s^k_kl`, window before
        /// the later group's treatment).
        case earlierVsLaterTreated = "Earlier vs Later Treated"
        /// A later group against an earlier one that is already treated (`s^l_kl`, window after
        /// the earlier group's treatment): the "forbidden" comparison, biased when effects change
        /// over time because the control's own effect moves.
        case laterVsEarlierTreated = "Later vs Earlier Treated"
        /// A timing group against the always treated over the whole panel (also forbidden).
        case laterVsAlwaysTreated = "Later vs Always Treated"

        public var description: String { rawValue }

        /// Whether the control group is already treated in the comparison window.
        public var usesTreatedControls: Bool { self == .laterVsEarlierTreated || self == .laterVsAlwaysTreated }
    }

    /// One 2×2 DiD between two timing groups.
    public struct Comparison: Sendable, Equatable {
        /// Kind of comparison.
        public let type: ComparisonType
        /// The group whose treatment switches on inside the window.
        public let treated: Group
        /// The group whose treatment status is constant inside the window.
        public let control: Group
        /// First and last period of the window the 2×2 uses.
        public let window: ClosedRange<Double>
        /// The 2×2 DiD `(ȳ_T,post − ȳ_T,pre) − (ȳ_C,post − ȳ_C,pre)` of group-period means.
        public let estimate: Double
        /// Its weight `s_j` in the TWFE coefficient (Theorem 1; all weights sum to one).
        public let weight: Double
        /// Units in the treated group.
        public let treatedUnits: Int
        /// Units in the control group.
        public let controlUnits: Int
    }

    /// Total weight and weighted mean 2×2 estimate of one comparison type.
    public struct TypeSummary: Sendable, Equatable {
        /// Kind of comparison.
        public let type: ComparisonType
        /// Number of 2×2 comparisons of this kind.
        public let count: Int
        /// `Σ s_j` over the comparisons of this kind.
        public let weight: Double
        /// `Σ s_j β̂_j / Σ s_j` (NaN when the total weight is zero).
        public let estimate: Double
    }

    /// Every 2×2 comparison with positive weight, treated-vs-never first, then by groups.
    public let comparisons: [Comparison]
    /// The TWFE coefficient computed directly, `Σ D̃_it y_it / Σ D̃_it²` with `D̃` the two-way
    /// demeaned treatment (Frisch–Waugh–Lovell).
    public let twfeEstimate: Double
    /// `Σ s_j β̂_j`; equals `twfeEstimate` up to rounding (Theorem 1).
    public let weightedSum: Double
    /// `V̂^D = (1/NT) Σ D̃_it²`, the variance of the two-way demeaned treatment (the weights' denominator).
    public let treatmentVariance: Double
    /// Units of the panel.
    public let unitCount: Int
    /// Periods of the panel.
    public let periodCount: Int
    /// Units per timing group.
    public let groupSizes: [Group: Int]

    /// Weights and weighted estimates summed by comparison type, in `ComparisonType.allCases` order
    /// (types without comparisons are left out).
    public var typeSummaries: [TypeSummary] {
        ComparisonType.allCases.compactMap { type in
            let members = comparisons.filter { $0.type == type }
            guard !members.isEmpty else { return nil }
            let weight = members.reduce(0) { $0 + $1.weight }
            let sum = members.reduce(0) { $0 + $1.weight * $1.estimate }
            return TypeSummary(type: type, count: members.count, weight: weight, estimate: weight > 0 ? sum / weight : .nan)
        }
    }

    /// The summary of one comparison type, if the panel has such comparisons.
    public func summary(for type: ComparisonType) -> TypeSummary? { typeSummaries.first { $0.type == type } }

    /// Total weight on comparisons whose controls are already treated ("forbidden" comparisons).
    public var forbiddenWeight: Double {
        comparisons.filter(\.type.usesTreatedControls).reduce(0) { $0 + $1.weight }
    }

    /// A period value without a trailing `.0` for whole numbers.
    static func periodText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
