import Inference

/// Stability of the estimate when one cohort is left out.
extension RefutationBattery {
    /// Leave-one-cohort-out: the estimator re-run without each treated cohort's units in turn.
    ///
    /// The conclusion of an estimate is its sign when it is significant at α (two-sided t test with G − 1
    /// df, see `inference`) and "no effect" otherwise. The check passes when every leave-one-out estimate reaches
    /// the same conclusion as the full panel, i.e. no single cohort makes or breaks the finding
    /// (the jackknife-style influence diagnostics of Young 2019, "Channeling Fisher", QJE 134(2),
    /// and Goodman-Bacon 2021, §5, applied to cohorts). Statistic: the largest absolute change
    /// from the full estimate; interval: the range of the leave-one-out estimates. Effects that
    /// differ across cohorts move the estimate without failing the check; only a changed
    /// conclusion does.
    /// - Throws: `RefutationError.tooFewCohorts` with fewer than two cohorts; the estimator's errors.
    public func leaveOneCohortOut(_ panel: StaggeredPanel) throws -> RefutationCheck {
        try leaveOneCohortOut(panel, full: estimator.estimate(panel))
    }

    /// Leave-one-cohort-out given the full-panel estimate.
    func leaveOneCohortOut(_ panel: StaggeredPanel, full: RefutationEstimate) throws -> RefutationCheck {
        let cohorts = panel.treatedCohorts
        guard cohorts.count >= 2 else { throw RefutationError.tooFewCohorts(count: cohorts.count) }
        let fullConclusion = conclusion(full, clusters: panel.clusterCount)
        var elements: [RefutationCheck.Element] = []
        var changed: [Double] = []
        for g in cohorts {
            let kept = panel.cohorts.indices.filter { panel.cohorts[$0] != g }
            let sub = StaggeredPanel(
                slicing: panel, units: kept, periods: Array(panel.periods.indices), cohorts: kept.map { panel.cohorts[$0] })
            let value = try estimator.estimate(sub)
            if conclusion(value, clusters: sub.clusterCount) != fullConclusion { changed.append(g) }
            elements.append(
                .init(
                    label: "without cohort \(StatisticsText.compact(g))", estimate: value.estimate,
                    standardError: value.standardError, pValue: inference(value, clusters: sub.clusterCount)?.p))
        }
        let estimates = elements.map(\.estimate)
        let largest = estimates.map { abs($0 - full.estimate) }.max()!
        let passed = changed.isEmpty
        let explanation =
            passed
            ? "Leaving out any one cohort keeps the conclusion (\(conclusionText(fullConclusion)) at \(levelText)); "
                + "no single cohort drives the result."
            : "Leaving out cohort(s) " + changed.map { StatisticsText.compact($0) }.joined(separator: ", ")
                + " changes the conclusion (\(conclusionText(fullConclusion)) at \(levelText) with all cohorts): "
                + "the finding rests on those cohorts."
        return RefutationCheck(
            kind: .leaveOneCohortOut, statistic: largest, statisticLabel: "largest |change|", pValue: nil,
            interval: estimates.min()!...estimates.max()!, passed: passed, explanation: explanation,
            elements: elements)
    }

    /// +1 / −1 for a significant positive / negative estimate, 0 otherwise (also without an SE).
    func conclusion(_ value: RefutationEstimate, clusters: Int) -> Int {
        guard let p = inference(value, clusters: clusters)?.p, p < alpha else { return 0 }
        return value.estimate > 0 ? 1 : -1
    }

    func conclusionText(_ conclusion: Int) -> String {
        conclusion == 0 ? "no significant effect" : conclusion > 0 ? "a significant positive effect" : "a significant negative effect"
    }
}
