import Attribution
import Estimators
import Inference
import ModelSpec

/// The outcome of running a study: the isolation estimate, its cluster-bootstrap replicates, the
/// ROI analysis built from the same replicates, and the provenance a report must show.
///
/// Immutable; `report` (in `StudyResult+Report.swift`) turns it into the Codable
/// `StudyReport` that the Markdown and JSON writers format.
public struct StudyResult: Sendable {
    /// The study that was run.
    public let study: Study
    /// The 2×2 difference-in-differences estimate (CR1 clustered by the study's cluster column).
    public let did: DiD2x2Result
    /// Cluster-bootstrap replicates of the effect (one statistic per replicate).
    public let replicates: BootstrapReplicates
    /// ROI figures at the point estimate and percentile intervals from `replicates`.
    public let roi: ROIAnalysis
    /// The fully loaded cost ledger.
    public let ledger: CostLedger
    /// Benefit stream: population, horizon and monetary conversion.
    public let benefitStream: BenefitStream
    /// Number of clusters G among the rows used.
    public let clusterCount: Int
    /// Distinct treated units with an outcome in the post period (the default population).
    public let treatedUnitsObservedPost: Int
    /// Warnings from every stage, estimation first.
    public let warnings: [String]

    /// A value from its parts.
    public init(
        study: Study, did: DiD2x2Result, replicates: BootstrapReplicates, roi: ROIAnalysis, ledger: CostLedger,
        benefitStream: BenefitStream, clusterCount: Int, treatedUnitsObservedPost: Int, warnings: [String]
    ) {
        self.study = study
        self.did = did
        self.replicates = replicates
        self.roi = roi
        self.ledger = ledger
        self.benefitStream = benefitStream
        self.clusterCount = clusterCount
        self.treatedUnitsObservedPost = treatedUnitsObservedPost
        self.warnings = warnings
    }

    /// Rows read, used and dropped by reason.
    public var observations: ObservationAccount { did.observations }
    /// The bootstrap seed.
    public var seed: UInt64 { replicates.seed }
    /// The method in one line, e.g. "2×2 difference-in-differences; Clustered (team_id), G = 30, CR1;
    /// cluster bootstrap (team_id, G = 30), percentile intervals".
    public var method: String {
        "\(study.design.method); \(did.regression.covarianceLabel); \(replicates.scheme), percentile intervals"
    }
}
