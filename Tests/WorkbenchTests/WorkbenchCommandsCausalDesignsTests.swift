import DataFrameModule
import Estimators
import Foundation
import Reporting
import Testing

@testable import Workbench

private let referenceData = repositoryRoot().appendingPathComponent("datasets/reference/data")
private let csPanel = referenceData.appendingPathComponent("cs_staggered_panel.csv").path
private let esPanel = referenceData.appendingPathComponent("es_staggered.csv").path
private let crossSection = referenceData.appendingPathComponent("cg_small.csv").path

@Suite("WorkbenchCommands for the causal designs")
struct WorkbenchCommandsCausalDesignsTests {
    @Test("did --json carries the estimator's ATT(g,t) and aggregations and round-trips")
    func staggeredDiDJSON() throws {
        let columns = PanelColumns(outcome: "y", unit: "id", time: "period", cohort: "cohort", cluster: "site")
        let spec = CallawaySantAnnaSpecification(controlGroup: .notYetTreated)
        let json = try WorkbenchCommands.staggeredDiD(
            dataPath: csPanel, columns: columns, specification: spec, aggregations: [.simple, .group], json: true)
        let report = try ReportJSON.decode(StaggeredDiDReport.self, from: json)
        let frame = try DataFrame.readCSV(path: csPanel)
        let panel = try StaggeredPanel(data: frame, outcome: "y", unit: "id", time: "period", cohort: "cohort", cluster: "site")
        let result = try CallawaySantAnna.estimate(panel, specification: spec)
        #expect(report.format == "impact-staggered-did/1")
        #expect(report.groupTimeEffects.map(\.estimate) == result.effects.map(\.estimate))
        #expect(report.aggregations.map(\.kind) == ["simple", "group"])
        #expect(report.aggregations[0].overall.estimate == result.aggregate(.simple).overall)
        #expect(report.aggregations[1].elements.map(\.estimate) == result.aggregate(.group).elements.map(\.estimate))
        #expect(report.clusters == 30)
        #expect(report.assumptions.contains { $0.contains("not yet treated") })
        let text = try WorkbenchCommands.staggeredDiD(dataPath: csPanel, columns: columns, specification: spec)
        #expect(text.contains("Aggregation: dynamic"))
        #expect(text.contains("ATT(4, 5)"))
    }

    @Test("eventstudy --json equals the library's event study, with its covariance")
    func eventStudyJSON() throws {
        let columns = PanelColumns(outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team")
        let json = try WorkbenchCommands.eventStudy(dataPath: esPanel, columns: columns, leads: 3, lags: 3, json: true)
        let report = try ReportJSON.decode(EventStudyReport.self, from: json)
        let frame = try DataFrame.readCSV(path: esPanel)
        let result = try EventStudy.estimate(
            EventStudySpecification(
                outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team", leads: 3, lags: 3),
            data: frame)
        #expect(report.eventTimes.map(\.estimate) == result.eventTimes.map(\.estimate))
        #expect(report.eventTimes.filter(\.reference).map(\.label) == ["event time -1"])
        #expect(report.covarianceMatrix.count == 6)
        #expect(report.covarianceMatrix[2][2] == result.covariance[2, 2])
        #expect(report.preTrendTest?.leads == [-3, -2])
        #expect(report.clusters == 40)
    }

    @Test("compare lists the four estimators; ATT leaves AIPW out and says so")
    func controlGroup() throws {
        let json = try WorkbenchCommands.controlGroupComparison(
            dataPath: crossSection, outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"], json: true)
        let report = try ReportJSON.decode(ControlGroupReport.self, from: json)
        #expect(report.estimates.map(\.label) == ["difference in means (Welch)", "regression adjustment", "IPW (normalized weights)", "AIPW"])
        let comparison = try ControlGroupComparison(
            data: DataFrame.readCSV(path: crossSection), outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"])
        #expect(report.estimates[3].estimate == (try comparison.augmentedInverseProbabilityWeighting().effect))
        #expect(report.estimates[0].estimate == comparison.differenceInMeans().difference)
        let att = try ReportJSON.decode(
            ControlGroupReport.self,
            from: WorkbenchCommands.controlGroupComparison(
                dataPath: crossSection, outcome: "y", treatment: "d", covariates: ["x1", "x2", "x3"],
                target: .averageTreatmentEffectOnTreated, json: true))
        #expect(att.estimates.count == 3)
        #expect(att.assumptions.contains { $0.contains("AIPW is reported for the ATE only") })
    }

    @Test("balance flags the raw imbalance and reports the weighted rows")
    func balance() throws {
        let json = try WorkbenchCommands.balance(
            dataPath: crossSection, treatment: "d", covariates: ["x1", "x2", "x3"], json: true)
        let report = try ReportJSON.decode(BalanceReport.self, from: json)
        let table = try ControlGroupComparison(
            data: DataFrame.readCSV(path: crossSection), outcome: "d", treatment: "d", covariates: ["x1", "x2", "x3"]
        ).balance()
        #expect(report.before.map(\.standardizedMeanDifference) == table.before.map(\.standardizedMeanDifference))
        #expect(report.flaggedBefore == table.flaggedBefore)
        #expect(report.flaggedBefore.contains("x1"))
        let text = try WorkbenchCommands.balance(dataPath: crossSection, treatment: "d", covariates: ["x1", "x2", "x3"])
        #expect(text.contains("SMD before"))
    }

    @Test("the side-by-side JSON carries every estimator's series and the decomposition")
    func staggeredComparisonJSON() throws {
        let path = referenceData.appendingPathComponent("sunab_staggered.csv").path
        let columns = PanelColumns(outcome: "y", unit: "unit", time: "time", cohort: "cohort", cluster: "team")
        let json = try WorkbenchCommands.staggeredComparison(dataPath: path, columns: columns, window: -2...2, json: true)
        let report = try ReportJSON.decode(StaggeredComparisonReport.self, from: json)
        #expect(report.format == "impact-staggered-comparison/1")
        #expect(report.estimators.map(\.name) == StaggeredEstimator.allCases.map(\.rawValue))
        #expect(report.estimators.allSatisfy { $0.failure == nil && $0.overall != nil })
        let decomposition = try GoodmanBacon.decompose(
            StaggeredPanel(data: DataFrame.readCSV(path: path), outcome: "y", unit: "unit", time: "time", cohort: "cohort"))
        #expect(report.forbiddenWeight == decomposition.forbiddenWeight)
        let twfe = try #require(report.estimators.first?.overall?.estimate)
        #expect(abs(twfe - decomposition.twfeEstimate) < 1e-10)
        #expect(report.estimators[0].series.map(\.eventTime) == [-2, -1, 0, 1, 2])
    }

    @Test("an unbalanced panel reaches did as the panel's typed error")
    func unbalancedPanel() throws {
        let columns = PanelColumns(outcome: "y", unit: "unit", time: "time", cohort: "cohort")
        #expect(throws: StaggeredPanelError.self) {
            try WorkbenchCommands.staggeredDiD(dataPath: esPanel, columns: columns)
        }
    }
}
