/// The Phillips ROI figures for one benefits/costs pair.
///
/// - net benefits = benefits − costs
/// - ROI (%) = net benefits ÷ costs × 100
/// - BCR = benefits ÷ costs
/// - payback (months) = costs ÷ monthly benefits (∞ when monthly benefits are not positive)
///
/// Worked example (Phillips ROI Methodology): costs 5,000 + 7,000 + 80 h × 50 = 16,000, benefits
/// 90,000 → net 74,000, ROI 462.5 %, BCR 5.625.
public struct ROIFigures: Sendable, Equatable, Codable {
    public let benefits: Double
    public let costs: Double
    public let netBenefits: Double
    public let roiPercent: Double
    public let benefitCostRatio: Double
    public let paybackMonths: Double

    /// Figures from total benefits, total costs (must be positive) and monthly benefits.
    public static func compute(benefits: Double, costs: Double, monthlyBenefits: Double) throws -> ROIFigures {
        guard costs > 0 else { throw AttributionError.zeroTotalCost }
        let net = benefits - costs
        return ROIFigures(
            benefits: benefits, costs: costs, netBenefits: net,
            roiPercent: net / costs * 100,
            benefitCostRatio: benefits / costs,
            paybackMonths: monthlyBenefits > 0 ? costs / monthlyBenefits : .infinity)
    }
}
