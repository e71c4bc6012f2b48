import Testing

@testable import Reporting

@Suite("Model comparison as text")
struct ModelComparisonTextTests {
    /// The expected rendering of `sampleComparison()`, written out by hand.
    static let expected = """
                                             (1)                 TWFE | weighted
        Dependent variable                 sales                           sales
        ───────────────────────────────────────────────────────────────────────────
        Intercept                         50,123***
                                          (238.5)
        trained_team                      −812.2*
                                            (400)
        trained                            1,647***                        1,500**
                                          (412.1)                         (700.5)
        x_1                                                              0.01235*
                                                                         (0.0061)
        post                                 3.5                         dropped
                                             (10)
        ───────────────────────────────────────────────────────────────────────────
        N                                 14,354                          14,300
        R²                                0.0612                          0.8100
        Adjusted R²                       0.0610                          0.8000
        Within R²                                                         0.0123
        FE: employee_id                                                      Yes
        FE: month                                                            Yes
        Weights                                                            hours
        Covariance          Clustered (team_id),     Clustered (team_id, month),
                                     G = 30, CR1                     G = 30, 24,
                                                               CR1 (two-way CGM)
        Clusters (team_id)                    30                              30
        Clusters (month)                                                      24
        ───────────────────────────────────────────────────────────────────────────
        Standard errors in parentheses; * p < 0.10, ** p < 0.05, *** p < 0.01.
        Warnings:
          - TWFE | weighted: Only 24 clusters in month: prefer CR2 or a wild cluster bootstrap

        """

    @Test("the full table: stars, (SE) beneath, dropped, blanks, FE and cluster rows, wrapped labels, notes")
    func fullTable() {
        let text = sampleComparison().text()
        #expect(text == Self.expected, "\n\(text)")
    }

    @Test("estimates and standard errors end in the same column; no line has trailing spaces")
    func alignment() {
        let lines = sampleComparison().text().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        let estimate = lines.first { $0.hasPrefix("trained ") }!
        let error = lines[lines.firstIndex(of: estimate)! + 1]
        // Last digit of 1,647*** and of (412.1): both just before the 3-character suffix slot.
        let digitEnd = estimate.distance(from: estimate.startIndex, to: estimate.range(of: "1,647")!.upperBound)
        let errorEnd = error.distance(from: error.startIndex, to: error.range(of: "(412.1")!.upperBound)
        #expect(digitEnd == errorEnd)
        let rules = lines.filter { $0.hasPrefix("─") }
        #expect(rules.count == 3 && Set(rules).count == 1)
    }

    @Test("decimals instead of significant digits")
    func decimals() {
        let text = sampleComparison().text(digits: .decimals(2))
        #expect(text.contains("50,123.46***"))
        #expect(text.contains("(238.50)"))
        #expect(text.contains("0.01*"))
    }

    @Test("labels wrap at commas outside parentheses")
    func wrapping() {
        #expect(ModelComparison.wrapped("short", width: 24) == ["short"])
        #expect(
            ModelComparison.wrapped("Clustered (team_id), G = 30, CR1", width: 24) == ["Clustered (team_id),", "G = 30, CR1"])
        #expect(
            ModelComparison.commaSeparatedParts("Clustered (a, b), G = 3, 4, CR1") == [
                "Clustered (a, b),", "G = 3,", "4,", "CR1",
            ])
        #expect(ModelComparison.wrapped("HC1 (heteroskedasticity-robust)", width: 10) == ["HC1 (heteroskedasticity-robust)"])
    }
}
