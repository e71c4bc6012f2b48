import Attribution
import Reporting

extension StudyReportSections {
    /// Level names of the chain of impact (Phillips & Phillips, *Show Me the Money* (2007), ch. 1).
    public static let impactLevelNames = [
        1: "Reaction and planned action", 2: "Learning", 3: "Application and implementation", 4: "Business impact",
        5: "Return on investment",
    ]

    /// The chain-of-impact section: levels 1–5 in order, each present; a level without data has
    /// `measured: false` and no measures (guiding principle 2: lower levels need not be comprehensive).
    ///
    /// - Level 1 from `ReactionSummary`: mean rating and share favourable (`≥ threshold`), with n and missing.
    /// - Level 2 from `LearningSummary`: mean pre and post scores, mean change with the paired t test
    ///   (R `t.test(post, pre, paired = TRUE)`), Cohen's d_z, complete and incomplete pairs.
    /// - Level 3 from `ApplicationSummary`: the share applying, with respondents and non-respondents.
    /// - Level 4 from the headline isolation row: the effect per treated unit per month and its interval.
    /// - Level 5 from the report's ROI: ROI % with its interval, BCR, and P(ROI > 0).
    ///
    /// `settings`, when given, names each level's file as its source; intangibles are listed as
    /// "name: evidence", not priced (guiding principle 11).
    public static func chainOfImpactSection(
        chain: ChainOfImpact?, impact: StudyReport.IsolationRow?, roi: StudyReport.ROI?,
        settings: Study.ChainOfImpactSettings? = nil
    ) -> StudyReport.ChainOfImpactSection {
        let levels = [
            level(1, chain?.reaction.map(reactionMeasures), source: settings?.reaction?.file.pathAsWritten),
            level(2, chain?.learning.map(learningMeasures), source: settings?.learning?.file.pathAsWritten),
            level(3, chain?.application.map(applicationMeasures), source: settings?.application?.file.pathAsWritten),
            level(4, impact.map(impactMeasures), source: impact.map { "isolation step: \($0.label)" }),
            level(5, roi.map(roiMeasures), source: roi.map { _ in "ROI chain (bootstrap over the whole chain)" }),
        ]
        let intangibles = (chain?.intangibles ?? []).map { "\($0.name): \($0.evidence)" }
        return StudyReport.ChainOfImpactSection(levels: levels, intangibles: intangibles)
    }

    static func level(_ number: Int, _ measures: [StudyReport.ImpactMeasure]?, source: String?) -> StudyReport.ImpactLevel {
        StudyReport.ImpactLevel(
            level: number, name: impactLevelNames[number]!, measured: measures != nil, measures: measures ?? [],
            source: measures == nil ? nil : source)
    }

    static func reactionMeasures(_ r: ReactionSummary) -> [StudyReport.ImpactMeasure] {
        let scale = "\(NumberText.statistic(r.scale.lowerBound))–\(NumberText.statistic(r.scale.upperBound))"
        let missing = r.missing > 0 ? ", \(r.missing) without a rating left out" : ""
        return [
            .init(label: "mean rating (\(scale))", value: r.mean, detail: "n = \(r.respondents)\(missing)"),
            .init(
                label: "share favourable (rating ≥ \(NumberText.statistic(r.favourableThreshold)))", value: r.shareFavourable,
                detail: "\(NumberText.percent(r.shareFavourable * 100)) of \(r.respondents) respondents"),
        ]
    }

    static func learningMeasures(_ l: LearningSummary) -> [StudyReport.ImpactMeasure] {
        let incomplete = l.incompletePairs > 0 ? ", \(l.incompletePairs) incomplete left out" : ""
        let test =
            "paired t(\(NumberText.statistic(l.degreesOfFreedom))) = \(NumberText.statistic(l.tStatistic, significant: 4)), "
            + "\(NumberText.pEquation(l.pValue)); \(l.pairs) complete pairs\(incomplete)"
        return [
            .init(label: "mean pre-training score", value: l.meanPre, detail: "\(l.pairs) complete pairs"),
            .init(label: "mean post-training score", value: l.meanPost, detail: "\(l.pairs) complete pairs"),
            .init(label: "mean change (post − pre)", value: l.meanChange, detail: test),
            .init(
                label: "effect size (Cohen's d_z)", value: l.cohenDz,
                detail: "mean change ÷ SD of changes (\(NumberText.statistic(l.standardDeviationOfChange, significant: 4)))"),
        ]
    }

    static func applicationMeasures(_ a: ApplicationSummary) -> [StudyReport.ImpactMeasure] {
        let non = a.nonRespondents > 0 ? "; \(a.nonRespondents) non-respondents left out" : ""
        return [
            .init(
                label: "share applying on the job", value: a.shareApplying,
                detail: "\(a.applying) of \(a.respondents) respondents\(non)")
        ]
    }

    static func impactMeasures(_ row: StudyReport.IsolationRow) -> [StudyReport.ImpactMeasure] {
        let n = row.observations.map { "; \($0) observations" } ?? ""
        return [
            .init(
                label: "effect per treated unit per month (\(row.method))", value: row.estimate, interval: row.interval,
                detail: row.label + n)
        ]
    }

    static func roiMeasures(_ roi: StudyReport.ROI) -> [StudyReport.ImpactMeasure] {
        func interval(_ f: StudyReport.Figure) -> StudyReport.Interval {
            // The ROI figures' intervals all come from the one bootstrap over the whole chain.
            StudyReport.Interval(lower: f.lower, upper: f.upper, level: roi.level, method: "bootstrap over the ROI chain")
        }
        return [
            .init(label: "ROI (%)", value: roi.roiPercent.point, interval: interval(roi.roiPercent)),
            .init(label: "benefit–cost ratio", value: roi.benefitCostRatio.point, interval: interval(roi.benefitCostRatio)),
            .init(label: "P(ROI > 0)", value: roi.probabilityPositive, detail: "share of bootstrap replicates"),
        ]
    }
}
