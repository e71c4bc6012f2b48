import DataFrameModule
import Estimators
import Foundation
import Testing

/// The contact-centre panel (`datasets/contact-centre/`), read once.
private let contactCentre = bundledFrame("datasets/contact-centre/contact_centre.csv")

/// True effect of the training at event time e (README, "Data-generating process"): a ramp to −1.2
/// minutes per call over four weeks.
private func trueEffect(eventTime e: Int) -> Double { e < 0 ? 0 : -1.2 * min(1, Double(e + 1) / 4) }

/// True simple ATT: τ(e) averaged over every trained agent-week, which is what Callaway–Sant'Anna's
/// simple aggregation and the imputation estimator target on a balanced panel (README).
private let trueSimpleATT = -1.129870

/// Estimators recover the known truth of the synthetic contact-centre panel. Tolerances: an
/// estimate passes when it lies within 3 standard errors of the truth (a seeded draw, so the
/// outcome is fixed; 3 SE leaves room for the sampling error any one draw has).
@Suite("Bundled datasets: contact-centre handle time")
struct BundledDatasetContactCentreTests {
    private func panel(_ outcome: String) throws -> StaggeredPanel {
        try StaggeredPanel(
            data: contactCentre, outcome: outcome, unit: "agent_id", time: "week", cohort: "training_week",
            cluster: "team_id")
    }

    @Test("the design is as documented: 360 agents, 24 teams, 4 cohorts and 6 never-trained teams")
    func design() throws {
        let panel = try panel("handle_time")
        #expect(panel.unitCount == 360)
        #expect(panel.clusterCount == 24)
        #expect(panel.treatedCohorts == [14, 24, 34, 44])
        let cohorts = try #require(contactCentre["training_week"]?.numericValues())
        #expect(cohorts.filter(\.isNaN).count == 6 * 15 * 52)
        #expect(contactCentre["handle_time"]?.missingCount == 0)
    }

    @Test("Callaway–Sant'Anna's simple ATT recovers the true −1.13 minutes per call within 3 SE")
    func callawaySantAnnaSimple() throws {
        let result = try CallawaySantAnna.estimate(panel("handle_time"))
        let simple = result.aggregate(.simple)
        let se = try #require(simple.overallStandardError)
        #expect(abs(simple.overall - trueSimpleATT) < 3 * se)
    }

    @Test("Callaway–Sant'Anna's event-time effects follow the true ramp; pre-periods are zero")
    func callawaySantAnnaDynamic() throws {
        let dynamic = try CallawaySantAnna.estimate(panel("handle_time")).aggregate(.dynamic)
        var checked = 0
        for element in dynamic.elements where (-8...12).contains(Int(element.label)) {
            let se = try #require(element.standardError)
            #expect(abs(element.estimate - trueEffect(eventTime: Int(element.label))) < 3 * se, "e = \(element.label)")
            checked += 1
        }
        #expect(checked == 21)
    }

    @Test("point estimates equal moderndid 0.2.0 (the Python port of R did) to 1e-9")
    func moderndidReference() throws {
        // moderndid 0.2.0: att_gt(yname="handle_time", tname="week", idname=<agent number>,
        // gname=<training_week, 0 = never>, est_method="reg", boot=False), then aggte(type=...).
        let reference: [Double: Double] = [
            -3: 0.03841358024691359, -2: -0.023617283950617296, -1: -0.13406790123456788, 0: 0.03495061728395058,
            1: -0.4320432098765432, 2: -0.7602407407407408, 3: -0.9702222222222222, 4: -1.1019753086419755,
            5: -1.1479938271604937, 6: -1.072067901234568,
        ]
        let result = try CallawaySantAnna.estimate(panel("handle_time"))
        #expect(abs(result.aggregate(.simple).overall - -0.9259944684944685) < 1e-9)
        let dynamic = result.aggregate(.dynamic).elements
        for (e, value) in reference {
            let element = try #require(dynamic.first { $0.label == e })
            #expect(abs(element.estimate - value) < 1e-9, "e = \(e)")
        }
    }

    @Test("time saved → money: the README's hours and value follow from the data at 38 USD/h")
    func timeSavedToMoney() throws {
        let week = try #require(contactCentre["week"]?.numericValues())
        let cohort = try #require(contactCentre["training_week"]?.numericValues())
        let calls = try #require(contactCentre["calls_handled"]?.numericValues())
        var trainedCalls = 0.0
        var hoursSaved = 0.0
        for i in week.indices where !cohort[i].isNaN && week[i] >= cohort[i] {
            trainedCalls += calls[i]
            // Minutes saved per call × calls, in hours.
            hoursSaved -= trueEffect(eventTime: Int(week[i] - cohort[i])) * calls[i] / 60
        }
        #expect(trainedCalls == 1_431_079)
        #expect(abs(hoursSaved - 26_939.4) < 0.05)
        #expect(abs(hoursSaved * 38 - 1_023_697.20) < 2)
    }

    @Test("placebo: training has no effect on the scheduled hours")
    func placebo() throws {
        let simple = try CallawaySantAnna.estimate(panel("scheduled_hours")).aggregate(.simple)
        let se = try #require(simple.overallStandardError)
        #expect(abs(simple.overall) < 3 * se)
    }

    @Test("the heterogeneity-robust estimators of the staggered comparison agree with the truth")
    func staggeredComparison() throws {
        let spec = StaggeredComparisonSpecification(
            outcome: "handle_time", unit: "agent_id", time: "week", cohort: "training_week", cluster: "team_id",
            window: -4...6)
        let comparison = StaggeredComparison.run(spec, data: contactCentre)
        for estimator in [StaggeredEstimator.callawaySantAnna, .imputation] {
            let row = try #require(comparison.row(estimator))
            #expect(row.failure == nil)
            let overall = try #require(row.overall)
            let se = try #require(overall.standardError)
            #expect(abs(overall.estimate - trueSimpleATT) < 3 * se, "\(estimator.rawValue)")
            for point in row.series where point.eventTime >= 0 {
                let pointSE = try #require(point.standardError)
                #expect(abs(point.estimate - trueEffect(eventTime: point.eventTime)) < 3 * pointSE)
            }
        }
        // Every estimator ran; the static TWFE coefficient is reported, not checked against the truth:
        // with a ramp-up it weights the 2×2 comparisons unevenly (see the README).
        for row in comparison.rows {
            #expect(row.failure == nil, "\(row.estimator.rawValue): \(row.failure ?? "")")
        }
    }
}
