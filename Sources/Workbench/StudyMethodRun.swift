import Attribution
import Estimators

/// One isolation method of a study as run: its estimate with bootstrap replicates (when the method
/// has them), its analytic estimate, and what the benefit stream needs from its design.
///
/// `estimate` and `analytic` are effects on the outcome (a participant survey's improvements,
/// stated in the direction of benefit, are negated for `direction: decrease` so that every method
/// is on the outcome's scale before triangulation).
public struct StudyMethodRun: Sendable {
    /// The method as the study file states it.
    public let spec: Study.IsolationSpec
    /// The estimate with its bootstrap interval and replicates (analytic for a method without them).
    public let estimate: IsolationEstimate
    /// The estimate with the method's analytic interval (no bootstrap).
    public let analytic: IsolationEstimate
    /// Distinct treated units with an outcome after training, as this method's design defines
    /// them (participants for a survey); nil when the design has no such notion.
    public let treatedUnitsObservedPost: Int?
    /// The most periods after training any treated unit is observed for (nil for a survey or a
    /// cross-sectional comparison): how far the data support a constant effect.
    public let periodsAfterTraining: Int?
    /// Rows (or respondents) the estimate used, when known.
    public let observations: Int?
    /// Guiding principles the method applied itself (the survey's 6, 7 and 8).
    public let principles: PrinciplesLog

    /// A value from its parts.
    public init(
        spec: Study.IsolationSpec, estimate: IsolationEstimate, analytic: IsolationEstimate, treatedUnitsObservedPost: Int?,
        periodsAfterTraining: Int?, observations: Int?, principles: PrinciplesLog = PrinciplesLog()
    ) {
        self.spec = spec
        self.estimate = estimate
        self.analytic = analytic
        self.treatedUnitsObservedPost = treatedUnitsObservedPost
        self.periodsAfterTraining = periodsAfterTraining
        self.observations = observations
        self.principles = principles
    }
}

/// Estimator results a report's plots read (event-study path, means table), kept when a method
/// produced them.
public struct StudyEstimatorResults: Sendable {
    /// The 2×2 fit, when a 2×2 difference-in-differences is among the methods.
    public var did: DiD2x2Result?
    /// The Callaway–Sant'Anna group-time ATTs, when that method is among them.
    public var callawaySantAnna: CallawaySantAnnaResult?
    /// The Sun–Abraham event study, when that method is among them.
    public var sunAbraham: SunAbrahamResult?

    /// No results yet.
    public init(did: DiD2x2Result? = nil, callawaySantAnna: CallawaySantAnnaResult? = nil, sunAbraham: SunAbrahamResult? = nil) {
        self.did = did
        self.callawaySantAnna = callawaySantAnna
        self.sunAbraham = sunAbraham
    }
}
