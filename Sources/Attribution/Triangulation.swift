import Inference

/// Several isolation methods side by side on one KPI, with the most conservative as the headline
/// (ROI Institute guiding principle 4: "choose the most conservative alternative"; Phillips &
/// Phillips 2007, ch. 6, on using more than one isolation method).
///
/// Rule: the headline is the estimate with the smallest effect in the direction of benefit,
///
///     headline = argmin_m  s·effect_m,   s = +1 when a higher KPI is a benefit, −1 when lower is,
///
/// ties going to the method listed first (list the stronger designs first). Every method's
/// estimate and interval is kept, so the report can show the spread; the headline's own interval
/// (and replicates, when it has them) carries into the ROI chain.
public struct Triangulation: Sendable, Equatable {
    /// Which way the KPI moves when the program helps.
    public enum BenefitDirection: String, Sendable, Equatable {
        /// A higher KPI is a benefit (sales, productivity).
        case increase
        /// A lower KPI is a benefit (errors, handle time, turnover).
        case decrease

        /// s in the rule: +1 or −1.
        var sign: Double { self == .increase ? 1 : -1 }
    }

    /// The KPI.
    public let kpi: String
    /// Which way is a benefit.
    public let direction: BenefitDirection
    /// Every method's estimate, in the order given.
    public let estimates: [IsolationEstimate]
    /// Index of the headline in `estimates`.
    public let headlineIndex: Int
    /// Why the headline was chosen, in words for the report.
    public let reason: String
    /// The guiding principle applied (4), with the effect before (the largest benefit) and after.
    public let principles: PrinciplesLog

    /// Triangulates estimates already made.
    /// - Throws: `IsolationError.noMethods`, `.mixedKPIs`.
    public init(estimates: [IsolationEstimate], direction: BenefitDirection) throws {
        guard let first = estimates.first else { throw IsolationError.noMethods }
        let kpis = Array(Set(estimates.map(\.kpi))).sorted()
        guard kpis.count == 1 else { throw IsolationError.mixedKPIs(kpis) }
        let benefit = estimates.map { direction.sign * $0.effect }
        // The first minimum: ties go to the method listed first.
        let index = benefit.indices.min { benefit[$0] < benefit[$1] }!
        let largest = benefit.indices.max { benefit[$0] < benefit[$1] }!
        let headline = estimates[index]
        var reason: String
        if estimates.count == 1 {
            reason = "\(headline.method) is the only isolation method; triangulate with a second one where the data allow."
        } else {
            let others = estimates.indices.filter { $0 != index }.map {
                "\(estimates[$0].method) \(Self.number(estimates[$0].effect))"
            }
            reason =
                "\(headline.method) gives the smallest benefit (\(Self.number(headline.effect)) vs "
                + others.joined(separator: "; ") + "); the headline uses it as the most conservative alternative "
                + "(guiding principle 4)."
        }
        if direction.sign * headline.upper < 0 {
            reason += " Its whole interval lies on the side of harm: the program worsened the KPI by this method."
        } else if direction.sign * headline.lower <= 0 {
            reason += " Its interval includes no effect."
        }
        var log = PrinciplesLog()
        log.record(
            .init(
                principle: .mostConservative,
                rule: "headline effect = smallest benefit of \(estimates.count) isolation method(s): \(headline.method)",
                location: "isolation: \(first.kpi)", quantity: "effect", before: estimates[largest].effect,
                after: headline.effect))
        self.kpi = first.kpi
        self.direction = direction
        self.estimates = estimates
        self.headlineIndex = index
        self.reason = reason
        self.principles = log
    }

    /// Runs every method (with the same bootstrap settings) and triangulates their estimates.
    /// - Throws: the first method's error, `IsolationError`.
    public static func run(
        _ methods: [any IsolationMethod], direction: BenefitDirection, bootstrap: IsolationBootstrap?
    ) throws -> Triangulation {
        try Triangulation(estimates: methods.map { try $0.isolate(bootstrap: bootstrap) }, direction: direction)
    }

    /// The headline estimate.
    public var headline: IsolationEstimate { estimates[headlineIndex] }

    /// A number for the reason text, 4 significant digits.
    static func number(_ x: Double) -> String { StatisticsText.number(x, significant: 4) }
}
