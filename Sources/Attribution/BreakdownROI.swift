import Inference
import LinearAlgebra

/// The ROI bound as a function of the parallel-trends violation `M̄`, and the breakdown `M̄` at
/// which the ROI's robust interval first reaches the hurdle (0 % by default).
///
/// The target is `θ = l'τ_post` of an event study (the average post-period effect by default), taken
/// as a constant monthly effect per unit in the benefit stream's units. For a constant path the
/// whole chain is affine in `θ` (`BenefitStream.schedule` is linear in the effect):
///
///     benefits(θ) = K θ,   K = Σ_m (1 − d)^((m−1)/12) · v · N · w_m   (the schedule of θ = 1)
///     ROI(θ) (%)  = (K θ − C) / C × 100,                               C = fully loaded costs
///
/// so the robust set `[θ_lo(M̄), θ_hi(M̄)]` of Rambachan & Roth maps to the ROI interval
/// `[ROI(θ_lo), ROI(θ_hi)]` (ends swapped when K < 0, a KPI whose decrease is the benefit), and the
/// ROI equals the hurdle h at the break-even effect `θ* = C (1 + h/100) / K`. The breakdown `M̄` is
/// the largest `M̄` whose robust set still excludes `θ*` on the favourable side: HonestDiD's
/// breakdown search with `θ*` in place of 0 (`θ*` tested directly, then doubling and bisection).
///
/// Rambachan & Roth (2023), *Rev. Econ. Stud.* 90(5), Section 5 (sensitivity plots and the
/// breakdown value); the ROI chain of METHODS.md (Phillips ROI Methodology).
public struct BreakdownROI: Sendable {
    /// The relative-magnitudes analysis of the event study.
    public let analysis: HonestDiDRelativeMagnitudes
    /// The benefit stream the effect is carried through (its point value per unit).
    public let stream: BenefitStream
    /// The fully loaded costs.
    public let ledger: CostLedger
    /// The ROI (%) the interval is compared with; 0 asks when the ROI interval first includes 0.
    public let hurdlePercent: Double
    /// `K`: the monetary benefits of a constant effect of 1 over the horizon.
    public let benefitsPerUnitEffect: Double
    /// `θ* = C (1 + h/100) / K`: the effect at which the ROI equals the hurdle.
    public let breakEvenEffect: Double

    /// Prepares the ROI sensitivity of `analysis` through `stream` against `ledger`.
    ///
    /// - Throws: `SensitivityError.roiIndependentOfEffect` when `K = 0`; `AttributionError` when
    ///   the stream cannot build a schedule (a horizon beyond the data with no extrapolation) or
    ///   the costs are zero.
    public init(analysis: HonestDiDRelativeMagnitudes, stream: BenefitStream, ledger: CostLedger, hurdlePercent: Double = 0)
        throws
    {
        precondition(hurdlePercent.isFinite, "the hurdle must be finite")
        let costs = ledger.total
        guard costs > 0 else { throw AttributionError.zeroTotalCost }
        let k = try stream.schedule(path: .constant(1), valuePerUnit: stream.conversion.valuePerUnit).total
        guard k != 0, k.isFinite else { throw SensitivityError.roiIndependentOfEffect }
        self.analysis = analysis
        self.stream = stream
        self.ledger = ledger
        self.hurdlePercent = hurdlePercent
        self.benefitsPerUnitEffect = k
        self.breakEvenEffect = costs * (1 + hurdlePercent / 100) / k
    }

    /// Prepares the ROI sensitivity from raw event-study output: `estimates` (pre-periods first,
    /// reference period excluded) and their `covariance`, as `HonestDiDEventStudy` takes them.
    ///
    /// - Parameter weights: `l`; nil for the average post-period effect.
    /// - Throws: `HonestDiDError` for inconsistent or invalid event-study input, then as
    ///   `init(analysis:stream:ledger:hurdlePercent:)`.
    public init(
        estimates: [Double], covariance: Matrix, prePeriods: Int, postPeriods: Int, weights: [Double]? = nil,
        options: HonestDiDOptions = .init(), stream: BenefitStream, ledger: CostLedger, hurdlePercent: Double = 0
    ) throws {
        let study = try HonestDiDEventStudy(
            estimates: estimates, covariance: covariance, prePeriods: prePeriods, postPeriods: postPeriods)
        let analysis = try HonestDiDRelativeMagnitudes(study: study, weights: weights, options: options)
        try self.init(analysis: analysis, stream: stream, ledger: ledger, hurdlePercent: hurdlePercent)
    }

    /// Every chain figure for a constant monthly effect `θ` at the point value per unit.
    /// - Throws: `AttributionError` when the stream cannot build the schedule.
    public func figures(effect theta: Double) throws -> ROIChainFigures {
        let value = stream.conversion.valuePerUnit
        let schedule = try stream.schedule(path: .constant(theta), valuePerUnit: value)
        return try ROIChainFigures.compute(effect: theta, valuePerUnit: value, schedule: schedule, costs: ledger.total)
    }

    /// The robust effect set at `M̄` and the ROI interval it maps to.
    ///
    /// - Throws: `SensitivityError.invalidMbar` for `M̄ < 0` or non-finite; `.emptyRobustSet` when no
    ///   grid point is accepted.
    public func bound(mbar: Double) throws -> BreakdownROIBound {
        guard mbar.isFinite, mbar >= 0 else { throw SensitivityError.invalidMbar(mbar) }
        let set = analysis.confidenceSet(mbar: mbar)
        guard let interval = set.interval else { throw SensitivityError.emptyRobustSet(mbar: mbar) }
        let atLower = try figures(effect: interval.lower).roiPercent
        let atUpper = try figures(effect: interval.upper).roiPercent
        // K < 0 (benefit from a decrease): the effect's upper end gives the ROI's lower end.
        let increasing = benefitsPerUnitEffect > 0
        return BreakdownROIBound(
            mbar: mbar, effect: interval, roiLowerPercent: increasing ? atLower : atUpper,
            roiUpperPercent: increasing ? atUpper : atLower, reachesGridEdge: set.reachesGridEdge)
    }

    /// Whether the robust set at `M̄` lies strictly on the favourable side of `θ*` (ROI interval above
    /// the hurdle), tested at `θ*` directly rather than through the grid.
    public func roiAboveHurdle(mbar: Double) -> Bool {
        precondition(mbar.isFinite && mbar >= 0, "M̄ must be finite and ≥ 0")
        let estimate = analysis.study.estimate(weights: analysis.weights)
        let favourable = benefitsPerUnitEffect > 0 ? estimate > breakEvenEffect : estimate < breakEvenEffect
        // The sets are nested in M̄ and connected around the estimate in practice (HonestDiD's own
        // reading), so excluding θ* with the estimate on the favourable side puts the whole set there.
        return favourable && !analysis.contains(breakEvenEffect, mbar: mbar)
    }

    /// The breakdown `M̄`: the largest `M̄` (to `tolerance`) at which the ROI's robust interval still
    /// lies above the hurdle. Searches as `HonestDiDRelativeMagnitudes.breakdownValue`: `M̄ = 0`,
    /// then `1, 2, 4, …` up to `limit`, then bisection.
    public func breakdownValue(tolerance: Double = 1e-3, limit: Double = 64) -> BreakdownROIValue {
        precondition(tolerance > 0 && limit > 0, "tolerance and limit must be positive")
        if !roiAboveHurdle(mbar: 0) { return .notAboveHurdleAtZero }
        var excluded = 0.0
        var included = 1.0
        while roiAboveHurdle(mbar: included) {
            excluded = included
            if included >= limit { return .atLeast(included) }
            included *= 2
        }
        while included - excluded > tolerance {
            let mid = (excluded + included) / 2
            if roiAboveHurdle(mbar: mid) { excluded = mid } else { included = mid }
        }
        return .value(excluded)
    }

    /// The ROI bounds for each `M̄` (in the order given) and the breakdown `M̄`.
    /// - Throws: as `bound(mbar:)`.
    public func sensitivity(mbar: [Double] = [0, 0.5, 1, 1.5, 2], tolerance: Double = 1e-3) throws -> BreakdownROIResult {
        BreakdownROIResult(
            bounds: try mbar.map { try bound(mbar: $0) }, breakdown: breakdownValue(tolerance: tolerance),
            breakEvenEffect: breakEvenEffect, hurdlePercent: hurdlePercent,
            estimate: analysis.study.estimate(weights: analysis.weights), weights: analysis.weights,
            options: analysis.options)
    }
}
