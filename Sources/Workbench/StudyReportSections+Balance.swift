import Estimators
import Reporting

extension StudyReportSections {
    /// The balance section of a `BalanceTable`: per covariate the SMD before and after the
    /// adjustment (pooled unweighted SD in the denominator, cobalt's default), and the 0.1 threshold
    /// (Austin 2009; `BalanceTable.smdThreshold`). `adjustment` names the adjustment in words; nil
    /// uses the table's own label (e.g. "IPW (ATT)").
    public static func balanceSection(_ table: BalanceTable, adjustment: String? = nil) -> StudyReport.BalanceSection {
        let after = Dictionary(table.after.map { ($0.variable, $0.standardizedMeanDifference) }, uniquingKeysWith: { a, _ in a })
        let rows = table.before.map {
            StudyReport.BalanceRow(covariate: $0.variable, before: $0.standardizedMeanDifference, after: after[$0.variable])
        }
        return StudyReport.BalanceSection(
            adjustment: adjustment ?? table.adjustment.description, rows: rows, threshold: BalanceTable.smdThreshold)
    }
}
