import DataFrameModule
import Estimators
import Foundation
import Reporting
import Testing

@testable import Workbench

private let salesPath = repositoryRoot().appendingPathComponent("datasets/sales-training/sales_training.csv").path
private let formulas = ["sales ~ trained_team * post", "sales ~ trained_team * post + tenure_months"]

@Suite("WorkbenchCommands.regress with several formulas")
struct WorkbenchCommandsRegressTests {
    @Test("the comparison equals one built from fits made directly, with the same covariance")
    func compareMatchesFits() throws {
        let comparison = try WorkbenchCommands.compare(
            dataPath: salesPath, formulas: formulas, titles: ["DiD", "DiD + tenure"], covariance: "cluster:team_id")
        let frame = try DataFrame.readCSV(path: salesPath)
        let fits = try formulas.map {
            try LinearRegression.fit($0, data: frame, covariance: .clustered(by: ["team_id"], correction: .stata))
        }
        #expect(comparison == ModelComparison(fits: fits, titles: ["DiD", "DiD + tenure"]))
        #expect(comparison.models.map(\.covariance) == ["Clustered (team_id), G = 30, CR1", "Clustered (team_id), G = 30, CR1"])
    }

    @Test("text, Markdown and JSON outputs are the comparison's renderings")
    func outputs() throws {
        let comparison = try WorkbenchCommands.compare(dataPath: salesPath, formulas: formulas, covariance: "hc1")
        let text = try WorkbenchCommands.regress(dataPath: salesPath, formulas: formulas, covariance: "hc1")
        #expect(text == comparison.text())
        let markdown = try WorkbenchCommands.regress(
            dataPath: salesPath, formulas: formulas, covariance: "hc1", output: .markdown)
        #expect(markdown == comparison.markdown())
        let json = try WorkbenchCommands.regress(dataPath: salesPath, formulas: formulas, covariance: "hc1", output: .json)
        #expect(try ReportJSON.decode(ModelComparison.self, from: json) == comparison)
    }

    @Test("one formula keeps the single-model outputs")
    func singleFormula() throws {
        let text = try WorkbenchCommands.regress(dataPath: salesPath, formulas: [formulas[0]])
        #expect(text.hasPrefix("Ordinary least squares (OLS)\nFormula:      sales ~ trained_team * post\n"))
        #expect(try WorkbenchCommands.regress(dataPath: salesPath, formula: formulas[0]) == text)
        let markdown = try WorkbenchCommands.regress(dataPath: salesPath, formulas: [formulas[0]], output: .markdown)
        #expect(markdown.hasPrefix("## Regression: `sales ~ trained_team * post`"))
        let json = try WorkbenchCommands.regress(dataPath: salesPath, formulas: [formulas[0]], output: .json)
        #expect(try ReportJSON.decode(RegressionReport.self, from: json).formula == formulas[0])
    }

    @Test("a formula that does not parse or fit names its model")
    func failingModel() throws {
        let badColumn = formulas + ["sales ~ trained_teem"]
        let error = try #require(throws: ModelFitError.self) {
            try WorkbenchCommands.compare(dataPath: salesPath, formulas: badColumn)
        }
        #expect(error.model == 3)
        #expect(error.description.hasPrefix("Model (3) 'sales ~ trained_teem': "))
        #expect(error.description.contains("trained_team"))
        let badSyntax = ["sales ~ post", "sales ~ "]
        let syntax = try #require(throws: ModelFitError.self) {
            try WorkbenchCommands.compare(dataPath: salesPath, formulas: badSyntax, titles: ["a", "b"])
        }
        #expect(syntax.description.hasPrefix("Model (2) \"b\" 'sales ~ ': "))
    }
}
