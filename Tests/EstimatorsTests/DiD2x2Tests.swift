import DataFrameModule
import Foundation
import Inference
import Testing

@testable import Estimators

/// The 2×2 part of `datasets/reference/ols_sales_did.json`.
private struct SalesDiDReference: Decodable {
    struct Estimate: Decodable {
        let estimate: Double
        let se: Double
        let ci: [Double]
        let df: Double
        enum CodingKeys: String, CodingKey {
            case estimate, df
            case se = "se_CR1_team_id"
            case ci = "ci_CR1_team_id"
        }
    }
    struct Cell: Decodable {
        let trainedTeam: Int
        let post: Int
        let mean: Double
        let n: Int
        enum CodingKeys: String, CodingKey {
            case post, n
            case trainedTeam = "trained_team"
            case mean = "mean_sales"
        }
    }
    struct Means: Decodable {
        let cells: [Cell]
        let didFromMeans: Double
        enum CodingKeys: String, CodingKey {
            case cells
            case didFromMeans = "did_from_means"
        }
    }
    let trueEffect: Double
    let didEstimate: Estimate
    let meansTable: Means
    enum CodingKeys: String, CodingKey {
        case trueEffect = "true_effect"
        case didEstimate = "did_estimate"
        case meansTable = "means_table"
    }

    static func load() throws -> SalesDiDReference {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/ols_sales_did.json")
        return try JSONDecoder().decode(SalesDiDReference.self, from: Data(contentsOf: url))
    }
}

private func salesData() throws -> DataFrame {
    try DataFrame.readCSV(
        path: repositoryRoot.appendingPathComponent("datasets/sales-training/sales_training.csv").path)
}

/// A tiny balanced panel: 4 units × 4 periods, units 2 and 3 treated from period 3.
private func smallPanel(treated: [Double] = [0, 0, 1, 1], outcome: Column? = nil, time: Column? = nil) throws
    -> DataFrame
{
    var unit = [Int]()
    var period = [Int]()
    var group = [Double]()
    var post = [Double]()
    var y = [Double]()
    for u in 0..<4 {
        for t in 1...4 {
            unit.append(u)
            period.append(t)
            group.append(treated[u])
            post.append(t >= 3 ? 1 : 0)
            y.append(
                10 + Double(u) + 0.5 * Double(t) + (treated[u] == 1 && t >= 3 ? 2 : 0) + 0.1
                    * Double((u * 7 + t * 3) % 5))
        }
    }
    return try DataFrame(columns: [
        outcome ?? doubleColumn("y", y), integerColumn("unit", unit),
        time ?? integerColumn("t", period), doubleColumn("treated", group),
        doubleColumn("after", post),
    ])
}

private func smallSpec(post: String = "after") -> DiD2x2Specification {
    DiD2x2Specification(outcome: "y", unit: "unit", time: "t", treatedGroup: "treated", post: post)
}

@Suite("DiD2x2 on the bundled sales-training panel (datasets/reference/ols_sales_did.json, rtol 1e-8)")
struct DiD2x2Tests {
    @Test("means table, effect, CR1 SE by team and CI match statsmodels; the true +1,500 lies in the CI")
    func bundledDataset() throws {
        let reference = try SalesDiDReference.load()
        let spec = DiD2x2Specification(
            outcome: "sales", unit: "employee_id", time: "month", treatedGroup: "trained_team",
            post: "post", cluster: "team_id")
        let result = try DiD2x2.estimate(spec, data: try salesData())
        for cell in reference.meansTable.cells {
            let ours: DiD2x2MeansTable.Cell
            switch (cell.trainedTeam, cell.post) {
            case (0, 0): ours = result.meansTable.controlPre
            case (0, _): ours = result.meansTable.controlPost
            case (_, 0): ours = result.meansTable.treatedPre
            default: ours = result.meansTable.treatedPost
            }
            #expect(ours.count == cell.n)
            #expect(relativeDifference(ours.mean, cell.mean) < 1e-12)
        }
        #expect(relativeDifference(result.meansTable.doubleDifference, reference.meansTable.didFromMeans) < 1e-10)
        #expect(relativeDifference(result.effect, reference.didEstimate.estimate) < 1e-8)
        // The saturated regression reproduces the double difference of means.
        #expect(relativeDifference(result.effect, result.meansTable.doubleDifference) < 1e-10)
        #expect(relativeDifference(result.standardError, reference.didEstimate.se) < 1e-8)
        #expect(relativeDifference(result.confidenceInterval.lower, reference.didEstimate.ci[0]) < 1e-8)
        #expect(relativeDifference(result.confidenceInterval.upper, reference.didEstimate.ci[1]) < 1e-8)
        #expect(result.regression.inferenceDegreesOfFreedom == reference.didEstimate.df)
        #expect(
            result.confidenceInterval.lower < reference.trueEffect
                && reference.trueEffect < result.confidenceInterval.upper)
        #expect(result.treatedUnits == 300 && result.controlUnits == 300)
        #expect(result.observations.usedRows == 14354)
        #expect(result.interactionName == "trained_team:post")
        let text = result.summary()
        #expect(text.contains("Clustered (team_id), G = 30, CR1"))
        #expect(text.contains("parallel trends"))
        #expect(text.contains("dropped 46: missing outcome 'sales' (46)"))
        #expect(text.contains("Effect (trained_team:post): 1646.62"))
    }

    @Test(
        "a treatment start on the time column gives the same estimate as the post column; default cluster is the unit")
    func treatmentStart() throws {
        let data = try salesData()
        let byColumn = try DiD2x2.estimate(
            DiD2x2Specification(
                outcome: "sales", unit: "employee_id", time: "month",
                treatedGroup: "trained_team", post: "post"), data: data)
        let byStart = try DiD2x2.estimate(
            DiD2x2Specification(
                outcome: "sales", unit: "employee_id", time: "month",
                treatedGroup: "trained_team", treatmentStart: 13), data: data)
        #expect(relativeDifference(byStart.effect, byColumn.effect) < 1e-12)
        #expect(relativeDifference(byStart.standardError, byColumn.standardError) < 1e-12)
        #expect(byStart.meansTable == byColumn.meansTable)
        // "post" exists in the data, so the derived column gets another name.
        #expect(byStart.interactionName == "trained_team:post_1")
        #expect(byColumn.regression.covarianceLabel == "Clustered (employee_id), G = 600, CR1")
    }

    @Test("small panel: effect equals the double difference of cell means")
    func smallPanelEffect() throws {
        let result = try DiD2x2.estimate(smallSpec(), data: try smallPanel())
        let m = result.meansTable
        #expect(
            abs(result.effect - ((m.treatedPost.mean - m.treatedPre.mean) - (m.controlPost.mean - m.controlPre.mean)))
                < 1e-12)
        #expect(m.treatedPre.count == 4 && m.controlPost.count == 4)
        #expect(result.allWarnings.contains { $0.contains("Only 4 clusters") })
    }

    @Test(
        "errors: column not found, outcome non-numeric, indicator not 0/1, no (un)treated units, no pre/post, empty cell"
    )
    func errors() throws {
        let panel = try smallPanel()
        var spec = smallSpec()
        spec.treatedGroup = "treatd"
        #expect(throws: EstimationError.columnNotFound(name: "treatd", suggestion: "treated")) {
            try DiD2x2.estimate(spec, data: panel)
        }
        let text = categoricalColumn("y", (0..<16).map { "v\($0 % 3)" })
        #expect(throws: EstimationError.nonNumericOutcome(variable: "y", type: "categorical")) {
            try DiD2x2.estimate(smallSpec(), data: try smallPanel(outcome: text))
        }
        #expect(throws: EstimationError.indicatorNotBinary(column: "treated", value: "2")) {
            try DiD2x2.estimate(smallSpec(), data: try smallPanel(treated: [0, 0, 2, 1]))
        }
        let labels = categoricalColumn("treated", (0..<16).map { $0 < 8 ? "no" : "yes" })
        let labelled = try DataFrame(columns: panel.columns.map { $0.name == "treated" ? labels : $0 })
        #expect(throws: EstimationError.indicatorNotBinary(column: "treated", value: "'no'")) {
            try DiD2x2.estimate(smallSpec(), data: labelled)
        }
        #expect(throws: EstimationError.noTreatedUnits(column: "treated")) {
            try DiD2x2.estimate(smallSpec(), data: try smallPanel(treated: [0, 0, 0, 0]))
        }
        #expect(throws: EstimationError.noUntreatedUnits(column: "treated")) {
            try DiD2x2.estimate(smallSpec(), data: try smallPanel(treated: [1, 1, 1, 1]))
        }
        let early = DiD2x2Specification(
            outcome: "y", unit: "unit", time: "t", treatedGroup: "treated", treatmentStart: 0)
        #expect(throws: EstimationError.noPrePeriod(definition: "time ≥ 0")) { try DiD2x2.estimate(early, data: panel) }
        let late = DiD2x2Specification(
            outcome: "y", unit: "unit", time: "t", treatedGroup: "treated", treatmentStart: 9)
        #expect(throws: EstimationError.noPostPeriod(definition: "time ≥ 9")) { try DiD2x2.estimate(late, data: panel) }
        // Treated units observed only after the start: the treated-pre cell is empty.
        guard case .double(let g, _) = panel["treated"]!.values, case .double(let a, _) = panel["after"]!.values else {
            return
        }
        let postOnly = try takingRows(panel, (0..<panel.rowCount).filter { !(g[$0] == 1 && a[$0] == 0) })
        #expect(throws: EstimationError.emptyCell(group: "treated", period: "pre")) {
            try DiD2x2.estimate(smallSpec(), data: postOnly)
        }
        let textTime = categoricalColumn("t", (0..<16).map { "p\($0 % 4)" })
        let start = DiD2x2Specification(
            outcome: "y", unit: "unit", time: "t", treatedGroup: "treated", treatmentStart: 3)
        #expect(throws: EstimationError.nonNumericColumn(name: "t", type: "categorical")) {
            try DiD2x2.estimate(start, data: try smallPanel(time: textTime))
        }
        for error in [
            EstimationError.noTreatedUnits(column: "treated"), .emptyCell(group: "treated", period: "pre"),
            .noPrePeriod(definition: "t ≥ 0"), .indicatorNotBinary(column: "treated", value: "2"),
        ] {
            #expect(error.description.count > 60)
        }
    }

    @Test("a group indicator that changes within a unit is flagged")
    func switchingGroup() throws {
        var panel = try smallPanel()
        guard case .double(var g, let missing) = panel["treated"]!.values else { return }
        g[0] = 1  // unit 0 is 'treated' in its first period only
        panel = try DataFrame(
            columns: panel.columns.map {
                $0.name == "treated" ? Column(name: "treated", values: .double(g, missing: missing)) : $0
            })
        let result = try DiD2x2.estimate(smallSpec(), data: panel)
        #expect(result.warnings.contains { $0.contains("changes within 1 unit") })
    }
}
