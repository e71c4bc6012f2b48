import Estimators
import Inference

/// Trend-line projection (interrupted time series) as an isolation method: the mean over the
/// observed post-interruption periods of the modelled effect β2 + β3·(t − T0),
///
///     effect = β2 + β3·mean_{t ≥ T0}(t − T0),
///
/// the average gap between the series and its extrapolated pre-trend (Wagner et al. 2002), with
/// its Newey–West SE and normal interval from `InterruptedTimeSeriesResult.linearCombination`.
///
/// Replicates: a moving-block residual bootstrap of the segmented regression (Künsch 1989, Ann.
/// Statist. 17(3); Lahiri 2003, *Resampling Methods for Dependent Data*, ch. 2). Replicate r draws
/// ⌈T/ℓ⌉ blocks of ℓ consecutive residuals with uniform starts from `RandomStream(seed, r)`
/// (`ResamplingPlan.movingBlock`, R `tsboot(sim = "fixed")`), concatenates and cuts them to T, builds
///
///     y*_t = ŷ_t + e*_t,
///
/// refits the segmented regression on the same periods and records its effect. Blocks keep the
/// serial dependence of the errors within ℓ periods. Default ℓ = ⌈T^{1/3}⌉, the rate that minimises
/// the MSE of the block bootstrap variance (Lahiri 2003, §7.2; Hall, Horowitz & Jing 1995). Each
/// refit is a four-column least squares, so replicates run in order on one thread and depend only on
/// (seed, r); `IsolationBootstrap.threads` is not needed. The comparative design
/// (`InterruptedTimeSeries.fitComparative`) has no adapter here.
public struct IsolationInterruptedTimeSeries: IsolationMethod {
    /// Periods of the series.
    public let time: [Double]
    /// The KPI series (e.g. the trained group's monthly mean).
    public let outcome: [Double]
    /// Interruption, lag and level.
    public let specification: InterruptedTimeSeriesSpecification
    /// The KPI's name.
    public let kpi: String
    /// Block length ℓ of the residual bootstrap; `nil` for ⌈T^{1/3}⌉.
    public let blockLength: Int?

    /// The trend projection of `outcome` over `time`.
    public init(
        time: [Double], outcome: [Double], specification: InterruptedTimeSeriesSpecification, kpi: String,
        blockLength: Int? = nil
    ) {
        precondition(blockLength.map { $0 >= 1 } ?? true, "the block length must be at least 1")
        self.time = time
        self.outcome = outcome
        self.specification = specification
        self.kpi = kpi
        self.blockLength = blockLength
    }

    public var label: String { "trend-line projection (interrupted time series at \(specification.interruption))" }
    public var providesReplicates: Bool { true }

    /// ⌈T^{1/3}⌉, the smallest ℓ with ℓ³ ≥ T (integer arithmetic, so T = 8 gives exactly 2).
    public static func defaultBlockLength(periods: Int) -> Int {
        precondition(periods >= 1, "a series needs at least one period")
        var length = 1
        while length * length * length < periods { length += 1 }
        return length
    }

    /// Fits the segmented regression and averages the modelled effect over the post periods; with
    /// `bootstrap`, also its moving-block residual bootstrap replicates.
    /// - Throws: `InterruptedTimeSeriesError`, `LinearAlgebraError`, `IsolationError.tooFewBlocks`
    ///   (fewer than two blocks fit in the series), `IsolationError.bootstrapFailed`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let fit = try InterruptedTimeSeries.fit(time: time, outcome: outcome, specification: specification)
        let weights = Self.effectWeights(fit)
        let estimate = fit.linearCombination(weights, label: "mean post-interruption effect")
        guard let bootstrap else {
            return IsolationEstimate(
                method: label, kpi: kpi, effect: estimate.estimate, standardError: estimate.standardError,
                lower: estimate.lower, upper: estimate.upper, level: specification.level,
                inference: fit.covarianceLabel)
        }
        let replicates = try blockResidualBootstrap(fit, replicates: bootstrap.replicates, seed: bootstrap.seed)
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: estimate.estimate, replicates: replicates, level: bootstrap.level,
            notes: ["Newey–West SE for comparison: \(StatisticsText.number(estimate.standardError))."])
    }

    /// The moving-block residual bootstrap of the effect (see the type's documentation).
    /// - Throws: `IsolationError.tooFewBlocks` when T < 2ℓ.
    func blockResidualBootstrap(
        _ fit: InterruptedTimeSeriesResult, replicates: Int, seed: UInt64
    ) throws -> BootstrapReplicates {
        let periods = fit.times.count
        let length = blockLength ?? Self.defaultBlockLength(periods: periods)
        // With one block the resample is a single stretch of the residuals: no resampling variation
        // between blocks is left to mimic the errors' variability.
        guard periods >= 2 * length else { throw IsolationError.tooFewBlocks(periods: periods, blockLength: length) }
        let plan = ResamplingPlan.movingBlock(length: periods, blockLength: length)
        let fitted = zip(fit.outcomes, fit.residuals).map { $0 - $1 }
        let weights = Self.effectWeights(fit)
        var values = [Double](repeating: .nan, count: replicates)
        var failed = 0
        for r in 0..<replicates {
            let draw = plan.indices(forReplicate: r, seed: seed)
            let resampled = fitted.indices.map { fitted[$0] + fit.residuals[draw[$0]] }
            do {
                let refit = try InterruptedTimeSeries.fit(time: fit.times, outcome: resampled, specification: specification)
                values[r] = refit.linearCombination(weights, label: "effect").estimate
            } catch {
                failed += 1  // counted and reported by IsolationEstimate, never dropped silently
            }
        }
        return BootstrapReplicates(
            replicates: replicates, statisticCount: 1, values: values, failed: failed, seed: seed,
            scheme: "moving-block residual bootstrap (T = \(periods), block length \(length))")
    }

    /// `[0, 0, 1, mean_{t ≥ T0}(t − T0)]`, the weights of the mean post-interruption effect.
    static func effectWeights(_ fit: InterruptedTimeSeriesResult) -> [Double] {
        let interruption = fit.specification.interruption
        let since = fit.times.filter { $0 >= interruption }.map { $0 - interruption }
        return [0, 0, 1, since.reduce(0, +) / Double(since.count)]
    }
}
