/// The figure a tornado ranks assumptions by.
public enum TornadoMetric: String, Sendable, Equatable, Codable, CaseIterable {
    /// ROI (%) = (benefits − costs) ÷ costs × 100 (undiscounted).
    case roiPercent
    /// BCR = benefits ÷ costs.
    case benefitCostRatio
    /// Net benefits = benefits − costs.
    case netBenefits
    /// NPV = Σ benefit_m (1 + r)^(−m/12) − costs: the metric the discount rate moves.
    case netPresentValue

    /// The metric's value among a draw's figures.
    public func value(_ figures: ROIChainFigures) -> Double {
        switch self {
        case .roiPercent: return figures.roiPercent
        case .benefitCostRatio: return figures.benefitCostRatio
        case .netBenefits: return figures.netBenefits
        case .netPresentValue: return figures.netPresentValue
        }
    }
}

/// One bar of a tornado: the chain's figures with one assumption at each end of its range.
public struct TornadoBar: Sendable, Equatable, Codable {
    /// The assumption varied, with its range.
    public let assumption: TornadoAssumption
    /// Figures with the assumption at the low end of its range, the others central.
    public let low: ROIChainFigures
    /// Figures with the assumption at the high end of its range, the others central.
    public let high: ROIChainFigures
    /// The metric with the assumption at the low end.
    public let metricAtLow: Double
    /// The metric with the assumption at the high end.
    public let metricAtHigh: Double

    /// |metric(high) − metric(low)|: the length of the bar.
    public var swing: Double { abs(metricAtHigh - metricAtLow) }
}
