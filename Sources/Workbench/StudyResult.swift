import Attribution
import Estimators
import Inference
import ModelSpec

/// The outcome of running a study: every isolation method's estimate, their triangulation, the
/// headline's effect and replicates carried through the ROI chain, and the provenance a report
/// must show.
///
/// Immutable; `report` (in `StudyResult+Report.swift`) turns it into the Codable `StudyReport`
/// that the Markdown, HTML and JSON writers format.
public struct StudyResult: Sendable {
    /// The study that was run.
    public let study: Study
    /// Every isolation method as run, in the study's order.
    public let methods: [StudyMethodRun]
    /// The methods side by side; the headline is the most conservative (guiding principle 4).
    public let triangulation: Triangulation
    /// Estimator results the report's plots read (2×2 fit, Callaway–Sant'Anna, Sun–Abraham).
    public let estimators: StudyEstimatorResults
    /// The ROI chain: effect → money → benefits → costs → ROI, BCR, payback, NPV with intervals.
    public let chain: ROIChainResult
    /// The benefit stream (population, horizon, conversion, decay, discount, extrapolation).
    public let benefitStream: BenefitStream
    /// The fully loaded cost ledger.
    public let ledger: CostLedger
    /// The monetary conversion used (value per unit, source, credibility, uncertainty).
    public let conversion: MonetaryConversion
    /// The headline effect in the direction of benefit (the outcome's effect × +1 for increase,
    /// × −1 for decrease), as carried into the chain.
    public let headlineEffect: EffectPath
    /// The headline's bootstrap replicates on the same scale (non-finite = failed replicate).
    public let headlineReplicates: [EffectPath]
    /// ROI (%) of every usable replicate, in replicate order (the HTML histogram reads them).
    public let roiReplicates: [Double]
    /// Rows of the data file read and used (the 2×2 fit's account when it ran; else rows with an
    /// observed outcome).
    public let observations: ObservationAccount
    /// Number of distinct clusters among rows with an observed outcome.
    public let clusterCount: Int
    /// Number of distinct units among rows with an observed outcome.
    public let unitCount: Int
    /// Whole months after training the headline's data observe (nil for a survey or a cross-section).
    public let dataSupportMonths: Int?
    /// Warnings from every stage, estimation first.
    public let warnings: [String]
    /// Chain of impact, sensitivity, event time, trends and balance, as the run computed them.
    public let sections: StudyRunSections

    /// A value from its parts.
    public init(
        study: Study, methods: [StudyMethodRun], triangulation: Triangulation, estimators: StudyEstimatorResults,
        chain: ROIChainResult, benefitStream: BenefitStream, ledger: CostLedger, conversion: MonetaryConversion,
        headlineEffect: EffectPath, headlineReplicates: [EffectPath], roiReplicates: [Double],
        observations: ObservationAccount, clusterCount: Int, unitCount: Int, dataSupportMonths: Int?, warnings: [String],
        sections: StudyRunSections = StudyRunSections()
    ) {
        precondition(methods.count == triangulation.estimates.count, "one run per triangulated estimate")
        self.study = study
        self.methods = methods
        self.triangulation = triangulation
        self.estimators = estimators
        self.chain = chain
        self.benefitStream = benefitStream
        self.ledger = ledger
        self.conversion = conversion
        self.headlineEffect = headlineEffect
        self.headlineReplicates = headlineReplicates
        self.roiReplicates = roiReplicates
        self.observations = observations
        self.clusterCount = clusterCount
        self.unitCount = unitCount
        self.dataSupportMonths = dataSupportMonths
        self.warnings = warnings
        self.sections = sections
    }

    /// The headline method's run.
    public var headline: StudyMethodRun { methods[triangulation.headlineIndex] }
    /// The 2×2 fit, when a 2×2 difference-in-differences is among the methods.
    public var did: DiD2x2Result? { estimators.did }
    /// The bootstrap seed (the same for every method and the conversion draws).
    public var seed: UInt64 { chain.seed }
    /// The headline method in one line, e.g. "2×2 difference-in-differences; percentile of 999
    /// cluster bootstrap (team_id, G = 30) replicates, seed 20260101; ROI intervals percentile".
    public var method: String {
        "\(headline.spec.method); \(headline.estimate.inference); ROI intervals \(chain.method.label)"
    }
}
