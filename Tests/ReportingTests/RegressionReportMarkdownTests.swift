import Foundation
import Testing

@testable import Reporting

/// A hand-made regression report (values invented for formatting), with a collinear column.
func sampleRegressionReport() -> RegressionReport {
    RegressionReport(
        formula: "y ~ x1 + x2 + x3", weights: "w", totalRows: 200, usedRows: 194,
        dropped: [DroppedRowCount(reason: "missing outcome 'y'", count: 4), DroppedRowCount(reason: "missing weight 'w'", count: 2)],
        covariance: "Clustered (firm), G = 15, CR1", inferenceDF: 14, clusters: ["firm": 15], rank: 3, dfResidual: 191,
        rSquared: 0.61234, adjustedRSquared: 0.60826,
        fTest: .init(statistic: 45.678, numeratorDF: 2, denominatorDF: 14, pValue: 0.0000002),
        level: 0.9,
        coefficients: [
            .init(
                name: "Intercept", estimate: 1.2345, standardError: 0.1, statistic: 12.345, pValue: 0.00001, lower: 1.05, upper: 1.41,
                dropped: false),
            .init(
                name: "x1", estimate: -0.5, standardError: 0.25, statistic: -2, pValue: 0.0653, lower: -0.94, upper: -0.06, dropped: false),
            .init(name: "x2|odd", estimate: 2, standardError: 1, statistic: 2, pValue: 0.06, lower: 0.24, upper: 3.76, dropped: false),
            .init(name: "x3", estimate: nil, standardError: nil, statistic: nil, pValue: nil, lower: nil, upper: nil, dropped: true),
        ],
        warnings: ["x3 dropped: collinear with other regressors"])
}

@Suite("Regression report")
struct RegressionReportMarkdownTests {
    @Test("Markdown shows N, drops, covariance, fit statistics, the table and collinear columns")
    func markdown() {
        let md = sampleRegressionReport().markdown
        #expect(md.hasPrefix("## Regression: `y ~ x1 + x2 + x3`\n\nN = 194 of 200 rows used; weights: w.\n\n"))
        #expect(md.contains("| missing outcome 'y' | 4 |"))
        #expect(md.contains("Covariance: Clustered (firm), G = 15, CR1; t df = 14."))
        #expect(md.contains("R² = 0.6123, adjusted R² = 0.6083; F(2, 14) = 45.678, p < 0.0001."))
        #expect(md.contains("| Term | Estimate | SE | t | p | 90 % lower | 90 % upper |"))
        #expect(md.contains("| x1 | −0.5 | 0.25 | −2 | 0.0653 | −0.94 | −0.06 |"))
        #expect(md.contains("| x2\\|odd | 2 |"))
        #expect(md.contains("| x3 | dropped (collinear) |  |  |  |  |  |"))
        #expect(md.hasSuffix("- x3 dropped: collinear with other regressors\n"))
    }

    @Test("JSON round trip; dropped coefficients have no estimate keys")
    func roundTrip() throws {
        let report = sampleRegressionReport()
        let text = try ReportJSON.text(report)
        #expect(text.contains("\"format\" : \"impact-regression-report/1\""))
        #expect(text.components(separatedBy: "\"estimate\"").count == 4)  // 3 estimated, x3 has none
        #expect(text.contains("\"dropped\" : true"))
        #expect(try ReportJSON.decode(RegressionReport.self, from: text) == report)
    }
}
