import Inference

/// ROI figures with bootstrap intervals, all derived from the same replicates of the effect.
///
/// Each bootstrap replicate re-estimates the isolated effect; that replicate effect is carried
/// through the benefit stream and the cost ledger to its own ROI, BCR and payback, so the
/// intervals are mutually consistent ("ROI between 130 % and 170 %", METHODS.md). This is the
/// static, percentile-only entry point the study runner uses; `ROIChain` is the general engine
/// (event-time paths, decay, discounting, NPV, uncertain conversion values, interval types,
/// principles log), and a test checks that both agree on the static case.
public struct ROIAnalysis: Sendable, Equatable, Codable {
    /// The isolated effect per unit per month (point estimate).
    public let effect: Double
    /// Point figures from the point estimate of the effect.
    public let point: ROIFigures
    /// Percentile intervals from the replicates.
    public let effectInterval: PercentileInterval
    public let benefitsInterval: PercentileInterval
    public let netBenefitsInterval: PercentileInterval
    public let roiInterval: PercentileInterval
    public let bcrInterval: PercentileInterval
    public let paybackInterval: PercentileInterval
    /// Share of replicates with ROI > 0 (net benefits positive).
    public let probabilityROIPositive: Double
    /// Replicates used (successful ones) and failed.
    public let replicatesUsed: Int
    public let failedReplicates: Int
    public let seed: UInt64
    public let level: Double
    /// How the replicates were drawn, e.g. "cluster bootstrap (team_id, G = 30)".
    public let scheme: String
}

/// Carries an isolated effect and its bootstrap replicates to ROI figures and intervals.
public enum ROICalculator {
    /// ROI analysis from a point effect and the replicate effects of the same estimator.
    ///
    /// - Parameters:
    ///   - effect: point estimate of the per-unit monthly effect.
    ///   - replicates: bootstrap replicates of the effect; failed ones (NaN) are skipped and counted.
    ///   - failed: replicates that already failed upstream (added to the NaN count).
    public static func analyse(
        effect: Double, replicates: [Double], stream: BenefitStream, ledger: CostLedger, level: Double = 0.95,
        seed: UInt64, scheme: String, failed: Int = 0
    ) throws -> ROIAnalysis {
        let costs = ledger.total
        let point = try figures(effect: effect, stream: stream, costs: costs)
        let usable = replicates.filter { !$0.isNaN }
        let replicateFigures = try usable.map { try figures(effect: $0, stream: stream, costs: costs) }
        func interval(_ key: (ROIFigures) -> Double) -> PercentileInterval {
            BootstrapInterval.percentile(replicateFigures.map(key), level: level)
        }
        let positive = replicateFigures.filter { $0.roiPercent > 0 }.count
        return ROIAnalysis(
            effect: effect, point: point,
            effectInterval: BootstrapInterval.percentile(usable, level: level),
            benefitsInterval: interval(\.benefits),
            netBenefitsInterval: interval(\.netBenefits),
            roiInterval: interval(\.roiPercent),
            bcrInterval: interval(\.benefitCostRatio),
            paybackInterval: interval(\.paybackMonths),
            probabilityROIPositive: usable.isEmpty ? .nan : Double(positive) / Double(usable.count),
            replicatesUsed: usable.count,
            failedReplicates: failed + (replicates.count - usable.count),
            seed: seed, level: level, scheme: scheme)
    }

    /// The ROI figures implied by one value of the effect.
    public static func figures(effect: Double, stream: BenefitStream, costs: Double) throws -> ROIFigures {
        try ROIFigures.compute(
            benefits: stream.benefits(effect: effect), costs: costs, monthlyBenefits: stream.monthlyBenefits(effect: effect))
    }
}
