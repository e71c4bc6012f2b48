import Testing

@testable import Reporting

@Suite("Study report as Markdown")
struct StudyReportMarkdownTests {
    @Test("headline states the ROI range, level, interval type, replicates, failures and seed")
    func headline() {
        #expect(
            sampleStudyReport().headline
                == "ROI between 335.7 % and 658.6 % (95 % cluster-bootstrap percentile interval, 999 replicates (2 failed), seed 20260101); point estimate 497.4 %."
        )
        #expect(!sampleStudyReport(failed: 0).headline.contains("failed"))
    }

    @Test("the headline names the resampling scheme the replicates came from, not always the cluster bootstrap")
    func headlineScheme() {
        #expect(sampleStudyReport(scheme: "stratified bootstrap (2 strata, n = 445)").headline
            .contains("(95 % stratified-bootstrap percentile interval, 999 replicates"))
        #expect(sampleStudyReport(scheme: "resampled somehow").headline.contains("(95 % bootstrap percentile interval"))
    }

    @Test("the report shows N, dropped rows by reason, clusters, seed, method and the ROI interval")
    func contents() {
        let md = sampleStudyReport().markdown
        #expect(md.hasPrefix("# Sales | training\n\n**ROI between 335.7 % and 658.6 %"))
        #expect(md.contains("N = 14,357 of 14,400 rows used; 30 clusters (team_id); 300 treated and 300 control units (employee_id)."))
        #expect(md.contains("| missing outcome 'sales' | 43 |"))
        #expect(md.contains("| Total dropped | 43 |"))
        #expect(md.contains("| Method | 2×2 difference-in-differences |"))
        #expect(md.contains("| Post period | post = 1 |"))
        #expect(
            md.contains(
                "- Effect on sales per employee_id per month: 1,523.5 (95 % CI 1,093.1 to 1,953.8, Clustered (team_id), G = 30, CR1)\n"))
        #expect(md.contains("| Covariance | Clustered (team_id), G = 30, CR1 |"))
        #expect(md.contains("| Seed | 20260101 |"))
        #expect(md.contains("| Replicates | 999 |"))
        #expect(md.contains("| Failed replicates | 2 |"))
        #expect(md.contains("| ROI | 497.4 % | 335.7 % | 658.6 % |"))
        #expect(md.contains("| Benefit–cost ratio | 5.97 | 4.36 | 7.59 |"))
        #expect(md.contains("| Payback (months) | 2.0 | 1.6 | ∞ |"))
        #expect(md.contains("| Analytic | 1,523.5 | 210.25 | 1,093.1 | 1,953.8 | t(29), CR1 clustered by team_id |"))
        #expect(md.contains("| Bootstrap | 1,523.5 |  | 1,111.1 | 1,934.4 | cluster-bootstrap percentile |"))
        #expect(md.contains("| treated | 40,100.50 | 3,590 | 42,400.27 | 3,588 | 2,299.77 |"))
        #expect(md.contains("Difference in differences: 1,500.00."))
        #expect(md.contains("- Parallel trends.\n- No anticipation.\n"))
        #expect(md.contains("- 9. Short-term programs: 12 months of benefits.\n"))
        #expect(md.contains("## Warnings\n\n- Only 30 clusters.\n"))
    }

    @Test("costs by category with sources; user text with pipes is escaped in tables")
    func costsAndEscaping() {
        let md = sampleStudyReport().markdown
        #expect(md.contains("| direct | Facilitator |  |  | 45,000 | Invoice |"))
        #expect(md.contains("| indirect | Participant time | 4,800 | 48.00 | 230,400 | not stated |"))
        #expect(md.contains("| indirect | Subtotal |  |  | 230,400 |  |"))
        #expect(md.contains("| All | Total fully loaded costs |  |  | 275,400 |  |"))
        #expect(md.contains("source: Finance | gross margin."))  // prose, not a table: left as written
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            #expect(!line.contains(" | gross"))
        }
    }

    @Test("no warnings and no drops are said explicitly")
    func emptySections() {
        let md = sampleStudyReport(warnings: []).markdown
        #expect(md.hasSuffix("## Warnings\n\nNone.\n"))
    }
}
