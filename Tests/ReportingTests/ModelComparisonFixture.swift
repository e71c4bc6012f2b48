import Foundation

@testable import Reporting

/// A hand-made comparison (values invented for formatting) with what fits on main cannot yet
/// produce: absorbed fixed effects and a within R², plus weights, two-way clusters, a collinear
/// column, a coefficient one model lacks, and names that need Markdown escaping.
func sampleComparison() -> ModelComparison {
    let stars = SignificanceStars.conventional
    func cell(_ b: Double, _ se: Double, _ p: Double) -> ModelComparison.Cell {
        ModelComparison.Cell(
            estimate: b, standardError: se, statistic: b / se, pValue: p, lower: b - 2 * se, upper: b + 2 * se,
            stars: stars.symbol(for: p), dropped: false)
    }
    let models = [
        ModelComparison.Model(
            title: "(1)", formula: "sales ~ trained_team * post", outcome: "sales", weighted: false, weights: nil,
            observations: 14_354, totalRows: 14_400, rSquared: 0.061234, adjustedRSquared: 0.061038,
            withinRSquared: nil, fixedEffects: [], covariance: "Clustered (team_id), G = 30, CR1", inferenceDF: 29,
            clusters: [.init(variable: "team_id", count: 30)], warnings: []),
        ModelComparison.Model(
            title: "TWFE | weighted", formula: "sales ~ trained + x_1 | employee_id + month", outcome: "sales",
            weighted: true, weights: "hours", observations: 14_300, totalRows: 14_400, rSquared: 0.81,
            adjustedRSquared: 0.8, withinRSquared: 0.0123, fixedEffects: ["employee_id", "month"],
            covariance: "Clustered (team_id, month), G = 30, 24, CR1 (two-way CGM)", inferenceDF: 23,
            clusters: [.init(variable: "team_id", count: 30), .init(variable: "month", count: 24)],
            warnings: ["Only 24 clusters in month: prefer CR2 or a wild cluster bootstrap"]),
    ]
    let rows = [
        ModelComparison.Row(name: "Intercept", cells: [cell(50_123.456, 238.5, 0), nil]),
        ModelComparison.Row(name: "trained_team", cells: [cell(-812.25, 400, 0.051), nil]),
        ModelComparison.Row(name: "trained", cells: [cell(1_646.6177, 412.1, 0.0004), cell(1_500.2, 700.5, 0.04)]),
        ModelComparison.Row(name: "x_1", cells: [nil, cell(0.012345, 0.0061, 0.0999)]),
        ModelComparison.Row(name: "post", cells: [cell(3.5, 10, 0.73), .collinear]),
    ]
    return ModelComparison(level: 0.95, stars: stars, models: models, rows: rows)
}
