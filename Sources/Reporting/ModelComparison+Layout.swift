/// The rows of a rendered comparison, shared by the text and Markdown renderers: what each line
/// says, formatted, but not yet aligned or escaped.
extension ModelComparison {
    /// How estimates and standard errors are written.
    public enum Digits: Sendable, Equatable {
        /// `n` significant digits, never fewer than the integer digits, trailing zeros dropped
        /// (`1646.62` → `1,647`, `0.012345` → `0.01235` at 4): fixest `etable`'s default `digits = 4`.
        case significant(Int)
        /// `n` decimals (`1646.62` → `1,646.620` at 3): modelsummary `fmt = 3`, esttab `b(3) se(3)`.
        case decimals(Int)

        /// `x` written in this style, thousands grouped, `−` for negatives, `n/a` for NaN.
        func text(_ x: Double) -> String {
            switch self {
            case .significant(let n): return NumberText.statistic(x, significant: n)
            case .decimals(let n): return NumberText.grouped(x, decimals: n)
            }
        }
    }

    /// One model's entry on one line: `body` (the number or text) and `suffix` (stars, or the
    /// closing parenthesis of a standard error), so that text tables align the numbers' last
    /// digits whatever follows them (esttab's layout).
    struct LayoutCell: Equatable {
        var body: String
        var suffix: String

        static let empty = LayoutCell(body: "", suffix: "")
        /// The cell as one string.
        var joined: String { body + suffix }
    }

    /// A labelled line with one cell per model.
    struct LayoutLine: Equatable {
        let label: String
        let cells: [LayoutCell]
    }

    /// The table as lines: the dependent variables, the coefficients (estimate line and standard
    /// error line per coefficient; no error line when no model estimated it), the footer, and notes.
    struct Layout {
        let titles: [String]
        let header: [LayoutLine]
        let coefficients: [LayoutLine]
        let footer: [LayoutLine]
        /// The legend line and one line per model warning.
        let notes: [String]
        let warnings: [String]
    }

    /// The lines of the table, with numbers written in `digits`.
    ///
    /// Footer order follows the statement of the table (and modelsummary's gof rows): N, R²,
    /// adjusted R², within R² (only when some model has it, as `etable`), one "FE: name" row per
    /// absorbed effect with "Yes" or blank (`etable`, modelsummary's "FE:" rows), weights (only
    /// when a model is weighted), the covariance label, and one "Clusters (name)" row per cluster
    /// variable.
    func layout(digits: Digits) -> Layout {
        func text(_ value: String) -> LayoutCell { LayoutCell(body: value, suffix: "") }
        func fixed(_ x: Double) -> LayoutCell { text(NumberText.grouped(x, decimals: 4)) }
        let header = [LayoutLine(label: "Dependent variable", cells: models.map { text($0.outcome) })]
        var coefficients: [LayoutLine] = []
        for row in rows {
            coefficients.append(LayoutLine(label: row.name, cells: row.cells.map { Self.estimateCell($0, digits) }))
            let errors = row.cells.map { Self.standardErrorCell($0, digits) }
            // A row dropped (or absent) in every model has no standard errors: no empty line for them.
            if errors.contains(where: { $0 != .empty }) { coefficients.append(LayoutLine(label: "", cells: errors)) }
        }
        var footer = [
            LayoutLine(label: "N", cells: models.map { text(NumberText.grouped(Double($0.observations))) }),
            LayoutLine(label: "R²", cells: models.map { fixed($0.rSquared) }),
            LayoutLine(label: "Adjusted R²", cells: models.map { fixed($0.adjustedRSquared) }),
        ]
        if models.contains(where: { $0.withinRSquared != nil }) {
            footer.append(LayoutLine(label: "Within R²", cells: models.map { $0.withinRSquared.map(fixed) ?? .empty }))
        }
        for effect in fixedEffects {
            footer.append(
                LayoutLine(label: "FE: \(effect)", cells: models.map { $0.fixedEffects.contains(effect) ? text("Yes") : .empty }))
        }
        if models.contains(where: \.weighted) {
            footer.append(LayoutLine(label: "Weights", cells: models.map { $0.weighted ? text($0.weights ?? "Yes") : .empty }))
        }
        footer.append(LayoutLine(label: "Covariance", cells: models.map { text($0.covariance) }))
        for variable in clusterVariables {
            footer.append(
                LayoutLine(
                    label: "Clusters (\(variable))",
                    cells: models.map { $0.clusterCount(variable).map { text(NumberText.grouped(Double($0))) } ?? .empty }))
        }
        let legend = stars.thresholds.isEmpty ? "" : "; \(stars.legend)"
        let notes = ["Standard errors in parentheses\(legend)."]
        let warnings = models.flatMap { model in model.warnings.map { "\(model.title): \($0)" } }
        return Layout(
            titles: models.map(\.title), header: header, coefficients: coefficients, footer: footer, notes: notes,
            warnings: warnings)
    }

    /// The estimate with its stars; `dropped` for a collinear column; blank when the model lacks it.
    static func estimateCell(_ cell: Cell?, _ digits: Digits) -> LayoutCell {
        guard let cell else { return .empty }
        if cell.dropped { return LayoutCell(body: "dropped", suffix: "") }
        return LayoutCell(body: cell.estimate.map(digits.text) ?? "n/a", suffix: cell.stars)
    }

    /// `(SE)` beneath the estimate; blank for a dropped or absent coefficient.
    static func standardErrorCell(_ cell: Cell?, _ digits: Digits) -> LayoutCell {
        guard let cell, !cell.dropped else { return .empty }
        return LayoutCell(body: "(" + (cell.standardError.map(digits.text) ?? "n/a"), suffix: ")")
    }
}
