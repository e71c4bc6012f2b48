import Estimators
import Testing

@Suite struct ImputationEstimatorSummaryTests {
    /// The summary states the design, the variance's averaging and clusters, every estimand, the
    /// pre-trend test and the unimputable observations.
    @Test func summaryStatesChoicesEstimatesAndProblems() throws {
        let data = try imputationPanel(units: 40, periods: 6, cohorts: [0, 3, 1, 0, 5])
        let spec = ImputationEstimator.Specification(
            outcome: "y", unit: "id", time: "period", cohort: "cohort", cluster: "site", preTrendLeads: 1,
            averaging: .leaveOutCohortEventTime)
        let result = try ImputationEstimator.estimate(spec, data: data)
        let text = result.summary()
        for needle in [
            "Imputation estimator (Borusyak, Jaravel & Spiess 2024)", "clustered by site, G = 4",
            "by cohort × event time, leaving out the own cluster", "overall ATT", "h = 0", "h = 3",
            "Pre-trend test (untreated observations, leads at event times -1 = 0)", "48 treated not imputable",
            "Y(0) could not be imputed for 48 treated observation(s)", "Only 4 clusters", "95% CI",
        ] {
            #expect(text.contains(needle), "summary lacks '\(needle)'")
        }
        #expect(result.eventTimes.map(\.eventTime) == [0, 1, 2, 3])
    }
}
