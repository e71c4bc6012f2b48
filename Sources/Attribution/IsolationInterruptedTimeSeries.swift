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
/// serial dependence of the errors within ℓ periods. Default ℓ = ⌈T^{1/3}⌉: T^{1/3} is the order
/// that minimises the MSE of the block bootstrap variance (Hall, Horowitz & Jing 1995, Biometrika
/// 82(3); Lahiri 2003, ch. 7), with constant 1 (stated, not tuned). Each refit is a four-column
/// least squares, so replicates run in order on one thread and depend only on (seed, r);
/// `IsolationBootstrap.threads` is not needed. The comparative design has its own adapter,
/// `IsolationComparativeInterruptedTimeSeries`.
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
        return try Self.isolationEstimate(
            method: label, kpi: kpi, estimate: estimate, level: specification.level, inference: fit.covarianceLabel,
            analytic: "Newey–West", bootstrap: bootstrap
        ) { try blockResidualBootstrap(fit, replicates: $0.replicates, seed: $0.seed) }
    }

    /// The analytic estimate without `bootstrap`; with it, the estimate from `replicates` (percentile
    /// interval), noting the analytic SE (`analytic` names it) for comparison.
    static func isolationEstimate(
        method: String, kpi: String, estimate: InterruptedTimeSeriesResult.Estimate, level: Double, inference: String,
        analytic: String, bootstrap: IsolationBootstrap?,
        replicates: (IsolationBootstrap) throws -> BootstrapReplicates
    ) throws -> IsolationEstimate {
        guard let bootstrap else {
            return IsolationEstimate(
                method: method, kpi: kpi, effect: estimate.estimate, standardError: estimate.standardError,
                lower: estimate.lower, upper: estimate.upper, level: level, inference: inference)
        }
        return try IsolationEstimate.fromReplicates(
            method: method, kpi: kpi, effect: estimate.estimate, replicates: try replicates(bootstrap),
            level: bootstrap.level,
            notes: ["\(analytic) SE for comparison: \(StatisticsText.number(estimate.standardError))."])
    }

    /// The moving-block residual bootstrap of the effect (see the type's documentation).
    /// - Throws: `IsolationError.tooFewBlocks` when T < 2ℓ.
    func blockResidualBootstrap(
        _ fit: InterruptedTimeSeriesResult, replicates: Int, seed: UInt64
    ) throws -> BootstrapReplicates {
        let fitted = zip(fit.outcomes, fit.residuals).map { $0 - $1 }
        let weights = Self.effectWeights(fit)
        let (times, specification) = (fit.times, specification)
        return try Self.blockReplicates(
            periods: times.count, blockLength: blockLength, replicates: replicates, seed: seed
        ) { draw in
            let resampled = fitted.indices.map { fitted[$0] + fit.residuals[draw[$0]] }
            let refit = try InterruptedTimeSeries.fit(time: times, outcome: resampled, specification: specification)
            return refit.linearCombination(weights, label: "effect").estimate
        }
    }

    /// Runs `effect` on the period indices of each moving-block replicate, in replicate order; a
    /// replicate whose refit throws is counted as failed (never dropped silently).
    /// - Throws: `IsolationError.tooFewBlocks` when T < 2ℓ.
    static func blockReplicates(
        periods: Int, blockLength: Int?, replicates: Int, seed: UInt64, effect: ([Int]) throws -> Double
    ) throws -> BootstrapReplicates {
        let length = blockLength ?? defaultBlockLength(periods: periods)
        // With one block the resample is a single stretch of the residuals: no resampling variation
        // between blocks is left to mimic the errors' variability.
        guard periods >= 2 * length else { throw IsolationError.tooFewBlocks(periods: periods, blockLength: length) }
        let plan = ResamplingPlan.movingBlock(length: periods, blockLength: length)
        var values = [Double](repeating: .nan, count: replicates)
        var failed = 0
        for r in 0..<replicates {
            if let value = try? effect(plan.indices(forReplicate: r, seed: seed)), !value.isNaN {
                values[r] = value
            } else {
                failed += 1
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
