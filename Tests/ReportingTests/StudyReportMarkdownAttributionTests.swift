import Foundation
import Testing

@testable import Reporting

@Suite("Markdown study report: attribution sections as tables")
struct StudyReportMarkdownAttributionTests {
    @Test("every section appears in the HTML report's order; absent ones are left out; diagnostics says none run")
    func sections() throws {
        let md = fullStudyReport().markdown
        let headings = [
            "## Summary", "## Chain of impact (levels 1–5)", "## Design", "## Treated vs comparison trends of sales",
            "## Effect by event time", "## Isolation methods side by side (sales)", "## Covariate balance", "## Effect (",
            "## Conversion table", "## Costs", "## Return on investment", "## Sensitivity of the ROI", "## Diagnostics",
            "## Assumptions",
        ]
        let positions = try headings.map { try #require(md.range(of: $0), "missing \($0)").lowerBound }
        #expect(positions == positions.sorted())
        let sample = sampleStudyReport().markdown
        for heading in headings[1...] where !["## Design", "## Effect (", "## Costs", "## Return on investment", "## Diagnostics", "## Assumptions"].contains(heading) {
            #expect(!sample.contains(heading), "\(heading) should be absent")
        }
        #expect(sample.contains("## Diagnostics\n\nNone run.\n"))
    }

    @Test("summary sentences, isolation with the headline, chain, conversions and diagnostics as tables")
    func tables() {
        let md = fullStudyReport().markdown
        #expect(md.contains("of the bootstrap replicates and above the hurdle of 25.0 % in 99.1 %. Net present value: 1,250,125"))
        #expect(md.contains("Headline isolation method: Callaway–Sant'Anna, not-yet-treated controls, effect 1,402.8"))
        #expect(md.contains("| Callaway–Sant'Anna, not-yet-treated controls (headline) | 1,402.8 | 250.1 | 912.6 | 1,892.9 | 95 % multiplier bootstrap | 999 | 14,357 | — |"))
        #expect(md.contains("| Participant estimates × confidence | 1,250.5 | — | 1,010.3 | 1,490.7 | 95 % respondent bootstrap | 999 | 212 | non-respondents count as zero |"))
        #expect(md.contains("| 3 | Application and implementation | not collected | — | — |"))
        #expect(md.contains("| 2 | Learning | measured | assessment gain (points): 12.75 (95 % interval 10.5 to 15.25; Cohen's d = 0.84) | assessment.csv |"))
        #expect(md.contains("### Intangibles: not converted to money (guiding principle 11)\n\n- customer satisfaction\n- team morale\n"))
        #expect(md.contains("| sales | 0.3 | USD of sales | Finance \\| gross margin | standard value (high) | uniform 0.25 to 0.35 | sales → gross margin (30 %) |"))
        #expect(md.contains("| Number of clusters | ! warning | G = 30 | warn when G < 50 | prefer the wild cluster bootstrap |"))
    }

    @Test("event study, trends, balance and sensitivity tables carry the fixture's numbers")
    func plotTables() {
        let md = fullStudyReport().markdown
        #expect(md.contains("| Event time | Estimate | Lower | Upper | Uniform lower | Uniform upper |"))
        #expect(md.contains("| −1 (reference) | 0 | 0 | 0 | 0 | 0 |"))
        #expect(md.contains("| 1 | 1,402.8 | 1,050.5 | 1,755 | 905.25 | 1,900.2 |"))
        #expect(md.contains("Joint test of no pre-period effects: Wald χ²(2) = 1.87, p = 0.3926."))
        #expect(md.contains("| month | Trained | Comparison |"))
        #expect(md.contains("| 2023-07-01 | 41,800.00 | 40,100.00 |"))
        #expect(md.contains("Treatment starts: 2023-07-01."))
        #expect(md.contains("| tenure_months | 0.313 | 0.043 | yes |"))
        #expect(md.contains("| region_north | −0.187 | −0.063 | yes |"))
        #expect(md.contains("| 1.5 | −140.2 % | 1,090.5 % |"))
        #expect(md.contains("The ROI interval first includes 0 % at M̄ = 1.25."))
        #expect(md.contains("| value per unit | 0.25 | 0.35 | 397.9 % | 597.0 % |"))
        #expect(md.contains("| 9 | benefits counted for the first year only | 1,094.9 % | 497.4 % |"))
    }
}
