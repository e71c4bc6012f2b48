import Attribution
import Inference
import Reporting

/// Pure builders that turn library results into the attribution sections of a `StudyReport`
/// (`StudyReport+Attribution.swift`): sensitivity, chain of impact, event time, trends, balance and
/// diagnostics. Each maps values and computes nothing the library does not (presentation never
/// computes); the study runner calls them once it has the results.
public enum StudyReportSections {}

extension StudyReportSections {
    /// Why a study without an event-study headline has no breakdown curve: the note for
    /// `DiagnosticIngredients.breakdown` (`.notRun`) when `honest` is nil.
    public static let breakdownNeedsEventStudy =
        "the headline isolation method has no pre-period coefficients (it is not an event study), so parallel-trends "
        + "violations cannot be bounded relative to pre-period ones (Rambachan & Roth 2023)"

    /// The sensitivity section: the ROI along the M̄ grid and its breakdown M̄, the tornado of the
    /// study's assumption ranges and the ROI before and after each guiding-principle adjustment.
    ///
    /// - Breakdown (only with `honest`, the relative-magnitudes analysis of an event-study headline;
    ///   nil otherwise, see `breakdownNeedsEventStudy`): `BreakdownROI(analysis: honest, stream:,
    ///   ledger:, hurdlePercent:).sensitivity(mbar: settings.mbarGrid)`; each point is one
    ///   `BreakdownROIBound` (ROI % at the robust effect set's ends), and `breakdownMBar` maps
    ///   `BreakdownROIValue`: `.value(v)` → v, `.notAboveHurdleAtZero` → 0, `.atLeast` → nil (the ROI
    ///   interval stays above the hurdle over the whole search).
    /// - Tornado: `TornadoAnalysis(effect:stream:ledger:assumptions:)` with metric ROI %, one row per
    ///   `TornadoBar` in its order (widest swing first); assumptions from `settings.tornado`: the
    ///   conversion's uncertainty range (`TornadoAssumption.valuePerUnit(of:)`, left out when the
    ///   value is taken as known), the effect's interval `roi.effect.interval`, each cost item ±
    ///   the fraction (`TornadoAssumption.costItems(of:plusMinus:)`) and the stated ranges. No
    ///   assumption → no rows.
    /// - Principle adjustments: `SensitivityPrincipleAdjustments(result: roi, conversion:)`, one row per
    ///   entry that can be undone (ROI without it = `roiBefore`, with it = `roiAfter`).
    ///
    /// - Throws: `SensitivityError` and `AttributionError` from the tornado (e.g. a horizon range
    ///   beyond the data with no extrapolation chosen) and from `BreakdownROI` (zero costs, benefits
    ///   independent of the effect, an empty robust set at a grid M̄); `AttributionError.zeroTotalCost`
    ///   from the principle adjustments when the result's costs are not positive.
    public static func sensitivitySection(
        settings: Study.SensitivitySettings, effect: EffectPath, stream: BenefitStream, ledger: CostLedger,
        roi: ROIChainResult, honest: HonestDiDRelativeMagnitudes?, hurdlePercent: Double = 0
    ) throws -> StudyReport.SensitivitySection {
        let assumptions = tornadoAssumptions(settings.tornado, stream: stream, ledger: ledger, effectInterval: roi.effect.interval)
        var rows: [StudyReport.TornadoRow] = []
        var base = roi.roiPercent.point
        if !assumptions.isEmpty {
            let tornado = try TornadoAnalysis(effect: effect, stream: stream, ledger: ledger, assumptions: assumptions)
            base = tornado.central.roiPercent
            rows = tornado.bars.map { bar in
                let (low, high) = bar.assumption.range
                return StudyReport.TornadoRow(
                    assumption: bar.assumption.name, low: NumberText.statistic(low), high: NumberText.statistic(high),
                    roiAtLow: bar.low.roiPercent, roiAtHigh: bar.high.roiPercent)
            }
        }
        let curve = try honest.map {
            try breakdownCurve(
                BreakdownROI(analysis: $0, stream: stream, ledger: ledger, hurdlePercent: hurdlePercent), grid: settings.mbarGrid)
        }
        let adjustments = try SensitivityPrincipleAdjustments(result: roi, conversion: stream.conversion)
        let principleRows = adjustments.adjustments.compactMap { a -> StudyReport.PrincipleAdjustmentRow? in
            guard let without = a.roiPercentWithout else { return nil }
            return StudyReport.PrincipleAdjustmentRow(
                principle: a.application.principle.rawValue, adjustment: "\(a.application.rule) (\(a.application.location))",
                roiBefore: without, roiAfter: a.roiPercentWith)
        }
        return StudyReport.SensitivitySection(
            breakdown: curve, tornado: rows, baseROIPercent: base, principleAdjustments: principleRows)
    }

    /// The tornado's assumptions from the settings, in a fixed order (value, effect, horizon,
    /// population, decay, discount, cost items); ties in swing keep this order.
    public static func tornadoAssumptions(
        _ settings: Study.TornadoSettings, stream: BenefitStream, ledger: CostLedger, effectInterval: BootstrapConfidenceInterval
    ) -> [TornadoAssumption] {
        var list: [TornadoAssumption] = []
        switch settings.valuePerUnit {
        case .none: break
        case .fromAnalysis: if let a = TornadoAssumption.valuePerUnit(of: stream.conversion) { list.append(a) }
        case .stated(let r): list.append(.valuePerUnit(low: r.low, high: r.high))
        }
        switch settings.effect {
        case .none: break
        case .fromAnalysis: list.append(.effect(interval: effectInterval))
        case .stated(let r): list.append(.effect(low: r.low, high: r.high))
        }
        if let r = settings.horizonMonths { list.append(.horizonMonths(low: r.low, high: r.high)) }
        if let r = settings.populationShare { list.append(.populationShare(low: r.low, high: r.high)) }
        if let r = settings.decayPerYear { list.append(.decayRate(low: r.low, high: r.high)) }
        if let r = settings.discountRatePerYear { list.append(.discountRate(low: r.low, high: r.high)) }
        if let fraction = settings.costsPlusMinus { list += TornadoAssumption.costItems(of: ledger, plusMinus: fraction) }
        return list
    }

    /// The breakdown curve of `breakdown` over `grid`, with a note stating its assumptions.
    /// - Throws: as `BreakdownROI.sensitivity(mbar:)`.
    public static func breakdownCurve(_ breakdown: BreakdownROI, grid: [Double]) throws -> StudyReport.BreakdownCurve {
        let result = try breakdown.sensitivity(mbar: grid)
        let points = result.bounds.map {
            StudyReport.BreakdownPoint(mBar: $0.mbar, roiLower: $0.roiLowerPercent, roiUpper: $0.roiUpperPercent)
        }
        let verdict: String
        let hurdle = "ROI \(NumberText.percent(result.hurdlePercent))"
        switch result.breakdown {
        case .value(let v):
            verdict = "the ROI interval reaches \(hurdle) at M̄ = \(NumberText.statistic(v, significant: 3))"
        case .notAboveHurdleAtZero:
            verdict = "the ROI interval reaches \(hurdle) already at M̄ = 0 (no violation)"
        case .atLeast(let v):
            verdict = "the ROI interval stays above \(hurdle) up to M̄ = \(NumberText.statistic(v)), the largest searched"
        }
        var note =
            "Relative magnitudes Δ^RM(M̄) (Rambachan & Roth 2023): post-period violations of parallel trends up to M̄ × the "
            + "largest pre-period one. The average post-period effect (\(NumberText.statistic(result.estimate))) is taken as a "
            + "constant monthly effect through the benefit stream; break-even effect \(NumberText.statistic(result.breakEvenEffect)) "
            + "for \(hurdle); \(NumberText.level(1 - result.options.alpha)) robust intervals. Breakdown: \(verdict)."
        if result.bounds.contains(where: \.reachesGridEdge) {
            note += " Some robust sets reach the edge of the effect grid, so those ROI bounds may lie further out."
        }
        return StudyReport.BreakdownCurve(points: points, breakdownMBar: breakdownMBar(result.breakdown), note: note)
    }

    /// The report's breakdown M̄ (the smallest M̄ at which the ROI interval reaches the hurdle) from
    /// `BreakdownROIValue` (the largest M̄ at which it is still above; the two meet at the threshold):
    /// `.value(v)` → v, `.notAboveHurdleAtZero` → 0, `.atLeast` → nil (not reached in the search).
    public static func breakdownMBar(_ value: BreakdownROIValue) -> Double? {
        switch value {
        case .value(let v): return v
        case .notAboveHurdleAtZero: return 0
        case .atLeast: return nil
        }
    }
}
