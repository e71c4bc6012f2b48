import DataFrameModule
import Estimators
import Reporting
import Testing

@testable import Workbench

@Suite("Report section builder: balance")
struct StudyReportSectionsBalanceTests {
    @Test("balance: SMDs before and after match the BalanceTable row by row")
    func balance() throws {
        var rows = ["d,x1,x2,y"]
        for i in 0..<40 {
            let d = i % 2
            let x1 = Double(i % 7) + Double(d) * 1.5
            let x2 = Double((i * 3) % 5) - Double(d) * 0.5
            rows.append("\(d),\(x1),\(x2),\(x1 + x2 + Double(d))")
        }
        let frame = try DataFrame.readCSV(text: rows.joined(separator: "\n"))
        let comparison = try ControlGroupComparison(data: frame, outcome: "y", treatment: "d", covariates: ["x1", "x2"])
        let table = comparison.balance(.averageTreatmentEffectOnTreated)
        let section = StudyReportSections.balanceSection(table)
        #expect(section.adjustment == table.adjustment.description)
        #expect(section.threshold == 0.1)
        #expect(section.rows.map(\.covariate) == table.before.map(\.variable))
        #expect(section.rows.map(\.before) == table.before.map(\.standardizedMeanDifference))
        #expect(section.rows.map(\.after) == table.after.map(\.standardizedMeanDifference))
        #expect(StudyReportSections.balanceSection(table, adjustment: "IPW, ATT weights").adjustment == "IPW, ATT weights")
    }
}
