import Inference

/// Placebo checks: effects where there can be none, at fake treatment dates or on a placebo outcome.
extension RefutationBattery {
    /// Placebo treatment dates: each cohort's date moved `placeboShift` = k periods earlier, on its
    /// pre-treatment periods only.
    ///
    /// For cohort g the sub-panel keeps the periods before g, the cohort's units with the fake date
    /// g − k (counted in periods of the panel) and, as comparisons coded never treated, the
    /// never-treated units (`placeboComparison == .neverTreated`) or all units untreated throughout
    /// those periods (`.notYetTreated`: also the cohorts first treated after the last kept period);
    /// other cohorts are left out. Under a not-yet-treated comparison a trend shared by all treated
    /// cohorts is partly differenced away, as it is in the estimator. Every effect estimated there
    /// is a placebo: under parallel trends and no anticipation it is 0. The cohorts' tests are
    /// combined by Bonferroni: p = min(1, m · min_g p_g), with p_g the two-sided p-value of cohort
    /// g's placebo estimate (t with G − 1 df, see `inference`); the statistic is the largest |t|
    /// (Roth, Sant'Anna, Bilinski & Poe 2023, §3.2, in-time placebo tests; Abadie 2021, JEL 59(2),
    /// on backdating). Passes when p ≥ α. Cohorts with fewer than k + 1 untreated periods or no
    /// comparison units are skipped; the estimator's anticipation setting should be 0.
    /// - Throws: `RefutationError.noPlaceboCohort` when every cohort is skipped; the estimator's errors.
    public func placeboTreatmentDate(_ panel: StaggeredPanel) throws -> RefutationCheck {
        let k = placeboShift
        var elements: [RefutationCheck.Element] = []
        var skipped: [Double] = []
        var largestT = 0.0
        for g in panel.treatedCohorts {
            // Periods 0..<pre are untreated for cohort g.
            let pre = panel.periods.firstIndex { $0 >= g } ?? panel.periods.count
            guard pre - k >= 1 else {
                skipped.append(g)
                continue
            }
            let fake = panel.periods[pre - k]
            let lastKept = panel.periods[pre - 1]
            var units: [Int] = []
            var cohorts: [Double?] = []
            var comparisons = 0
            for (i, c) in panel.cohorts.enumerated() {
                if c == g {
                    units.append(i)
                    cohorts.append(fake)
                } else if c == nil || (placeboComparison == .notYetTreated && c! > lastKept) {
                    // Untreated in every kept period: a valid comparison, whatever happens later.
                    units.append(i)
                    cohorts.append(nil)
                    comparisons += 1
                }
            }
            guard comparisons > 0 else {
                skipped.append(g)
                continue
            }
            let sub = StaggeredPanel(slicing: panel, units: units, periods: Array(0..<pre), cohorts: cohorts)
            let value = try estimator.estimate(sub)
            let clusters = Double(sub.clusterCount)
            let p = inference(value, clusters: sub.clusterCount)?.p
            if let se = value.standardError, se > 0, clusters >= 2 {
                // The same CR1-scaled t as the p-value (see `inference`).
                largestT = max(largestT, abs(value.estimate / (se * (clusters / (clusters - 1)).squareRoot())))
            }
            elements.append(
                .init(
                    label: "cohort \(StatisticsText.compact(g)) at \(StatisticsText.compact(fake))",
                    estimate: value.estimate, standardError: value.standardError, pValue: p))
        }
        guard !elements.isEmpty else { throw RefutationError.noPlaceboCohort(shift: k) }
        let tested = elements.compactMap(\.pValue)
        // A cohort without a standard error cannot be judged, so the check cannot pass.
        let p = tested.count == elements.count ? min(1, Double(tested.count) * (tested.min() ?? 1)) : nil
        let passed = p.map { $0 >= alpha } ?? false
        var explanation =
            "Treatment dates moved \(k) period(s) earlier on pre-treatment data give "
            + (passed
                ? "no significant placebo effect (Bonferroni over \(elements.count) cohort(s)), as parallel trends "
                    + "and no anticipation predict."
                : "a significant placebo effect (Bonferroni over \(elements.count) cohort(s)): outcomes already "
                    + "diverged before training, so parallel trends or no anticipation is in doubt.")
        if !skipped.isEmpty {
            explanation +=
                " Skipped (too few untreated periods or comparisons): cohort(s) "
                + skipped.map { StatisticsText.compact($0) }.joined(separator: ", ") + "."
        }
        return RefutationCheck(
            kind: .placeboTreatmentDate, statistic: largestT, statisticLabel: "largest placebo |t|", pValue: p,
            interval: nil, passed: passed, explanation: explanation, elements: elements)
    }

    /// Placebo outcome: the estimator re-run on an outcome the training cannot affect (measured
    /// before it, or unrelated to it), with the same units, cohorts and periods.
    ///
    /// Statistic: the placebo estimate θ̂; p and interval from t = θ̂/(√(G/(G−1))·se) with G − 1 df
    /// (G clusters of the panel; normal to within 1/n when clustered by unit).
    /// Passes when p ≥ α (Imbens & Rubin 2015, §21 on pseudo-outcomes; Athey & Imbens 2017, §4.2).
    /// - Throws: the estimator's errors.
    public func placeboOutcome(_ placeboPanel: StaggeredPanel) throws -> RefutationCheck {
        let value = try estimator.estimate(placeboPanel)
        let inference = self.inference(value, clusters: placeboPanel.clusterCount)
        let passed = inference.map { $0.p >= alpha } ?? false
        let explanation =
            inference == nil
            ? "The placebo estimate has no standard error, so the check cannot be judged."
            : passed
                ? "The effect on an outcome training cannot affect is not significant at \(levelText), as it should be."
                : "The \"effect\" on an outcome training cannot affect is significant at \(levelText): the comparison "
                    + "picks up something other than training (selection, shocks timed with it)."
        return RefutationCheck(
            kind: .placeboOutcome, statistic: value.estimate, statisticLabel: "placebo estimate",
            pValue: inference?.p, interval: inference?.interval, passed: passed, explanation: explanation,
            elements: [.init(label: "placebo outcome", estimate: value.estimate, standardError: value.standardError, pValue: inference?.p)])
    }
}
