import DataFrameModule
import Foundation
import Testing

@testable import Estimators

@Suite("RegressionFit condition number and accuracy warning")
struct RegressionFitAccuracyTests {
    /// NIST StRD Filip (`datasets/reference/nist/Filip.csv`) with the powers x1 = x, …, x10 = x¹⁰
    /// formed by repeated multiplication, as `scripts/reference/accref_designs.py` forms them.
    func filipFrame() throws -> DataFrame {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/nist/Filip.csv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map { Double(String($0))! } }
        let x = rows.map { $0[1] }
        var powers = [x]
        for _ in 1..<10 { powers.append(zip(powers.last!, x).map { $0 * $1 }) }
        let columns = [doubleColumn("y", rows.map { $0[0] })] + powers.enumerated().map { doubleColumn("x\($0 + 1)", $1) }
        return try DataFrame(columns: columns)
    }

    /// `filip_r_rank_rule.exact_solution_without_x10_nearest_double` of `datasets/reference/accuracy.json`.
    func filipExactWithoutX10() throws -> [Double] {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/accuracy.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let rule = json["filip_r_rank_rule"] as! [String: Any]
        return rule["exact_solution_without_x10_nearest_double"] as! [Double]
    }

    @Test func filipDropsX10AsRAndWarnsAboutTheDigitsAtRisk() throws {
        let formula = "y ~ " + (1...10).map { "x\($0)" }.joined(separator: " + ")
        let fit = try LinearRegression.fit(formula, data: filipFrame())
        #expect(fit.droppedColumns == ["x10"])
        // κ of the ten kept unit-length columns, 5.4e8 (accuracy.json: 540240608).
        #expect(abs(fit.conditionNumber / 540_240_608.3 - 1) < 1e-6)
        #expect(fit.refinementSteps > 0)
        let exact = try filipExactWithoutX10()
        for j in 0..<10 {
            #expect(abs(fit.coefficients[j] - exact[j]) <= 1e-15 * abs(exact[j]) * 4)
        }
        let warning = try #require(fit.warnings.first { $0.hasPrefix("Ill-conditioned design") })
        #expect(warning.contains("condition number 5.4e+08"))
        #expect(warning.contains("about 8.7 of the 16 significant digits may be lost to rounding: log10(cond) = 8.7"))
        #expect(warning.contains("refined (\(fit.refinementSteps) steps)"))
        // Collinearity first, then conditioning, then covariance warnings.
        #expect(fit.warnings.first == "x10 dropped: collinear with other regressors")
        let summary = fit.summary()
        #expect(summary.contains("Condition:    5.4e+08 (2-norm, columns scaled to unit length)"))
        #expect(summary.contains(warning))
        // A covariance swap keeps the fit's accuracy information.
        let robust = try fit.with(covariance: .hc1)
        #expect(robust.conditionNumber == fit.conditionNumber && robust.warnings.contains(warning))
    }

    @Test func wellConditionedFitReportsItsConditionNumberWithoutWarning() throws {
        let fit = try LinearRegression.fit("y ~ x1 + x2 + C(g)", data: simulatedFrame(n: 300, clusters: 15, seed: 11))
        #expect(fit.conditionNumber >= 1 && fit.conditionNumber < 100)
        #expect(!fit.warnings.contains { $0.contains("Ill-conditioned") })
        #expect(fit.summary().contains("Condition:    "))
    }

    @Test func nearCollinearRegressorIsDroppedByTheRankRuleBeforeItCanWarn() throws {
        // x2 = x1 + 1e-9 z: below R's 1e-7 relative tolerance, so it is dropped as collinear.
        var rng = SeededGenerator(seed: 12)
        let x1 = (0..<50).map { _ in rng.normal() }
        let x2 = x1.map { $0 + 1e-9 * rng.normal() }
        let y = x1.map { 1 + 2 * $0 + rng.normal() }
        let data = try DataFrame(columns: [doubleColumn("y", y), doubleColumn("x1", x1), doubleColumn("x2", x2)])
        let fit = try LinearRegression.fit("y ~ x1 + x2", data: data)
        #expect(fit.droppedColumns == ["x2"])
        #expect(fit.conditionNumber < 10)
        #expect(fit.warnings == ["x2 dropped: collinear with other regressors"])
    }
}
