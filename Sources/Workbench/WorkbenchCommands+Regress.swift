import DataFrameModule
import Estimators
import ModelSpec
import Reporting

extension WorkbenchCommands {
    /// Fits every formula by OLS (WLS with `weights`) on one CSV file with the same covariance and
    /// returns what `impact regress` prints.
    ///
    /// One formula keeps the single-model output (text summary, `RegressionReport` as Markdown or
    /// JSON); several give the side-by-side `ModelComparison` (R `modelsummary`, fixest `etable`,
    /// Stata `esttab`) as text, Markdown or JSON. The data are read once.
    ///
    /// - Parameters:
    ///   - formulas: at least one formula.
    ///   - titles: one column title per formula for a comparison (default `(1)`, `(2)`, …); unused
    ///     with one formula.
    ///   - covariance: text in `CovarianceSyntax` form (`hc1`, `cluster:team_id`, …).
    ///   - level: confidence level of the intervals (single-model output and the comparison's JSON).
    /// - Throws: `CovarianceSyntaxError`, the CSV reader's errors, and for one formula the fit's own
    ///   error; for several, `ModelFitError` naming the model whose formula failed.
    public static func regress(
        dataPath: String, formulas: [String], titles: [String]? = nil, covariance: String = "classical",
        weights: String? = nil, level: Double = 0.95, output: RegressionOutput = .text
    ) throws -> String {
        precondition(!formulas.isEmpty, "regress needs at least one formula")
        if formulas.count == 1 {
            let type = try CovarianceSyntax.parse(covariance)
            let parsed = try Formula.parse(formulas[0])
            let frame = try DataFrame.readCSV(path: dataPath)
            let fit = try LinearRegression.fit(parsed, data: frame, weights: weights, covariance: type)
            switch output {
            case .text: return fit.summary(level: level) + "\n"
            case .markdown: return RegressionReport(fit: fit, weights: weights, level: level).markdown
            case .json: return try ReportJSON.text(RegressionReport(fit: fit, weights: weights, level: level))
            }
        }
        let comparison = try compare(
            dataPath: dataPath, formulas: formulas, titles: titles, covariance: covariance, weights: weights,
            level: level)
        switch output {
        case .text: return comparison.text()
        case .markdown: return comparison.markdown()
        case .json: return try ReportJSON.text(comparison)
        }
    }

    /// Fits every formula on one CSV file with the same covariance and weights and returns the fits
    /// side by side (`ModelComparison(fits:titles:weights:level:)`).
    ///
    /// Every formula is parsed before the data are read, so a typo fails fast.
    ///
    /// - Throws: `CovarianceSyntaxError`, the CSV reader's errors, or `ModelFitError` naming the
    ///   model (column number, title and formula) whose formula does not parse or fit.
    public static func compare(
        dataPath: String, formulas: [String], titles: [String]? = nil, covariance: String = "classical",
        weights: String? = nil, level: Double = 0.95
    ) throws -> ModelComparison {
        precondition(!formulas.isEmpty, "A comparison needs at least one formula")
        precondition(titles == nil || titles?.count == formulas.count, "One title per formula")
        let type = try CovarianceSyntax.parse(covariance)
        func failure(_ k: Int, _ error: any Error) -> ModelFitError {
            ModelFitError(model: k + 1, title: titles?[k], formula: formulas[k], underlying: error)
        }
        let parsed = try formulas.indices.map { k in
            do { return try Formula.parse(formulas[k]) } catch { throw failure(k, error) }
        }
        let frame = try DataFrame.readCSV(path: dataPath)
        let fits = try parsed.indices.map { k in
            do {
                return try LinearRegression.fit(parsed[k], data: frame, weights: weights, covariance: type)
            } catch {
                throw failure(k, error)
            }
        }
        return ModelComparison(fits: fits, titles: titles, weights: weights, level: level)
    }
}
