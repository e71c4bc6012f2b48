@testable import Reporting

/// A hand-made study report with distinctive numbers, so tests can find each one in the output.
/// The values are made up for formatting tests; they are not the result of any computation.
func sampleStudyReport(
    warnings: [String] = ["Only 30 clusters."], failed: Int = 2, scheme: String = "cluster bootstrap (team_id, G = 30)"
) -> StudyReport {
    StudyReport(
        title: "Sales | training",
        studyFile: "Examples/studies/sales-training.yml",
        dataFile: "../../datasets/sales-training/sales_training.csv",
        design: .init(
            method: "2×2 difference-in-differences", outcome: "sales", unit: "employee_id", time: "month",
            cluster: "team_id", treatedGroup: "trained_team", period: "post = 1",
            controlGroup: "never-trained units (trained_team = 0)", covariance: "Clustered (team_id), G = 30, CR1"),
        observations: .init(
            totalRows: 14_400, usedRows: 14_357,
            dropped: [.init(reason: "missing outcome 'sales'", count: 43)], clusters: 30, treatedUnits: 300,
            controlUnits: 300),
        means: .init(
            cells: [
                .init(group: "treated", period: "pre", mean: 40_100.5, count: 3_590),
                .init(group: "treated", period: "post", mean: 42_400.27, count: 3_588),
                .init(group: "control", period: "pre", mean: 39_900.75, count: 3_591),
                .init(group: "control", period: "post", mean: 40_700.5, count: 3_588),
            ],
            treatedChange: 2_299.77, controlChange: 799.75, doubleDifference: 1_500),
        effect: .init(
            estimate: 1_523.4567, standardError: 210.25, pValue: 1e-7, unitDescription: "sales per employee_id per month",
            analytic: .init(lower: 1_093.1, upper: 1_953.8, level: 0.95, method: "t(29), CR1 clustered by team_id"),
            bootstrap: .init(lower: 1_111.1, upper: 1_934.4, level: 0.95, method: "cluster-bootstrap percentile")),
        conversion: .init(valuePerUnit: 0.3, unit: "USD of sales", source: "Finance | gross margin"),
        benefits: .init(
            effectPerUnitPerMonth: 1_523.4567, population: 300, populationBasis: "treated units observed in the post period",
            horizonMonths: 12, monthlyBenefits: 137_111.1, totalBenefits: 1_645_333.2),
        costs: .init(
            items: [
                .init(item: "Facilitator", category: "direct", amount: 45_000, hours: nil, rate: nil, source: "Invoice"),
                .init(item: "Participant time", category: "indirect", amount: 230_400, hours: 4_800, rate: 48, source: nil),
            ],
            subtotals: [
                .init(category: "direct", amount: 45_000), .init(category: "indirect", amount: 230_400),
                .init(category: "development", amount: 0),
            ],
            total: 275_400),
        roi: .init(
            level: 0.95,
            benefits: .init(point: 1_645_333.2, lower: 1_199_988, upper: 2_089_152),
            costs: 275_400,
            netBenefits: .init(point: 1_369_933.2, lower: 924_588, upper: 1_813_752),
            roiPercent: .init(point: 497.43, lower: 335.72, upper: 658.59),
            benefitCostRatio: .init(point: 5.9743, lower: 4.3572, upper: 7.5859),
            paybackMonths: .init(point: 2.0086, lower: 1.5819, upper: .infinity),
            probabilityPositive: 0.998),
        bootstrap: .init(
            scheme: scheme, interval: "percentile", replicates: 999, failed: failed,
            seed: 20_260_101, level: 0.95, usesExtremes: false),
        assumptions: ["Parallel trends.", "No anticipation."],
        principles: [.init(number: 9, title: "Short-term programs", application: "12 months of benefits.")],
        defaultsApplied: ["benefits.population = treated units observed in the post period (default)"],
        warnings: warnings)
}
