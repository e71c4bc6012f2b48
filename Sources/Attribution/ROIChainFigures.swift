/// Every figure of the ROI chain for one draw: the point estimate or one bootstrap replicate.
///
/// - effect: the per-unit monthly effect (a constant's value; for an event-time path, the mean
///   of the estimated effects within the horizon)
/// - benefits = Σ benefit_m over the horizon (undiscounted, `BenefitSchedule.total`)
/// - net benefits = benefits − costs; ROI (%) = net ÷ costs × 100; BCR = benefits ÷ costs
/// - payback (months): `BenefitSchedule.paybackMonths(costs:)`
/// - NPV = Σ benefit_m (1 + r)^(−m/12) − costs (costs paid at training, undiscounted)
///
/// Phillips ROI Methodology (METHODS.md); the worked example 16,000 / 90,000 → ROI 462.5 %,
/// BCR 5.625 holds for a constant stream.
public struct ROIChainFigures: Sendable, Equatable, Codable {
    public let effect: Double
    /// The value per unit used in this draw (the point value, or the replicate's sampled value).
    public let valuePerUnit: Double
    public let benefits: Double
    public let presentValue: Double
    public let costs: Double
    public let netBenefits: Double
    public let roiPercent: Double
    public let benefitCostRatio: Double
    public let paybackMonths: Double
    public let netPresentValue: Double

    /// The figures of one benefit schedule against total costs (must be positive).
    /// - Throws: `AttributionError.zeroTotalCost`.
    public static func compute(effect: Double, valuePerUnit: Double, schedule: BenefitSchedule, costs: Double) throws
        -> ROIChainFigures
    {
        guard costs > 0 else { throw AttributionError.zeroTotalCost }
        let benefits = schedule.total
        let presentValue = schedule.presentValue
        return ROIChainFigures(
            effect: effect, valuePerUnit: valuePerUnit, benefits: benefits, presentValue: presentValue, costs: costs,
            netBenefits: benefits - costs, roiPercent: (benefits - costs) / costs * 100,
            benefitCostRatio: benefits / costs, paybackMonths: schedule.paybackMonths(costs: costs),
            netPresentValue: presentValue - costs)
    }
}
