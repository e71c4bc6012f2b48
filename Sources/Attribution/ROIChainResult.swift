import Inference

/// One figure of the chain: its point value and its bootstrap interval.
public struct ROIEstimate: Sendable, Equatable, Codable {
    /// The figure from the point effect and the point value per unit.
    public let point: Double
    /// Its bootstrap interval from the replicate figures.
    public let interval: BootstrapConfidenceInterval
}

/// A bootstrap replicate that produced no figures, and why. Failed replicates are counted and
/// reported, never dropped silently (issue 5, bad input).
public struct ReplicateFailure: Sendable, Equatable, Codable {
    /// 0-based replicate number.
    public let replicate: Int
    public let reason: String
}

/// The ROI chain with intervals: every interval from the same replicates, so they are consistent.
///
/// Replicate r carries its own effect (from the isolation step's bootstrap) and its own conversion
/// value (drawn from the assumption stream of r) through benefits and costs to its ROI, BCR,
/// payback and NPV; each interval is formed from those replicate figures by `method`
/// (`BootstrapInterval.interval`). Payback falls back to the percentile interval when some
/// replicate never pays back (∞), which basic and normal intervals cannot handle; its `method`
/// says so.
public struct ROIChainResult: Sendable, Equatable, Codable {
    public let effect: ROIEstimate
    public let valuePerUnit: ROIEstimate
    public let benefits: ROIEstimate
    public let costs: ROIEstimate
    public let netBenefits: ROIEstimate
    public let roiPercent: ROIEstimate
    public let benefitCostRatio: ROIEstimate
    public let paybackMonths: ROIEstimate
    public let netPresentValue: ROIEstimate
    /// Share of usable replicates with ROI > 0 (net benefits positive).
    public let probabilityROIPositive: Double
    /// The hurdle ROI in percent, and the share of usable replicates with ROI above it.
    public let hurdlePercent: Double?
    public let probabilityROIAboveHurdle: Double?
    /// The point benefit schedule, month by month.
    public let schedule: BenefitSchedule
    /// Replicates that produced figures, and those that failed with their reasons.
    public let replicatesUsed: Int
    public let failures: [ReplicateFailure]
    /// The interval type asked for.
    public let method: BootstrapIntervalMethod
    public let level: Double
    public let seed: UInt64
    /// How the replicates were drawn, e.g. "cluster bootstrap (team_id, G = 30)".
    public let scheme: String
    /// What was done in horizon months beyond the data, and how many there were.
    public let extrapolation: ExtrapolationChoice
    public let extrapolatedMonths: Int
    /// Levels 1–3 and the intangibles (listed, not priced), when collected.
    public let chainOfImpact: ChainOfImpact?
    /// Every guiding-principle rule applied, with the numbers it changed.
    public let principles: PrinciplesLog

    /// Number of failed replicates.
    public var failedReplicates: Int { failures.count }
}
