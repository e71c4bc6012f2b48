import Attribution
import Foundation
import Reporting
import Testing

@testable import Workbench

@Suite("Report diagnostics: verdicts at and around each threshold")
struct StudyDiagnosticsTests {
    typealias Ingredients = StudyReportSections.DiagnosticIngredients

    /// The single check the ingredients produce.
    func check(_ ingredients: Ingredients) throws -> StudyReport.DiagnosticCheck {
        let checks = StudyReportSections.diagnostics(ingredients)
        try #require(checks.count == 1)
        return checks[0]
    }

    func status(_ ingredients: Ingredients) throws -> StudyReport.DiagnosticStatus { try check(ingredients).status }

    @Test("clusters: fail below 2, warning below 30, pass from 30; the advice names the wild bootstrap")
    func clusters() throws {
        #expect(try status(Ingredients(clusterCount: 1)) == .fail)
        #expect(try status(Ingredients(clusterCount: 2)) == .warning)
        #expect(try status(Ingredients(clusterCount: 29)) == .warning)
        #expect(try status(Ingredients(clusterCount: 30)) == .pass)
        let few = try check(Ingredients(clusterCount: 12))
        #expect(few.value == "G = 12 clusters")
        #expect(few.advice.contains("wild cluster bootstrap"))
        #expect(few.rule == StudyDiagnostic.clusters.rule)
        #expect(try check(Ingredients(clusterCount: 40)).advice.isEmpty)
    }

    @Test("failed replicates: pass at 0, warning up to 5 %, fail above")
    func failures() throws {
        #expect(try status(Ingredients(bootstrap: (1000, 0))) == .pass)
        #expect(try status(Ingredients(bootstrap: (1000, 1))) == .warning)
        #expect(try status(Ingredients(bootstrap: (1000, 50))) == .warning)
        #expect(try status(Ingredients(bootstrap: (1000, 51))) == .fail)
        #expect(try check(Ingredients(bootstrap: (999, 3))).value == "3 of 999 replicates failed (0.3 %)")
    }

    @Test("pre-trend: pass at p ≥ 0.05, fail below")
    func preTrend() throws {
        func test(_ p: Double) -> StudyReport.PreTrendTest {
            StudyReport.PreTrendTest(statistic: "F(3, 29)", value: 1.2, degreesOfFreedom: 3, pValue: p)
        }
        #expect(try status(Ingredients(preTrend: test(0.05))) == .pass)
        #expect(try status(Ingredients(preTrend: test(0.0499))) == .fail)
        #expect(try status(Ingredients(preTrend: test(0.41))) == .pass)
        #expect(try check(Ingredients(preTrend: test(0.41))).value == "F(3, 29) = 1.2, p = 0.4100")
    }

    @Test("balance: pass when every |SMD| after adjustment is below 0.1; before is used without adjustment")
    func balance() throws {
        func section(_ after: [Double?], before: Double = 0.5) -> StudyReport.BalanceSection {
            StudyReport.BalanceSection(
                adjustment: "IPW (ATT)",
                rows: after.enumerated().map { StudyReport.BalanceRow(covariate: "x\($0)", before: before, after: $1) }, threshold: 0.1)
        }
        #expect(try status(Ingredients(balance: section([0.02, -0.099]))) == .pass)
        #expect(try status(Ingredients(balance: section([0.02, -0.1]))) == .fail)
        #expect(try status(Ingredients(balance: section([0.02, 0.15]))) == .fail)
        #expect(try check(Ingredients(balance: section([0.02, -0.15]))).value == "largest |SMD| after IPW (ATT) = 0.15 (x1)")
        #expect(try status(Ingredients(balance: section([nil], before: 0.05))) == .pass)
        #expect(try check(Ingredients(balance: section([nil], before: 0.3))).value.contains("(no adjustment)"))
        #expect(try status(Ingredients(balance: section([]))) == .notRun)
    }

    @Test("horizon: pass with no extrapolated month, warning with one")
    func horizon() throws {
        #expect(try status(Ingredients(horizon: (12, 12, 0))) == .pass)
        #expect(try status(Ingredients(horizon: (13, 12, 1))) == .warning)
        #expect(
            try check(Ingredients(horizon: (24, 12, 12))).value == "24-month horizon; the data estimate 12 months; 12 months extrapolated")
    }

    @Test("triangulation: warning when methods disagree in sign; not run with one method")
    func triangulation() throws {
        func comparison(_ estimates: [Double]) -> StudyReport.IsolationComparison {
            let rows = estimates.map {
                StudyReport.IsolationRow(
                    method: "m", label: "m", estimate: $0, standardError: nil,
                    interval: StudyReport.Interval(lower: $0 - 1, upper: $0 + 1, level: 0.95, method: "x"), replicates: 0,
                    observations: nil)
            }
            return StudyReport.IsolationComparison(kpi: "y", direction: "increase", methods: rows, headlineIndex: 0, reason: "r")
        }
        #expect(try status(Ingredients(triangulation: comparison([1, 2, 0.5]))) == .pass)
        #expect(try status(Ingredients(triangulation: comparison([1, 0]))) == .pass)
        #expect(try status(Ingredients(triangulation: comparison([1, -0.1]))) == .warning)
        #expect(try status(Ingredients(triangulation: comparison([-1, -2]))) == .pass)
        #expect(try status(Ingredients(triangulation: comparison([1]))) == .notRun)
    }

    @Test("survey response: pass from 50 %, warning below")
    func survey() throws {
        #expect(try status(Ingredients(survey: (50, 100))) == .pass)
        #expect(try status(Ingredients(survey: (49, 100))) == .warning)
        #expect(try check(Ingredients(survey: (194, 270))).value == "194 of 270 responded (71.9 %)")
        #expect(try status(Ingredients(survey: (0, 0))) == .notRun)
    }

    @Test("breakdown M̄: pass from 1, warning below or at the hurdle already; not run says why")
    func breakdown() throws {
        #expect(try status(Ingredients(breakdown: .measured(.value(1)))) == .pass)
        #expect(try status(Ingredients(breakdown: .measured(.value(0.999)))) == .warning)
        #expect(try status(Ingredients(breakdown: .measured(.notAboveHurdleAtZero))) == .warning)
        #expect(try status(Ingredients(breakdown: .measured(.atLeast(64)))) == .pass)
        let notRun = try check(Ingredients(breakdown: .notRun(reason: StudyReportSections.breakdownNeedsEventStudy)))
        #expect(notRun.status == .notRun)
        #expect(notRun.value.contains("not an event study"))
    }

    @Test("no ingredient, no check; all ingredients, one check each in a fixed order")
    func order() throws {
        #expect(StudyReportSections.diagnostics(Ingredients()).isEmpty)
        let all = StudyReportSections.diagnostics(
            Ingredients(
                clusterCount: 30, bootstrap: (999, 0),
                preTrend: StudyReport.PreTrendTest(statistic: "F", value: 1, degreesOfFreedom: 1, pValue: 0.5),
                balance: StudyReport.BalanceSection(
                    adjustment: "a", rows: [StudyReport.BalanceRow(covariate: "x", before: 0.2, after: 0.01)], threshold: 0.1),
                horizon: (12, 12, 0), triangulation: nil, survey: (10, 10), breakdown: .measured(.value(2))))
        #expect(
            all.map(\.name)
                == [
                    StudyDiagnostic.clusters, .bootstrapFailures, .preTrend, .balance, .horizon, .surveyResponse, .breakdown,
                ].map(\.name))
        #expect(all.allSatisfy { $0.status == .pass })
    }

    @Test("the ROI chain fills the bootstrap and horizon ingredients")
    func fromROIChain() throws {
        let roi = try StudyReportSectionsSensitivityTests.roi()
        var ingredients = Ingredients()
        ingredients.record(roi: roi, stream: try StudyReportSectionsSensitivityTests.stream(), effect: .constant(0.26))
        #expect(ingredients.bootstrap?.replicates == 200 && ingredients.bootstrap?.failed == 0)
        #expect(ingredients.horizon?.horizonMonths == 12 && ingredients.horizon?.dataMonths == 24)
        #expect(ingredients.horizon?.extrapolatedMonths == 0)
        #expect(StudyReportSections.diagnostics(ingredients).map(\.status) == [.pass, .pass])
        let path = EffectPath.eventTime([0.2, 0.3])
        ingredients.record(roi: roi, stream: try StudyReportSectionsSensitivityTests.stream(), effect: path)
        #expect(ingredients.horizon?.dataMonths == 2)
    }

    @Test("docs/diagnostics.md states every check's rule in the same words")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/diagnostics.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for d in StudyDiagnostic.allCases {
            #expect(text.contains(d.name), "\(d.name)")
            #expect(text.contains(d.rule), "\(d.rule)")
        }
    }
}
