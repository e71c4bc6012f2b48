/// The Abadie–Imbens variance of a nearest-neighbour matching ATT, which accounts for how often
/// each control is reused, with the conditional variances estimated by matching within each arm.
///
/// For matched treated units t (N₁ of them) with control sets 𝒥(t) of size M_t, the ATT without bias
/// adjustment is `τ̂ = (1/N₁) Σ_t (Y_t − Ŷ_t(0))`, `Ŷ_t(0) = (1/M_t) Σ_{j∈𝒥(t)} Y_j`. Each control c
/// enters with `k_c = Σ_{t: c∈𝒥(t)} 1/M_t` (K_M(c)/M with a fixed M) and `q_c = Σ_{t: c∈𝒥(t)} 1/M_t²`
/// (K_M(c)/M²). With σ̂²ᵢ the within-arm matching estimate of σ²(Xᵢ, Wᵢ),
///
///     V_sample     = (1/N₁²) [ Σ_t σ̂²_t + Σ_c k_c² σ̂²_c ],
///     V_population = (1/N₁²) [ Σ_t (Y_t − Ŷ_t(0) − τ̂)² + Σ_c (k_c² − q_c) σ̂²_c ],
///
/// the variance of τ̂ for the sample ATT (conditional on the covariates and treatments) and for the
/// population ATT (Abadie & Imbens 2006, "Large sample properties of matching estimators for average
/// treatment effects", Econometrica 74(1), Theorems 6–7 and §4; with a fixed M, `k_c² − q_c =
/// K_M(c)(K_M(c) − 1)/M²` as in their ATT estimator). The treated term of V_population already
/// carries each matched control's noise `q_c σ²_c` once, hence `k_c² − q_c` for the rest.
///
/// Conditional variance (AI 2006, §4): unit i is matched to the J nearest *other* units of its
/// own arm on the same distance, `σ̂²ᵢ = J/(J + 1)·(Yᵢ − (1/J) Σ_{l∈ℒ_J(i)} Y_l)²`. J = 1 by default
/// (the choice R `Matching::Match(Var.calc = J)` and Stata `teffects nnmatch, vce(robust, nn(J))`
/// expose; small J keeps the estimate local). Within-arm ties go to the lowest row, as the matcher's.
///
/// No bias adjustment (Abadie & Imbens 2011) is applied: the match is on one scalar (the propensity
/// score or its logit), for which the matching discrepancy bias is O(N⁻¹), below the N^{−1/2} noise.
/// The score is treated as known: Abadie & Imbens (2016, Econometrica 84(2)) show that for the ATT
/// ignoring its estimation can err in either direction. The theory is for matching with replacement;
/// without replacement every k_c ≤ 1 and the formula is the variance given the (greedy) matches.
/// Reference: `datasets/reference/matching_ai.json` (an independent numpy computation).
public struct MatchingAbadieImbensVariance: Sendable, Equatable {
    /// J, the within-arm matches behind each conditional variance.
    public let neighbours: Int
    /// N₁, the matched treated units the ATT averages over.
    public let matchedTreatedCount: Int
    /// The matching ATT τ̂ = mean of `Y_t − Ŷ_t(0)` (the result's effect, summed in another order).
    public let effect: Double
    /// Per used row: k_c for a control used as a match (Σ over its sets of 1/M_t), else 0.
    public let matchUse: [Double]
    /// Per used row: σ̂²ᵢ for units in the matched sample (matched treated, used controls), else 0.
    public let conditionalVariance: [Double]
    /// V_sample: the variance of τ̂ around the sample ATT, given covariates and treatments.
    public let sampleVariance: Double
    /// V_population: the variance of τ̂ around the population ATT.
    public let populationVariance: Double
    /// Per used row, the linearised contribution ψᵢ with `(1/N₁²) Σᵢ ψᵢ² = V_population`: for a matched
    /// treated unit `Y_t − Ŷ_t(0) − τ̂`, for a used control `−√(k_c² − q_c)·ê_c` with
    /// `ê_c = √(J/(J+1))·(Y_c − Ȳ_{ℒ_J(c)})` (so `ê_c² = σ̂²_c`), else 0. The weighted bootstrap perturbs
    /// these (see `IsolationMatching`).
    public let contributions: [Double]

    /// A variance from its parts (built by `ControlGroupComparison.abadieImbensVariance(_:neighbours:)`).
    public init(
        neighbours: Int, matchedTreatedCount: Int, effect: Double, matchUse: [Double], conditionalVariance: [Double],
        sampleVariance: Double, populationVariance: Double, contributions: [Double]
    ) {
        precondition(neighbours >= 1 && matchedTreatedCount >= 1, "J and N₁ must be at least 1")
        precondition(
            matchUse.count == conditionalVariance.count && matchUse.count == contributions.count,
            "one value per used row")
        self.neighbours = neighbours
        self.matchedTreatedCount = matchedTreatedCount
        self.effect = effect
        self.matchUse = matchUse
        self.conditionalVariance = conditionalVariance
        self.sampleVariance = sampleVariance
        self.populationVariance = populationVariance
        self.contributions = contributions
    }

    /// √V_sample.
    public var sampleStandardError: Double { sampleVariance.squareRoot() }
    /// √V_population.
    public var populationStandardError: Double { populationVariance.squareRoot() }
    /// Label for summaries, e.g. `Abadie–Imbens (population ATT, J = 1, no bias adjustment)`.
    public func label(population: Bool = true) -> String {
        "Abadie–Imbens (\(population ? "population" : "sample") ATT, J = \(neighbours), no bias adjustment)"
    }
}
