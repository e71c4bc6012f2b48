/// One isolation method's identifying choices in words, for the report's design table and
/// assumptions (house style 11: summaries state the assumptions).
struct StudyDesignWords {
    let treatedGroup: String
    let period: String
    let controlGroup: String
    /// The identifying assumptions, one sentence each.
    let assumptions: [String]

    init(study: Study, spec: Study.IsolationSpec) {
        let time = study.panel.time
        let y = study.outcome
        switch spec.detail {
        case .did2x2(let design):
            treatedGroup = "\(design.treatedGroup) = 1"
            period = design.period.condition(time: time)
            controlGroup = "never-trained units (\(design.treatedGroup) = 0), observed over the same periods"
            assumptions = [
                "Parallel trends: without the program, the mean \(y) of the trained group (\(design.treatedGroup) = 1) "
                    + "would have changed as that of the comparison group did.",
                "No anticipation: \(y) was not affected by the program before the post period (\(period)).",
                "Control group = never-trained units (\(design.treatedGroup) = 0); group membership is fixed over the panel; no covariates.",
            ]
        case .twfe(let treatment):
            treatedGroup = "rows with \(treatment) = 1"
            period = "\(treatment) = 1"
            controlGroup = "untreated unit-periods, with \(study.panel.unit) and \(time) effects"
            assumptions = ["Parallel trends and a constant effect: with staggered timing and effects that change over time the TWFE coefficient can be biased (Goodman-Bacon 2021)."]
        case .callawaySantAnna(let timing, let control, let anticipation):
            treatedGroup = "cohorts by \(timing.column)"
            period = "\(time) ≥ first treated period − \(anticipation)"
            controlGroup = "\(control.label) units"
            assumptions = ["Parallel trends of each cohort with the \(control.label) units; no anticipation beyond \(anticipation) period(s)."]
        case .sunAbraham(let cohort):
            treatedGroup = "cohorts by \(cohort)"
            period = "\(time) ≥ \(cohort)"
            controlGroup = "never-treated units (or the last-treated cohort)"
            assumptions = ["Parallel trends of every cohort with the control cohort; no anticipation."]
        case .imputation(let cohort, let anticipation):
            treatedGroup = "cohorts by \(cohort)"
            period = "\(time) ≥ \(cohort) − \(anticipation)"
            controlGroup = "untreated unit-periods (Y(0) imputed from unit and period effects)"
            assumptions = ["Untreated outcomes follow unit and period effects (parallel trends); no anticipation beyond \(anticipation) period(s)."]
        case .controlGroup(let treated, let covariates, let estimator):
            treatedGroup = "\(treated) = 1"
            period = "as observed"
            controlGroup = "\(treated) = 0, adjusted for \(covariates.joined(separator: ", ")) (\(estimator))"
            assumptions = ["No unmeasured confounding given \(covariates.joined(separator: ", ")), and overlap of the propensity scores."]
        case .interruptedTimeSeries(let group, let interruption):
            treatedGroup = group.map { "\($0) = 1" } ?? "all units"
            period = "\(time) ≥ \(interruption)"
            controlGroup = "the group's own pre-training trend, projected"
            assumptions = ["Without the program the pre-training trend of \(y) would have continued; nothing else changed at \(time) \(interruption)."]
        case .participantEstimates(let survey):
            treatedGroup = "trained participants in \(survey.pathAsWritten)"
            period = "as reported by participants"
            controlGroup = "none: participants attribute a share of their improvement to the program"
            assumptions = ["Participants' improvement × share × confidence is an unbiased-to-conservative estimate of the program's effect."]
        }
    }
}
