import Attribution
import Reporting

/// The diagnostic checks of a study report, each with its rule and advice; `docs/diagnostics.md`
/// lists the same rules in the same words (a test keeps them in step).
public enum StudyDiagnostic: String, Sendable, Equatable, CaseIterable {
    case clusters, bootstrapFailures, preTrend, balance, horizon, triangulation, surveyResponse, breakdown

    /// The check's name as the report shows it.
    public var name: String {
        switch self {
        case .clusters: return "Number of clusters"
        case .bootstrapFailures: return "Failed bootstrap replicates"
        case .preTrend: return "Parallel pre-trends"
        case .balance: return "Covariate balance"
        case .horizon: return "Benefit horizon within the data"
        case .triangulation: return "Isolation methods agree in sign"
        case .surveyResponse: return "Participant-survey response rate"
        case .breakdown: return "Breakdown M̄ of the ROI"
        }
    }

    /// The rule, in the words of docs/diagnostics.md.
    public var rule: String {
        switch self {
        case .clusters: return "pass when G ≥ 30; warning when 2 ≤ G < 30; fail when G < 2"
        case .bootstrapFailures: return "pass when none fail; warning when some fail, up to 5 %; fail when more than 5 % fail"
        case .preTrend: return "pass when p ≥ 0.05; fail when p < 0.05"
        case .balance: return "pass when every |SMD| after adjustment < 0.1; fail otherwise"
        case .horizon: return "pass when no month of the horizon lies beyond the data; warning when months are extrapolated"
        case .triangulation: return "pass when every method's estimate has the same sign; warning when methods disagree in sign"
        case .surveyResponse: return "pass when at least 50 % respond; warning below 50 %"
        case .breakdown: return "pass when the breakdown M̄ ≥ 1; warning when it is below 1"
        }
    }

    /// What to do when the check does not pass.
    public var advice: String {
        switch self {
        case .clusters:
            return "With fewer than 30 clusters cluster-robust standard errors are too small: use the wild cluster bootstrap "
                + "(Webb weights) or CR2 with Satterthwaite degrees of freedom. With fewer than 2 clusters no cluster-robust "
                + "inference is possible: cluster at a finer level or collect more groups."
        case .bootstrapFailures:
            return "Failed replicates are counted, never dropped silently; many failures mean resamples without treated or "
                + "comparison units: resample by cluster within treatment groups, or collect more clusters."
        case .preTrend:
            return "The trained units drifted from the comparison group before training: parallel trends is in doubt. Read the "
                + "breakdown M̄, try not-yet-treated controls or covariates, and report the effect as fragile."
        case .balance:
            return "The comparison group still differs from the trained group after adjustment: add covariates to the "
                + "propensity model, use a caliper, or report the regression-adjusted (doubly robust) estimate."
        case .horizon:
            return "Months beyond the data are extrapolated, not observed: shorten the horizon to the months the data cover "
                + "(guiding principle 9) or state the extrapolation and its decay in the report."
        case .triangulation:
            return "The methods disagree on the direction of the effect: the effect is not robust to the isolation method. "
                + "Report the most conservative estimate (guiding principle 4) and examine why the designs differ."
        case .surveyResponse:
            return "Fewer than half the participants answered: non-respondents count as zero improvement (guiding principle 6), "
                + "so the participant estimate is low; follow up with non-respondents or use another isolation method."
        case .breakdown:
            return "A post-training violation of parallel trends smaller than the largest pre-training one would bring the ROI "
                + "interval to the hurdle: the positive ROI rests heavily on parallel trends."
        }
    }
}

extension StudyReportSections {
    /// The breakdown M̄ of the ROI, or why it was not computed.
    public enum BreakdownEvidence: Sendable, Equatable {
        case measured(BreakdownROIValue)
        case notRun(reason: String)
    }

    /// The ingredients of the diagnostics; each check runs only when its ingredient is given.
    public struct DiagnosticIngredients: Sendable, Equatable {
        /// Clusters G of the headline's inference.
        public var clusterCount: Int?
        /// Bootstrap replicates requested and failed (`ROIChainResult.failedReplicates`).
        public var bootstrap: (replicates: Int, failed: Int)?
        /// The pre-trend test of the event study, when one ran.
        public var preTrend: StudyReport.PreTrendTest?
        /// The balance section of a control-group comparison.
        public var balance: StudyReport.BalanceSection?
        /// Horizon months, months the data estimate, and months extrapolated (`ROIChainResult.extrapolatedMonths`).
        public var horizon: (horizonMonths: Double, dataMonths: Int?, extrapolatedMonths: Int)?
        /// The isolation methods side by side.
        public var triangulation: StudyReport.IsolationComparison?
        /// Participant-estimate survey: respondents and participants surveyed.
        public var survey: (respondents: Int, surveyed: Int)?
        /// The ROI's breakdown M̄, or why it was not computed.
        public var breakdown: BreakdownEvidence?

        /// Ingredients; leave out what the study did not produce.
        public init(
            clusterCount: Int? = nil, bootstrap: (replicates: Int, failed: Int)? = nil, preTrend: StudyReport.PreTrendTest? = nil,
            balance: StudyReport.BalanceSection? = nil, horizon: (horizonMonths: Double, dataMonths: Int?, extrapolatedMonths: Int)? = nil,
            triangulation: StudyReport.IsolationComparison? = nil, survey: (respondents: Int, surveyed: Int)? = nil,
            breakdown: BreakdownEvidence? = nil
        ) {
            precondition(bootstrap.map { $0.replicates >= 1 && (0...$0.replicates).contains($0.failed) } ?? true, "0 ≤ failed ≤ replicates")
            precondition(
                survey.map { $0.surveyed >= 0 && (0...max(0, $0.surveyed)).contains($0.respondents) } ?? true, "respondents ≤ surveyed")
            self.clusterCount = clusterCount
            self.bootstrap = bootstrap
            self.preTrend = preTrend
            self.balance = balance
            self.horizon = horizon
            self.triangulation = triangulation
            self.survey = survey
            self.breakdown = breakdown
        }

        public static func == (a: Self, b: Self) -> Bool {
            a.clusterCount == b.clusterCount && a.bootstrap?.replicates == b.bootstrap?.replicates
                && a.bootstrap?.failed == b.bootstrap?.failed && a.preTrend == b.preTrend && a.balance == b.balance
                && a.horizon?.horizonMonths == b.horizon?.horizonMonths && a.horizon?.dataMonths == b.horizon?.dataMonths
                && a.horizon?.extrapolatedMonths == b.horizon?.extrapolatedMonths && a.triangulation == b.triangulation
                && a.survey?.respondents == b.survey?.respondents && a.survey?.surveyed == b.survey?.surveyed
                && a.breakdown == b.breakdown
        }
    }

    /// The diagnostic checks of the given ingredients, in `StudyDiagnostic.allCases` order, each
    /// with its verdict by the rule of `StudyDiagnostic.rule` (docs/diagnostics.md).
    public static func diagnostics(_ ingredients: DiagnosticIngredients) -> [StudyReport.DiagnosticCheck] {
        var checks: [StudyReport.DiagnosticCheck] = []
        func add(_ d: StudyDiagnostic, _ status: StudyReport.DiagnosticStatus, _ value: String) {
            checks.append(.init(name: d.name, status: status, value: value, rule: d.rule, advice: status == .pass ? "" : d.advice))
        }
        if let g = ingredients.clusterCount {
            add(.clusters, g < 2 ? .fail : g < 30 ? .warning : .pass, "G = \(g) clusters")
        }
        if let b = ingredients.bootstrap {
            let share = Double(b.failed) / Double(b.replicates)
            // More than 5 % failed: the interval rests on a visibly selected set of resamples.
            add(
                .bootstrapFailures, b.failed == 0 ? .pass : share > 0.05 ? .fail : .warning,
                "\(b.failed) of \(b.replicates) replicates failed (\(NumberText.percent(share * 100)))")
        }
        if let p = ingredients.preTrend {
            add(
                .preTrend, p.pValue >= 0.05 ? .pass : .fail,
                "\(p.statistic) = \(NumberText.statistic(p.value, significant: 4)), \(NumberText.pEquation(p.pValue))")
        }
        if let balance = ingredients.balance {
            let values = balance.rows.map { abs($0.after ?? $0.before) }
            let worst = balance.rows.max { abs($0.after ?? $0.before) < abs($1.after ?? $1.before) }
            if let worst {
                let adjusted = worst.after == nil ? " (no adjustment)" : " after \(balance.adjustment)"
                add(
                    .balance, values.allSatisfy { $0 < balance.threshold } ? .pass : .fail,
                    "largest |SMD|\(adjusted) = \(NumberText.statistic(abs(worst.after ?? worst.before), significant: 3)) (\(worst.covariate))"
                )
            } else {
                add(.balance, .notRun, "no covariates to compare")
            }
        }
        if let h = ingredients.horizon {
            let data = h.dataMonths.map { "the data estimate \($0) months" } ?? "the data's support is not stated"
            add(
                .horizon, h.extrapolatedMonths == 0 ? .pass : .warning,
                "\(NumberText.statistic(h.horizonMonths))-month horizon; \(data); \(h.extrapolatedMonths) months extrapolated")
        }
        if let t = ingredients.triangulation {
            let positive = t.methods.filter { $0.estimate > 0 }.count
            let negative = t.methods.filter { $0.estimate < 0 }.count
            if t.methods.count < 2 {
                add(.triangulation, .notRun, "only one isolation method")
            } else {
                add(
                    .triangulation, positive > 0 && negative > 0 ? .warning : .pass,
                    "\(t.methods.count) methods: \(positive) positive, \(negative) negative, \(t.methods.count - positive - negative) zero")
            }
        }
        if let s = ingredients.survey {
            if s.surveyed == 0 {
                add(.surveyResponse, .notRun, "nobody was surveyed")
            } else {
                let rate = Double(s.respondents) / Double(s.surveyed)
                add(
                    .surveyResponse, rate >= 0.5 ? .pass : .warning,
                    "\(s.respondents) of \(s.surveyed) responded (\(NumberText.percent(rate * 100)))")
            }
        }
        switch ingredients.breakdown {
        case nil: break
        case .notRun(let reason): add(.breakdown, .notRun, reason)
        case .measured(.value(let v)):
            add(.breakdown, v >= 1 ? .pass : .warning, "breakdown M̄ = \(NumberText.statistic(v, significant: 3))")
        case .measured(.notAboveHurdleAtZero):
            add(.breakdown, .warning, "the ROI interval reaches the hurdle already at M̄ = 0")
        case .measured(.atLeast(let v)):
            add(.breakdown, .pass, "breakdown M̄ ≥ \(NumberText.statistic(v)) (the largest searched)")
        }
        return checks
    }
}

extension StudyReportSections.DiagnosticIngredients {
    /// Sets the bootstrap and horizon ingredients from the ROI chain: replicates = used + failed
    /// (`ROIChainResult.failures`, counted, never dropped), and the horizon of `stream` against the
    /// months the data estimate (an event-time path's length, else `stream.dataSupportMonths`) with
    /// `ROIChainResult.extrapolatedMonths`.
    public mutating func record(roi: ROIChainResult, stream: BenefitStream, effect: EffectPath) {
        bootstrap = (roi.replicatesUsed + roi.failedReplicates, roi.failedReplicates)
        horizon = (stream.horizonMonths, effect.estimatedMonths ?? stream.dataSupportMonths, roi.extrapolatedMonths)
    }
}
