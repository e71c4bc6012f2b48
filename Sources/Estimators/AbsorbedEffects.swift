import Inference
import ModelSpec

/// One absorbed fixed effect as a fit reports it.
public struct AbsorbedEffect: Sendable, Equatable, CustomStringConvertible {
    /// The column name (`unit`).
    public let name: String
    /// Levels present in the rows used.
    public let levelCount: Int
    /// Levels not identified given the earlier factors ("references", fixest `fixef()`
    /// attribute): 0 for the first factor; then per `SmallSampleConvention.exactRedundancy`.
    public let redundantLevels: Int

    /// `unit (200 levels)`, `month (24 levels, 1 redundant)`.
    public var description: String {
        let levels = "\(StatisticsText.count(levelCount)) level\(levelCount == 1 ? "" : "s")"
        return redundantLevels == 0 ? "\(name) (\(levels))" : "\(name) (\(levels), \(redundantLevels) redundant)"
    }
}

/// What a fit with absorbed fixed effects (`y ~ x | unit + month`) reports about them: the
/// factors and their parameter count, the singletons dropped, how the projection converged,
/// the within R², and the small-sample convention its covariances use.
public struct AbsorbedEffects: Sendable {
    /// The factors in formula order.
    public let effects: [AbsorbedEffect]
    /// Connected components of the bipartite graph of the first two factors' levels (1 for a
    /// connected panel); `nil` with a single factor. With `exactRedundancy` it is the second
    /// factor's `redundantLevels`.
    public let connectedComponents: Int?
    /// Rows dropped as singletons (already in the fit's `observations`).
    public let singletonsDropped: Int
    /// `1 − SSR / Σ wᵢ ỹᵢ²`, ỹ the demeaned outcome: the share of the within variation explained
    /// by the regressors (fixest `wr2`, pyfixest `_r2_within`).
    public let withinRSquared: Double
    /// `1 − (1 − within R²)(N − K_fe)/(N − k − K_fe)` (pyfixest `_adj_r2_within`).
    public let adjustedWithinRSquared: Double
    /// The projection settings used.
    public let demeaning: DemeaningOptions
    /// Largest number of projection sweeps any column needed.
    public let sweeps: Int
    /// Columns (outcome or regressors) whose projection did not meet the tolerance.
    public let unconvergedColumns: [String]
    /// The small-sample convention of this fit's covariances.
    public let convention: SmallSampleConvention
    /// The factors' codes, for the nesting checks of clustered covariances.
    let factors: [FixedEffectFactor]

    /// K_fe = Σ (levels − redundant levels): the fixed-effect parameters of the full model.
    public var parameterCount: Int { effects.reduce(0) { $0 + $1.levelCount - $1.redundantLevels } }

    /// The same effects counted under another convention (redundancy may change).
    func with(convention: SmallSampleConvention) -> AbsorbedEffects {
        let references = FixedEffectRedundancy.references(factors, exact: convention.exactRedundancy)
        return AbsorbedEffects(
            effects: zip(effects, references).map {
                AbsorbedEffect(name: $0.name, levelCount: $0.levelCount, redundantLevels: $1)
            },
            connectedComponents: connectedComponents, singletonsDropped: singletonsDropped,
            withinRSquared: withinRSquared, adjustedWithinRSquared: adjustedWithinRSquared, demeaning: demeaning,
            sweeps: sweeps, unconvergedColumns: unconvergedColumns, convention: convention, factors: factors)
    }
}

extension AbsorbedEffects: CustomStringConvertible {
    /// `unit (200 levels), month (24 levels, 1 redundant); K_fe = 223; 3 singletons dropped`.
    public var description: String {
        var text = effects.map(\.description).joined(separator: ", ")
        text += "; K_fe = \(StatisticsText.count(parameterCount))"
        if singletonsDropped > 0 {
            text += "; \(StatisticsText.count(singletonsDropped)) singleton\(singletonsDropped == 1 ? "" : "s") dropped"
        }
        return text
    }
}
