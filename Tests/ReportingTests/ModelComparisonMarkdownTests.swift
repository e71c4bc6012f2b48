import Testing

@testable import Reporting

@Suite("Model comparison as Markdown")
struct ModelComparisonMarkdownTests {
    @Test("one table: titles as header, estimate with escaped stars and (SE) beneath, footer rows")
    func table() {
        let md = sampleComparison().markdown()
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "|  | (1) | TWFE \\| weighted |")
        #expect(lines[1] == "| --- | ---: | ---: |")
        #expect(lines[2] == "| Dependent variable | sales | sales |")
        #expect(lines[3] == "| Intercept | 50,123\\*\\*\\* |  |")
        #expect(lines[4] == "|  | (238.5) |  |")
        #expect(md.contains("| trained | 1,647\\*\\*\\* | 1,500\\*\\* |\n|  | (412.1) | (700.5) |\n"))
        #expect(md.contains("| x\\_1 |  | 0.01235\\* |\n"))
        #expect(md.contains("| post | 3.5 | dropped |\n|  | (10) |  |\n"))
        #expect(md.contains("| Within R² |  | 0.0123 |\n"))
        #expect(md.contains("| FE: employee\\_id |  | Yes |\n"))
        #expect(md.contains("| Weights |  | hours |\n"))
        #expect(
            md.contains(
                "| Covariance | Clustered (team\\_id), G = 30, CR1 | Clustered (team\\_id, month), G = 30, 24, CR1 (two-way CGM) |"))
        #expect(md.contains("| Clusters (month) |  | 24 |\n"))
        #expect(md.contains("\nStandard errors in parentheses; \\* p \\< 0.10, \\*\\* p \\< 0.05, \\*\\*\\* p \\< 0.01.\n"))
        #expect(md.hasSuffix("\nWarnings:\n\n- TWFE \\| weighted: Only 24 clusters in month: prefer CR2 or a wild cluster bootstrap\n"))
    }

    @Test("every table row has one unescaped pipe per column boundary")
    func structure() {
        let md = sampleComparison().markdown()
        let tableLines = md.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(tableLines.count == 2 + 1 + 10 + 10)
        for line in tableLines {
            let unescaped = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(unescaped == 4, "\(line)")
        }
    }

    @Test("hostile names and titles cannot break the table or add markup")
    func escaping() {
        let model = ModelComparison.Model(
            title: "<b>A|B</b>", formula: "y ~ x", outcome: "y*", weighted: false, weights: nil, observations: 10,
            totalRows: 10, rSquared: 0.5, adjustedRSquared: 0.4, withinRSquared: nil, fixedEffects: ["firm_[id]"],
            covariance: "HC1 (heteroskedasticity-robust)", inferenceDF: 8, clusters: [],
            warnings: ["line one\nline `two`"])
        let cell = ModelComparison.Cell(
            estimate: 1, standardError: 0.5, statistic: 2, pValue: 0.2, lower: 0, upper: 2, stars: "", dropped: false)
        let comparison = ModelComparison(
            level: 0.95, stars: .conventional, models: [model], rows: [.init(name: "x|`z`", cells: [cell])])
        let md = comparison.markdown()
        #expect(md.hasPrefix("|  | \\<b\\>A\\|B\\</b\\> |\n"))
        #expect(md.contains("| Dependent variable | y\\* |\n"))
        #expect(md.contains("| x\\|\\`z\\` | 1 |\n"))
        #expect(md.contains("| FE: firm\\_\\[id\\] | Yes |\n"))
        #expect(md.hasSuffix("- \\<b\\>A\\|B\\</b\\>: line one line \\`two\\`\n"))
    }
}
