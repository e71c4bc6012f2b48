import Estimators
import Inference

/// Comparative interrupted time series as an isolation method: the treated series' mean
/// post-interruption change beyond the comparison series',
///
///     effect = β6 + β7·mean_{t ≥ T0}(t − T0),
///
/// from `InterruptedTimeSeries.fitComparative` (Linden 2015, Stata Journal 15(2)), with its
/// Driscoll–Kraay SE and normal interval.
///
/// Replicates: the moving-block residual bootstrap of `IsolationInterruptedTimeSeries`, with one
/// draw of period blocks applied to both series (e*_{g,t} = e_{g,s(t)} for the same resampled period
/// s(t)), so the errors' correlation across the two series within a period and their serial
/// dependence within ℓ periods are kept (Künsch 1989; Lahiri 2003, ch. 2); y*_{g,t} = ŷ_{g,t} +
/// e*_{g,t} is refitted. Default ℓ = ⌈T^{1/3}⌉ in periods; replicate r depends only on (seed, r).
public struct IsolationComparativeInterruptedTimeSeries: IsolationMethod {
    /// Periods of the two series.
    public let time: [Double]
    /// The treated series (e.g. the trained sites' monthly mean KPI).
    public let outcome: [Double]
    /// The comparison series over the same periods.
    public let comparison: [Double]
    /// Interruption, lag and level.
    public let specification: InterruptedTimeSeriesSpecification
    /// The KPI's name.
    public let kpi: String
    /// Block length ℓ in periods; `nil` for ⌈T^{1/3}⌉.
    public let blockLength: Int?

    /// The comparative trend projection of `outcome` against `comparison` over `time`.
    public init(
        time: [Double], outcome: [Double], comparison: [Double], specification: InterruptedTimeSeriesSpecification,
        kpi: String, blockLength: Int? = nil
    ) {
        precondition(blockLength.map { $0 >= 1 } ?? true, "the block length must be at least 1")
        self.time = time
        self.outcome = outcome
        self.comparison = comparison
        self.specification = specification
        self.kpi = kpi
        self.blockLength = blockLength
    }

    public var label: String {
        "comparative trend-line projection (interrupted time series at \(specification.interruption) vs a comparison series)"
    }
    public var providesReplicates: Bool { true }

    /// Fits the comparative segmented regression and, with `bootstrap`, its block residual bootstrap.
    /// - Throws: `InterruptedTimeSeriesError`, `LinearAlgebraError`, `IsolationError.tooFewBlocks`,
    ///   `IsolationError.bootstrapFailed`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let fit = try InterruptedTimeSeries.fitComparative(
            time: time, outcome: outcome, comparison: comparison, specification: specification)
        let weights = Self.effectWeights(fit)
        let estimate = fit.linearCombination(weights, label: "mean post-interruption effect vs comparison")
        return try IsolationInterruptedTimeSeries.isolationEstimate(
            method: label, kpi: kpi, estimate: estimate, level: specification.level, inference: fit.covarianceLabel,
            analytic: "Driscoll–Kraay", bootstrap: bootstrap
        ) { try blockResidualBootstrap(fit, replicates: $0.replicates, seed: $0.seed) }
    }

    /// The joint moving-block residual bootstrap of both series (see the type's documentation).
    func blockResidualBootstrap(
        _ fit: InterruptedTimeSeriesComparativeResult, replicates: Int, seed: UInt64
    ) throws -> BootstrapReplicates {
        let periods = fit.times.count
        // The stacked fit's rows: the comparison series, then the treated series, each in time order.
        let comparisonResiduals = Array(fit.residuals[0..<periods])
        let treatedResiduals = Array(fit.residuals[periods..<(2 * periods)])
        let comparisonFitted = zip(fit.comparisonOutcomes, comparisonResiduals).map { $0 - $1 }
        let treatedFitted = zip(fit.outcomes, treatedResiduals).map { $0 - $1 }
        let weights = Self.effectWeights(fit)
        let (times, specification) = (fit.times, specification)
        return try IsolationInterruptedTimeSeries.blockReplicates(
            periods: periods, blockLength: blockLength, replicates: replicates, seed: seed
        ) { draw in
            let treated = (0..<periods).map { treatedFitted[$0] + treatedResiduals[draw[$0]] }
            let control = (0..<periods).map { comparisonFitted[$0] + comparisonResiduals[draw[$0]] }
            let refit = try InterruptedTimeSeries.fitComparative(
                time: times, outcome: treated, comparison: control, specification: specification)
            return refit.linearCombination(weights, label: "effect").estimate
        }
    }

    /// `e₇ + mean_{t ≥ T0}(t − T0)·e₈`, the weights of the mean post-interruption effect.
    static func effectWeights(_ fit: InterruptedTimeSeriesComparativeResult) -> [Double] {
        let interruption = fit.specification.interruption
        let since = fit.times.filter { $0 >= interruption }.map { $0 - interruption }
        var weights = [Double](repeating: 0, count: 8)
        weights[6] = 1
        weights[7] = since.reduce(0, +) / Double(since.count)
        return weights
    }
}
