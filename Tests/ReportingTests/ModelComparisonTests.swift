import Estimators
import Foundation
import Inference
import Testing

@testable import Reporting

@Suite("Model comparison built from fits")
struct ModelComparisonTests {
    @Test("rows are the union of the fits' names in first-appearance order, intercept first")
    func unionOrdering() throws {
        let comparison = ModelComparison(fits: try comparisonFits())
        #expect(
            comparison.rows.map(\.name) == [
                "Intercept", "trained_team", "post", "trained_team:post", "tenure_months", "C(role)[T.Senior]",
                "trained",
            ])
        #expect(comparison.models.map(\.title) == ["(1)", "(2)", "(3)"])
        // Coefficients a model lacks are absent, not dropped.
        #expect(comparison["tenure_months"]?.cells.map { $0 == nil } == [true, false, true])
        #expect(comparison["trained"]?.cells[0] == nil)
    }

    @Test("the intercept row comes first even when the first model has none")
    func interceptFirst() throws {
        let fits = try ["sales ~ post + tenure_months - 1", "sales ~ post"].map {
            try LinearRegression.fit($0, data: salesTrainingFrame)
        }
        let comparison = ModelComparison(fits: fits, titles: ["no intercept", "with intercept"])
        #expect(comparison.rows.map(\.name) == ["Intercept", "post", "tenure_months"])
        #expect(comparison["Intercept"]?.cells[0] == nil)
        #expect(comparison.models.map(\.title) == ["no intercept", "with intercept"])
        #expect(ModelComparison.orderedNames([["b", "a"], ["a", "Intercept", "c"]]) == ["Intercept", "b", "a", "c"])
    }

    @Test("cells are the fits' coefficient-table values; stars follow the p-values")
    func cellsMatchFits() throws {
        let fits = try comparisonFits()
        let comparison = ModelComparison(fits: fits, level: 0.9)
        var starred = 0
        for (j, fit) in fits.enumerated() {
            let table = fit.coefficientTable(level: 0.9)
            for row in table.rows where !row.isDropped {
                let cell = try #require(comparison[row.name]?.cells[j])
                #expect(cell.estimate == fit.coefficient(row.name))
                #expect(cell.standardError == row.standardError)
                #expect(cell.pValue == row.pValue)
                #expect(cell.lower == row.lower && cell.upper == row.upper)
                #expect(cell.stars == expectedStars(row.pValue), "\(row.name) in model \(j + 1), p = \(row.pValue)")
                if !cell.stars.isEmpty { starred += 1 }
            }
        }
        // The DiD effect (true value 1,500) is significant at 1 % with 30 clusters in every model.
        for cell in try #require(comparison["trained_team:post"]?.cells) {
            let did = try #require(cell)
            #expect(did.stars == "***")
            #expect(try #require(did.pValue) < 0.01)
        }
        #expect(starred > 0)
        #expect(comparison.level == 0.9)
    }

    @Test("N, R², adjusted R², covariance label and cluster counts are the fits'")
    func footerMatchesFits() throws {
        let fits = try comparisonFits()
        let comparison = ModelComparison(fits: fits)
        for (model, fit) in zip(comparison.models, fits) {
            #expect(model.observations == fit.n)
            #expect(model.totalRows == 14_400)
            #expect(model.rSquared == fit.rSquared)
            #expect(model.adjustedRSquared == fit.adjustedRSquared)
            #expect(model.withinRSquared == nil)
            #expect(model.fixedEffects.isEmpty)
            #expect(model.covariance == "Clustered (team_id), G = 30, CR1")
            #expect(model.covariance == fit.covarianceLabel)
            #expect(model.inferenceDF == 29)
            #expect(model.clusters == [.init(variable: "team_id", count: 30)])
            #expect(model.formula == fit.formula.text)
            #expect(model.outcome == "sales")
            #expect(!model.weighted && model.weights == nil)
        }
        #expect(comparison.models[0].observations == 14_354)
        #expect(comparison.clusterVariables == ["team_id"])
        #expect(comparison.fixedEffects.isEmpty)
    }

    @Test("a collinear coefficient is a dropped cell and its warning is carried")
    func droppedCoefficient() throws {
        let fits = try comparisonFits()
        let comparison = ModelComparison(fits: fits)
        #expect(fits[2].droppedColumns == ["trained"])
        #expect(comparison["trained"]?.cells[2] == .collinear)
        #expect(comparison.models[2].warnings == fits[2].warnings)
        #expect(comparison.models[2].warnings.contains { $0.contains("trained") })
        let text = comparison.text()
        let lines = text.split(separator: "\n")
        let i = try #require(lines.firstIndex { $0.hasPrefix("trained ") })
        #expect(lines[i].hasSuffix("dropped"))
        // Dropped in the only model that has it: no empty standard-error line before the rule.
        #expect(lines[i + 1].hasPrefix("─"))
    }

    @Test("a weighted fit records the weight column; stars can be switched off")
    func weightsAndNoStars() throws {
        let fit = try LinearRegression.fit("sales ~ post", data: salesTrainingFrame, weights: "tenure_months")
        let comparison = ModelComparison(fits: [fit], weights: "tenure_months", stars: .none)
        #expect(comparison.models[0].weighted && comparison.models[0].weights == "tenure_months")
        #expect(comparison.rows.allSatisfy { $0.cells.allSatisfy { $0?.stars == "" } })
        let weightsLine = comparison.text().split(separator: "\n").first { $0.hasPrefix("Weights ") }
        #expect(weightsLine?.hasSuffix(" tenure_months") == true)
        #expect(comparison.text().contains("Standard errors in parentheses.\n"))
    }

    @Test("text table of the bundled fits: the DiD row with stars and its SE beneath")
    func textOfFits() throws {
        let fits = try comparisonFits()
        let text = ModelComparison(fits: fits).text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try #require(lines.firstIndex { $0.hasPrefix("trained_team:post ") })
        let table = fits[0].coefficientTable()
        let did = try #require(table["trained_team:post"])
        #expect(lines[i].contains(NumberText.statistic(did.estimate, significant: 4) + "***"))
        #expect(lines[i + 1].contains("(" + NumberText.statistic(did.standardError, significant: 4) + ")"))
        #expect(lines.contains { $0.hasPrefix("N ") && $0.contains("14,354") })
        #expect(lines.contains { $0.hasPrefix("Clusters (team_id)") })
    }
}

/// The conventional stars written out independently of `SignificanceStars`.
func expectedStars(_ p: Double) -> String {
    if p.isNaN { return "" }
    if p < 0.01 { return "***" }
    if p < 0.05 { return "**" }
    if p < 0.10 { return "*" }
    return ""
}
