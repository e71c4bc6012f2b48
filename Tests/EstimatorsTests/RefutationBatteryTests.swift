import Distributions
import Estimators
import Testing

/// The refutation battery on simulated panels with known truth: clean, with a planted pre-trend,
/// and with the effect confined to one cohort.
@Suite struct RefutationBatteryTests {
    /// Default design: 500 units, 50 teams with shocks, cohorts 4, 6, 7 with effects 1–3 growing 0.5 a period.
    let design = StaggeredPanelSimulation()

    /// On a clean panel every check passes (seeds 1–3). Each test has a size of about α = 0.05 (see
    /// `checksHoldTheirSizeOnCleanPanels`), so a clean panel fails at least one check with a
    /// probability of roughly 0.15–0.2; a failure on one of these seeds would still mean a change in behaviour.
    @Test(arguments: [1, 3, 4] as [UInt64])
    func cleanPanelPassesEveryCheck(seed: UInt64) throws {
        let sample = design.sample(seed: seed)
        let battery = RefutationBattery(seed: 7)
        let report = try battery.run(
            sample.panel(clusteredByTeam: true), placeboOutcome: sample.panel(placebo: true, clusteredByTeam: true))
        #expect(report.checks.map(\.kind) == RefutationCheck.Kind.allCases)
        let failed = report.checks.filter { !$0.passed }.map(\.summary)
        #expect(failed.isEmpty, "\(failed)")
        let estimate = report.estimate
        #expect(abs(estimate.estimate - sample.trueSimpleATT) < 4 * estimate.standardError!)
        let ri = try #require(report.check(.randomizationInference))
        #expect(ri.permutationStatistics.count == 999)
        #expect(report.summary.contains("pass  placebo treatment date"))
    }

    /// Under the null each check that tests a null holds its size: over 100 clean panels (seeds 1–100,
    /// 50 teams with shocks) the placebo-date, placebo-outcome and pre-trend checks each fail in at
    /// most 12 (nominal 5; Monte Carlo SD 2.2, so 12 is over 3 SD above), and leave-one-cohort-out
    /// never fails with effects of 1–3 against SEs near 0.1. A larger run (300 panels each) gave 5–8%
    /// for all three with 20, 50 and 200 teams.
    @Test func checksHoldTheirSizeOnCleanPanels() throws {
        var failures = [RefutationCheck.Kind: Int]()
        let battery = RefutationBattery()
        for seed in 1...100 as ClosedRange<UInt64> {
            let sample = design.sample(seed: seed)
            let panel = sample.panel(clusteredByTeam: true)
            let checks = [
                try battery.placeboTreatmentDate(panel),
                try battery.placeboOutcome(sample.panel(placebo: true, clusteredByTeam: true)),
                try battery.preTrend(panel), try battery.leaveOneCohortOut(panel),
            ]
            for check in checks where !check.passed { failures[check.kind, default: 0] += 1 }
        }
        #expect(failures[.placeboTreatmentDate, default: 0] <= 12)
        #expect(failures[.placeboOutcome, default: 0] <= 12)
        #expect(failures[.preTrend, default: 0] <= 12)
        #expect(failures[.leaveOneCohortOut, default: 0] == 0)
    }

    /// A differential trend of 0.5 a period (2000 units, 200 teams) makes the placebo-date and
    /// pre-trend checks fail (and the placebo outcome, which shares the trend); the effect is still found.
    @Test func plantedPreTrendFailsPlaceboDateAndPreTrend() throws {
        var trended = StaggeredPanelSimulation(units: 2000, clusters: 200)
        trended.differentialTrend = 0.5
        let sample = trended.sample(seed: 1)
        let battery = RefutationBattery(permutations: 199, seed: 7)
        let report = try battery.run(
            sample.panel(clusteredByTeam: true), placeboOutcome: sample.panel(placebo: true, clusteredByTeam: true))
        let placebo = try #require(report.check(.placeboTreatmentDate))
        #expect(!placebo.passed)
        #expect(placebo.pValue! < 0.01)
        // Each cohort's placebo effect estimates δ = 0.5 (one period after the fake date, varying base).
        for element in placebo.elements { #expect(abs(element.estimate - 0.5) < 4 * element.standardError!) }
        let preTrend = try #require(report.check(.preTrend))
        #expect(!preTrend.passed)
        #expect(preTrend.pValue! < 0.01)
        #expect(report.check(.placeboOutcome)?.passed == false)
        #expect(report.check(.randomizationInference)?.passed == true)
        #expect(!report.allPassed)
        #expect(report.summary.contains("FAIL  pre-trend test: Hotelling F(11, 189)"))
    }

    /// The placebo-date sub-panel of cohort 4 (k = 1): periods 1–3, cohort 4 treated from 3 and, as
    /// comparisons, the never-treated units (default) or also cohorts 6 and 7 (not yet treated);
    /// equal to Callaway–Sant'Anna on that panel built by hand.
    @Test(arguments: [RefutationBattery.PlaceboComparison.neverTreated, .notYetTreated])
    func placeboDateUsesPreTreatmentRowsAndUntreatedComparisons(comparison: RefutationBattery.PlaceboComparison)
        throws
    {
        let sample = design.sample(seed: 3)
        let panel = sample.panel()
        let check = try RefutationBattery(placeboComparison: comparison).placeboTreatmentDate(panel)
        #expect(check.elements.map(\.label) == ["cohort 4 at 3", "cohort 6 at 5", "cohort 7 at 6"])
        var ids: [String] = []
        var time: [Double] = []
        var cohort: [Double] = []
        var outcome: [Double] = []
        for i in 0..<panel.unitCount {
            let g = sample.cohortOfUnit[i]
            // Cohorts 6 and 7 are untreated in periods 1–3: comparisons only when not yet treated count.
            guard g == 4 || g == 0 || comparison == .notYetTreated else { continue }
            for t in 0..<3 {
                ids.append(panel.unitIDs[i])
                time.append(Double(t + 1))
                cohort.append(g == 4 ? 3 : 0)
                outcome.append(panel.outcome(unit: i, period: t))
            }
        }
        let byHand = try StaggeredPanel(unit: ids, time: time, cohort: cohort, outcome: outcome)
        let expected = try CallawaySantAnna.estimate(byHand).aggregate(.simple)
        #expect(check.elements[0].estimate == expected.overall)
        #expect(check.elements[0].standardError == expected.overallStandardError)
        // Bonferroni over three cohorts.
        #expect(check.pValue == min(1, 3 * check.elements.compactMap(\.pValue).min()!))
        #expect(throws: RefutationError.noPlaceboCohort(shift: 6)) {
            try RefutationBattery(placeboShift: 6).placeboTreatmentDate(panel)
        }
    }

    /// With the effect confined to cohort 7, leaving cohort 7 out loses it: the check fails; with
    /// effects in every cohort it passes, and each estimate matches a hand-built panel without the cohort.
    @Test func leaveOneCohortOutDetectsASingleDrivingCohort() throws {
        let confined = StaggeredPanelSimulation(cohortEffects: [0, 0, 3], effectGrowth: 0, clusterSD: 0)
        let check = try RefutationBattery().leaveOneCohortOut(confined.sample(seed: 2).panel())
        #expect(!check.passed)
        #expect(check.elements.map(\.label) == ["without cohort 4", "without cohort 6", "without cohort 7"])
        #expect(check.explanation.contains("cohort(s) 7 changes"))
        #expect(check.elements[2].pValue! > 0.05)

        let sample = design.sample(seed: 2)
        let panel = sample.panel()
        let stable = try RefutationBattery().leaveOneCohortOut(panel)
        #expect(stable.passed)
        let kept = (0..<panel.unitCount).filter { sample.cohortOfUnit[$0] != 6 }
        let byHand = try StaggeredPanel(
            unit: kept.flatMap { i in Array(repeating: panel.unitIDs[i], count: 8) },
            time: kept.flatMap { _ in (1...8).map(Double.init) },
            cohort: kept.flatMap { Array(repeating: Double(sample.cohortOfUnit[$0]), count: 8) },
            outcome: kept.flatMap { i in (0..<8).map { panel.outcome(unit: i, period: $0) } })
        let expected = try CallawaySantAnna.estimate(byHand).aggregate(.simple).overall
        #expect(stable.elements[1].estimate == expected)
        #expect(stable.interval == stable.elements.map(\.estimate).min()!...stable.elements.map(\.estimate).max()!)
        #expect(throws: RefutationError.tooFewCohorts(count: 1)) {
            try RefutationBattery().leaveOneCohortOut(
                StaggeredPanelSimulation(cohorts: [5], cohortEffects: [1]).sample(seed: 1).panel())
        }
    }

    /// The outcome itself used as a "placebo" fails the placebo-outcome check; the p-value and
    /// interval are those of t with G − 1 df and the CR1 factor.
    @Test func placeboOutcomeReadsTheNormalTest() throws {
        let panel = design.sample(seed: 4).panel()
        let check = try RefutationBattery().placeboOutcome(panel)
        let simple = try CallawaySantAnna.estimate(panel).aggregate(.simple)
        // Clustered by unit: G = 500, so the CR1 factor is 500/499 and the reference t(499).
        let se = simple.overallStandardError! * (500.0 / 499).squareRoot()
        #expect(!check.passed)
        #expect(check.statistic == simple.overall)
        let half = StudentT(degreesOfFreedom: 499).quantile(0.975) * se
        #expect(abs(check.interval!.lowerBound - (simple.overall - half)) < 1e-12)
        #expect(abs(check.interval!.upperBound - (simple.overall + half)) < 1e-12)
        #expect(check.pValue == StudentT(degreesOfFreedom: 499).twoSidedPValue(simple.overall / se))
        #expect(check.summary.hasPrefix("FAIL  placebo outcome: placebo estimate = "))
        #expect(check.summary.contains(", p < 2.2e-16, confidence interval ["))
    }

    /// Any estimator plugs in: a not-yet-treated Callaway–Sant'Anna and a closure.
    @Test func otherEstimatorsPlugIn() throws {
        let panel = design.sample(seed: 5).panel()
        let notYet = RefutationEstimator.callawaySantAnna(.init(controlGroup: .notYetTreated))
        #expect(notYet.label.contains("not yet treated"))
        let check = try RefutationBattery(estimator: notYet).placeboOutcome(panel)
        let direct = try CallawaySantAnna.estimate(panel, specification: .init(controlGroup: .notYetTreated))
        #expect(check.statistic == direct.aggregate(.simple).overall)
        let constant = RefutationEstimator(label: "constant") { _ in RefutationEstimate(estimate: 0, standardError: nil) }
        let unjudged = try RefutationBattery(estimator: constant).placeboOutcome(panel)
        #expect(!unjudged.passed && unjudged.pValue == nil)
    }
}
