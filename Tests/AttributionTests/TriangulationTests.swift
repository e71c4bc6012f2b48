import DataFrameModule
import Estimators
import Testing

@testable import Attribution

@Suite("Triangulation of isolation methods")
struct TriangulationTests {
    static func estimate(_ method: String, _ effect: Double, kpi: String = "sales", halfWidth: Double = 1) -> IsolationEstimate {
        IsolationEstimate(
            method: method, kpi: kpi, effect: effect, standardError: halfWidth / 1.96, lower: effect - halfWidth,
            upper: effect + halfWidth, level: 0.95, inference: "test")
    }

    @Test("a higher KPI is a benefit: the smallest effect is the headline, and the reason says why")
    func increase() throws {
        let t = try Triangulation(
            estimates: [Self.estimate("control group", 5), Self.estimate("DiD", 3), Self.estimate("participants", 4)],
            direction: .increase)
        #expect(t.headlineIndex == 1)
        #expect(t.headline.method == "DiD")
        #expect(t.reason.contains("DiD gives the smallest benefit"))
        #expect(t.reason.contains("principle 4"))
        #expect(t.estimates.count == 3)
        let entry = try #require(t.principles.entries.first)
        #expect(entry.principle == .mostConservative && entry.before == 5 && entry.after == 3)
    }

    @Test("a lower KPI is a benefit: the smallest reduction is the headline")
    func decrease() throws {
        let t = try Triangulation(
            estimates: [Self.estimate("A", -5), Self.estimate("B", -3), Self.estimate("C", -4)], direction: .decrease)
        #expect(t.headline.method == "B")
    }

    @Test("ties go to the method listed first; intervals through zero and on the side of harm are flagged")
    func tiesAndFlags() throws {
        let tie = try Triangulation(estimates: [Self.estimate("A", 2), Self.estimate("B", 2)], direction: .increase)
        #expect(tie.headline.method == "A")
        let zero = try Triangulation(estimates: [Self.estimate("A", 0.5), Self.estimate("B", 2)], direction: .increase)
        #expect(zero.reason.contains("includes no effect"))
        let harm = try Triangulation(estimates: [Self.estimate("A", -3), Self.estimate("B", 2)], direction: .increase)
        #expect(harm.reason.contains("side of harm"))
    }

    @Test("bad input: no estimates, or estimates on different KPIs")
    func badInput() {
        #expect(throws: IsolationError.noMethods) { try Triangulation(estimates: [], direction: .increase) }
        #expect(throws: IsolationError.mixedKPIs(["errors", "sales"])) {
            try Triangulation(
                estimates: [Self.estimate("A", 1), Self.estimate("B", 1, kpi: "errors")], direction: .increase)
        }
    }

    @Test("runs real methods side by side on a simulated panel")
    func simulated() throws {
        let sample = IsolationFixture.singleCohort.sample(seed: 21)
        let frame = try IsolationFixture.frame(sample)
        let did = IsolationDiD2x2(
            specification: .init(
                outcome: "y", unit: "unit", time: "time", treatedGroup: "treated", treatmentStart: 5, cluster: "team"),
            data: frame)
        let twfe = IsolationTWFE(outcome: "y", treatment: "d", unit: "unit", time: "time", cluster: "team", data: frame)
        let cs = IsolationCallawaySantAnna(panel: sample.panel(clusteredByTeam: true), kpi: "y")
        let t = try Triangulation.run([did, twfe, cs], direction: .increase, bootstrap: .init(replicates: 99, seed: 2))
        #expect(t.estimates.count == 3)
        #expect(t.estimates.allSatisfy { $0.replicates?.replicates == 99 })
        #expect(t.headline.effect == t.estimates.map(\.effect).min())
        #expect(t.estimates.allSatisfy { abs($0.effect - 2) < 0.5 })
    }
}
