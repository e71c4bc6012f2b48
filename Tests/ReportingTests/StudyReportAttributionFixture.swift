@testable import Reporting

/// Hand-made attribution sections with distinctive numbers, so tests can find each one in the
/// output. Made up for formatting tests; they are not the result of any computation.
enum AttributionFixture {
    static let isolation = StudyReport.IsolationComparison(
        kpi: "sales", direction: "increase",
        methods: [
            .init(
                method: "TWFE", label: "Two-way fixed effects, clustered by team_id", estimate: 1_611.25, standardError: 230.5,
                interval: .init(lower: 1_160.1, upper: 2_062.4, level: 0.95, method: "cluster bootstrap percentile"),
                replicates: 999, observations: 14_357, notes: ["biased under staggered adoption"]),
            .init(
                method: "Callaway–Sant'Anna", label: "Callaway–Sant'Anna, not-yet-treated controls", estimate: 1_402.75,
                standardError: 250.1, interval: .init(lower: 912.6, upper: 1_892.9, level: 0.95, method: "multiplier bootstrap"),
                replicates: 999, observations: 14_357),
            .init(
                method: "Participant estimates", label: "Participant estimates × confidence", estimate: 1_250.5, standardError: nil,
                interval: .init(lower: 1_010.3, upper: 1_490.7, level: 0.95, method: "respondent bootstrap"), replicates: 999,
                observations: 212, notes: ["non-respondents count as zero"]),
        ],
        headlineIndex: 1,
        reason: "lowest lower bound among the methods (guiding principle 4: the most conservative alternative)")

    static let chain = StudyReport.ChainOfImpactSection(
        levels: [
            .init(
                level: 1, name: "Reaction and planned action", measured: true,
                measures: [.init(label: "mean satisfaction (1–5)", value: 4.31, interval: nil, detail: "n = 212")],
                source: "reaction.csv"),
            .init(
                level: 2, name: "Learning", measured: true,
                measures: [
                    .init(
                        label: "assessment gain (points)", value: 12.75, interval: .init(lower: 10.5, upper: 15.25, level: 0.95, method: "paired t"),
                        detail: "Cohen's d = 0.84")
                ], source: "assessment.csv"),
            .init(level: 3, name: "Application and implementation", measured: false, measures: [], source: nil),
            .init(
                level: 4, name: "Business impact", measured: true,
                measures: [.init(label: "sales per employee per month", value: 1_402.75)], source: "isolation step"),
            .init(
                level: 5, name: "ROI", measured: true, measures: [.init(label: "ROI (%)", value: 497.43)], source: "ROI chain"),
        ],
        intangibles: ["customer satisfaction", "team morale"])

    static let conversions = [
        StudyReport.ConversionRow(
            kpi: "sales", valuePerUnit: 0.3, unit: "USD of sales", source: "Finance | gross margin", credibility: "standard value (high)",
            uncertainty: "uniform 0.25 to 0.35", derivation: "sales → gross margin (30 %)"),
        StudyReport.ConversionRow(
            kpi: "handle_time", valuePerUnit: 0.8, unit: "minute saved", source: nil, credibility: nil, uncertainty: nil,
            derivation: "hour saved = full hourly cost (48 USD)"),
    ]

    static let sensitivity = StudyReport.SensitivitySection(
        breakdown: .init(
            points: [
                .init(mBar: 0, roiLower: 335.72, roiUpper: 658.59), .init(mBar: 0.5, roiLower: 180.25, roiUpper: 790.5),
                .init(mBar: 1, roiLower: 20.5, roiUpper: 940.75), .init(mBar: 1.5, roiLower: -140.25, roiUpper: 1_090.5),
            ],
            breakdownMBar: 1.25, note: "relative magnitudes (Rambachan & Roth 2023), ROI at the robust effect interval"),
        tornado: [
            .init(assumption: "value per unit", low: "0.25", high: "0.35", roiAtLow: 397.86, roiAtHigh: 597.0),
            .init(assumption: "horizon (months)", low: "9", high: "12", roiAtLow: 348.07, roiAtHigh: 497.43),
        ],
        baseROIPercent: 497.43,
        principleAdjustments: [
            .init(principle: 9, adjustment: "benefits counted for the first year only", roiBefore: 1_094.86, roiAfter: 497.43),
            .init(principle: 6, adjustment: "non-respondents count as zero", roiBefore: 612.5, roiAfter: 497.43),
        ])

    static let eventStudy = StudyReport.EventStudySection(
        estimator: "Callaway–Sant'Anna, dynamic aggregation", referencePeriod: -1, level: 0.95,
        points: [
            .init(eventTime: -3, estimate: 35.5, lower: -210.25, upper: 281.25, uniformLower: -320.5, uniformUpper: 391.5),
            .init(eventTime: -2, estimate: -20.125, lower: -250.5, upper: 210.25, uniformLower: -360.75, uniformUpper: 320.5),
            .init(eventTime: -1, estimate: 0, lower: 0, upper: 0, uniformLower: 0, uniformUpper: 0),
            .init(eventTime: 0, estimate: 812.5, lower: 540.25, upper: 1_084.75, uniformLower: 420.5, uniformUpper: 1_204.5),
            .init(eventTime: 1, estimate: 1_402.75, lower: 1_050.5, upper: 1_755.0, uniformLower: 905.25, uniformUpper: 1_900.25),
            .init(eventTime: 2, estimate: 1_650.25, lower: 1_240.5, upper: 2_060.0, uniformLower: 1_080.75, uniformUpper: 2_219.75),
        ],
        preTrend: .init(statistic: "Wald χ²", value: 1.87, degreesOfFreedom: 2, pValue: 0.3926))

    /// Monthly means from 2023-01-01 (day 19,358) for twelve months; training starts on 2023-07-01.
    static let trends: StudyReport.TrendSection = {
        let months = (0..<12).map { Double(SVGAxis.days(monthIndex: 2023 * 12 + $0)) }
        return .init(
            time: "month",
            series: [
                .init(name: "Trained", times: months, means: (0..<12).map { 40_000 + 50 * Double($0) + ($0 >= 6 ? 1_500 : 0) }),
                .init(name: "Comparison", times: months, means: (0..<12).map { 39_800 + 50 * Double($0) }),
            ],
            treatmentStarts: [months[6]])
    }()

    static let balance = StudyReport.BalanceSection(
        adjustment: "1:1 nearest-neighbour matching", rows: [
            .init(covariate: "tenure_months", before: 0.3127, after: 0.0431),
            .init(covariate: "region_north", before: -0.1874, after: -0.0626),
            .init(covariate: "baseline_sales", before: 0.0876, after: nil),
        ], threshold: 0.1)

    static let diagnostics = [
        StudyReport.DiagnosticCheck(
            name: "Parallel pre-trends", status: .pass, value: "Wald χ²(2) = 1.87, p = 0.3926", rule: "pass when p ≥ 0.05",
            advice: "none needed"),
        StudyReport.DiagnosticCheck(
            name: "Number of clusters", status: .warning, value: "G = 30", rule: "warn when G < 50",
            advice: "prefer the wild cluster bootstrap"),
        StudyReport.DiagnosticCheck(
            name: "Covariate balance", status: .fail, value: "max |SMD| = 0.19", rule: "pass when every |SMD| ≤ 0.1",
            advice: "add covariates or match more closely"),
        StudyReport.DiagnosticCheck(
            name: "Placebo outcome", status: .notRun, value: "no placebo outcome named", rule: "pass when p ≥ 0.05",
            advice: "name a placebo outcome in the study file"),
    ]
}

/// The sample study report with every attribution section filled, a hurdle and an NPV.
func fullStudyReport(
    isolation: StudyReport.IsolationComparison? = AttributionFixture.isolation,
    chainOfImpact: StudyReport.ChainOfImpactSection? = AttributionFixture.chain,
    conversions: [StudyReport.ConversionRow]? = AttributionFixture.conversions,
    sensitivity: StudyReport.SensitivitySection? = AttributionFixture.sensitivity,
    eventStudy: StudyReport.EventStudySection? = AttributionFixture.eventStudy,
    trends: StudyReport.TrendSection? = AttributionFixture.trends,
    balance: StudyReport.BalanceSection? = AttributionFixture.balance,
    diagnostics: [StudyReport.DiagnosticCheck] = AttributionFixture.diagnostics
) -> StudyReport {
    let base = sampleStudyReport()
    let r = base.roi
    let roi = StudyReport.ROI(
        level: r.level, benefits: r.benefits, costs: r.costs, netBenefits: r.netBenefits, roiPercent: r.roiPercent,
        benefitCostRatio: r.benefitCostRatio, paybackMonths: r.paybackMonths, probabilityPositive: r.probabilityPositive,
        netPresentValue: .init(point: 1_250_125, lower: 830_250, upper: 1_660_875), hurdlePercent: 25,
        probabilityAboveHurdle: 0.991)
    return StudyReport(
        title: base.title, studyFile: base.studyFile, dataFile: base.dataFile, design: base.design,
        observations: base.observations, means: base.means, effect: base.effect, conversion: base.conversion,
        benefits: base.benefits, costs: base.costs, roi: roi, bootstrap: base.bootstrap, assumptions: base.assumptions,
        principles: base.principles, defaultsApplied: base.defaultsApplied, warnings: base.warnings, isolation: isolation,
        chainOfImpact: chainOfImpact, conversions: conversions, sensitivity: sensitivity, eventStudy: eventStudy,
        trends: trends, balance: balance, diagnostics: diagnostics)
}
