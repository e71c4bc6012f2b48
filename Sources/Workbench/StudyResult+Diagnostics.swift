import Attribution
import Reporting

/// The chain-of-impact section and the diagnostics of a study report, from the run's own results.
extension StudyResult {
    /// Levels 1–5 (`StudyReportSections.chainOfImpactSection`): levels 1–3 from the study's files
    /// (not measured without them), level 4 the headline isolation row, level 5 the ROI.
    func chainOfImpactSection(isolation: StudyReport.IsolationComparison, roi: StudyReport.ROI) -> StudyReport.ChainOfImpactSection {
        StudyReportSections.chainOfImpactSection(
            chain: sections.chainOfImpact, impact: isolation.headline, roi: roi, settings: study.chainOfImpact)
    }

    /// Every diagnostic ingredient the run has: the clusters, the chain's failed replicates and
    /// horizon, the pre-trend test (the event study's, else Sun–Abraham's leads), the balance, the
    /// methods side by side, the participant survey's response and the breakdown M̄ (or why not).
    func diagnosticIngredients(isolation: StudyReport.IsolationComparison) -> StudyReportSections.DiagnosticIngredients {
        var ingredients = StudyReportSections.DiagnosticIngredients(
            clusterCount: clusterCount, preTrend: sections.eventStudy?.preTrend ?? sections.preTrend, balance: sections.balance,
            triangulation: isolation, breakdown: sections.breakdown)
        ingredients.record(roi: chain, stream: benefitStream, effect: headlineEffect)
        if let survey = methods.first(where: { $0.spec.method == .participantEstimates }),
            let surveyed = survey.treatedUnitsObservedPost, let respondents = survey.observations
        {
            // A survey run counts participants as its treated units and respondents as its observations.
            ingredients.survey = (respondents, surveyed)
        }
        return ingredients
    }
}
