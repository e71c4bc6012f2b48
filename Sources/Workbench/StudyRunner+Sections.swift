import Attribution
import DataFrameModule
import Estimators
import Inference
import Reporting

/// The report sections a study run computes after the ROI chain: sensitivity (tornado and
/// principle adjustments; the breakdown M̄ is not computed yet), the event-time plot, the trends
/// and the balance.
/// The chain of impact and the diagnostics are built from these and the result when the report is
/// made (`StudyResult+ReportSections.swift`); nothing here is recomputed there.
public struct StudyRunSections: Sendable {
    /// Levels 1–3 as loaded from the study's `chain_of_impact` files (nil without the section).
    public let chainOfImpact: ChainOfImpact?
    /// ROI breakdown curve, tornado and principle adjustments (nil when they could not be computed;
    /// the run's warnings say why).
    public let sensitivity: StudyReport.SensitivitySection?
    /// The breakdown M̄ of the ROI, or why it was not computed.
    public let breakdown: StudyReportSections.BreakdownEvidence
    /// The event-time estimates of a Callaway–Sant'Anna method (nil without one).
    public let eventStudy: StudyReport.EventStudySection?
    /// The joint pre-trend test of Sun–Abraham's leads, when that method ran.
    public let preTrend: StudyReport.PreTrendTest?
    /// Mean outcome by period for the trained and comparison groups (nil when no method names a group).
    public let trends: StudyReport.TrendSection?
    /// Covariate balance of a control-group comparison with covariates (nil otherwise).
    public let balance: StudyReport.BalanceSection?

    /// Sections from their parts.
    public init(
        chainOfImpact: ChainOfImpact? = nil, sensitivity: StudyReport.SensitivitySection? = nil,
        breakdown: StudyReportSections.BreakdownEvidence = .notRun(reason: StudyReportSections.breakdownNeedsEventStudy),
        eventStudy: StudyReport.EventStudySection? = nil, preTrend: StudyReport.PreTrendTest? = nil,
        trends: StudyReport.TrendSection? = nil, balance: StudyReport.BalanceSection? = nil
    ) {
        self.chainOfImpact = chainOfImpact
        self.sensitivity = sensitivity
        self.breakdown = breakdown
        self.eventStudy = eventStudy
        self.preTrend = preTrend
        self.trends = trends
        self.balance = balance
    }
}

extension StudyRunner {
    /// The sections of a run; problems that leave a section out become warnings (`notes`) rather
    /// than failing the run, since the ROI itself stands without them.
    static func sections(
        study: Study, data: DataFrame, estimators: StudyEstimatorResults, chainOfImpact: ChainOfImpact?,
        effect: EffectPath, settings: ROIChain.Settings, chain: ROIChainResult
    ) -> (sections: StudyRunSections, notes: [String]) {
        var notes: [String] = []
        let level = study.bootstrap.level
        var sensitivity: StudyReport.SensitivitySection?
        do {
            // No event study is turned into a relative-magnitudes analysis yet (honest: nil), so the
            // breakdown curve is left out and the diagnostics say why.
            sensitivity = try StudyReportSections.sensitivitySection(
                settings: study.sensitivity, effect: effect, stream: settings.stream, ledger: settings.ledger, roi: chain,
                honest: nil, hurdlePercent: study.roi.hurdlePercent ?? 0)
        } catch {
            notes.append("sensitivity: not computed: \(error)")
        }
        let breakdown = StudyReportSections.BreakdownEvidence.notRun(reason: StudyReportSections.breakdownNeedsEventStudy)
        let eventStudy = estimators.callawaySantAnna.map {
            // Analytic influence-function intervals: the multiplier bootstrap's bands would cost another pass.
            StudyReportSections.eventStudySection($0, bands: nil, level: level)
        }
        var trends: StudyReport.TrendSection?
        if let (grouping, starts) = trendGrouping(study, data: data) {
            do {
                trends = try StudyReportSections.trendSection(
                    frame: data, outcome: study.outcome, time: study.panel.time, grouping: grouping, treatmentStarts: starts
                ).section
            } catch {
                notes.append("trends: not drawn: \(error)")
            }
        }
        var balance: StudyReport.BalanceSection?
        for spec in study.isolation {
            guard case .controlGroup(let treated, let covariates, _) = spec.detail, !covariates.isEmpty else { continue }
            do {
                let comparison = try ControlGroupComparison(
                    data: data, outcome: study.outcome, treatment: treated, covariates: covariates)
                // ATT weights: the comparison group is reweighted towards the trained, as the adapter estimates the ATT.
                balance = StudyReportSections.balanceSection(comparison.balance(.averageTreatmentEffectOnTreated))
            } catch {
                notes.append("balance: not computed: \(error)")
            }
            break
        }
        let preTrend = estimators.sunAbraham?.preTrendTest.map(StudyReportSections.preTrendTest)
        return (
            StudyRunSections(
                chainOfImpact: chainOfImpact, sensitivity: sensitivity, breakdown: breakdown, eventStudy: eventStudy,
                preTrend: preTrend, trends: trends, balance: balance),
            notes
        )
    }

    /// The trend plot's grouping from the first method that names a group: a 2×2's treated group
    /// (marked at its treatment start, or at the first period its post column marks), a cohort
    /// column, or an interrupted series' group.
    static func trendGrouping(_ study: Study, data: DataFrame) -> (StudyReportSections.TrendGrouping, [Double]?)? {
        for spec in study.isolation {
            switch spec.detail {
            case .did2x2(let design):
                switch design.period {
                case .treatmentStart(let t): return (.treatedGroup(column: design.treatedGroup), [t.value])
                case .indicator(let column):
                    // A 2×2's post column is calendar time: its first marked period is the treatment start.
                    let times = numbers(data, study.panel.time)
                    let start = zip(numbers(data, column), times).filter { $0.0 == 1 && !$0.1.isNaN }.map(\.1).min()
                    return (.treatedGroup(column: design.treatedGroup), start.map { [$0] })
                }
            case .callawaySantAnna(.cohort(let c), _, _), .sunAbraham(let c), .imputation(let c, _):
                return (.cohort(column: c), nil)
            case .interruptedTimeSeries(let group?, let interruption):
                return (.treatedGroup(column: group), [interruption.value])
            default:
                continue
            }
        }
        return nil
    }
}
