import Testing

@testable import ModelSpec

@Suite("Observation account")
struct ObservationAccountTests {
    @Test func descriptionGroupsThousands() {
        let account = ObservationAccount(
            totalRows: 14_400, usedRows: 14_388, dropped: [DroppedRows(reason: .missingOutcome(variable: "sales"), count: 12)])
        #expect(account.description == "N = 14,388 of 14,400 rows used; dropped 12: missing outcome 'sales' (12)")
        #expect(account.droppedCount == 12)
    }

    @Test func noneDropped() {
        let account = ObservationAccount(totalRows: 1_234_567, usedRows: 1_234_567, dropped: [])
        #expect(account.description == "N = 1,234,567 of 1,234,567 rows used; none dropped")
    }

    @Test func zeroCountsAreLeftOut() {
        let account = ObservationAccount(
            totalRows: 10, usedRows: 7,
            dropped: [
                DroppedRows(reason: .missingOutcome(variable: "y"), count: 0),
                DroppedRows(reason: .missingRequired(variable: "team_id"), count: 3),
            ])
        #expect(account.dropped == [DroppedRows(reason: .missingRequired(variable: "team_id"), count: 3)])
    }

    @Test func droppingMoreRowsExtendsTheAccount() {
        let outcome = DroppedRows(reason: .missingOutcome(variable: "y"), count: 10)
        let base = ObservationAccount(totalRows: 100, usedRows: 90, dropped: [outcome])
        let extended = base.dropping(5, for: .missingRequired(variable: "cohort"))
        #expect(extended.usedRows == 85 && extended.droppedCount == 15 && extended.totalRows == 100)
        #expect(extended.dropped.last == DroppedRows(reason: .missingRequired(variable: "cohort"), count: 5))
        #expect(base.dropping(0, for: .missingWeight(variable: "w")) == base)
    }

    @Test func grouping() {
        #expect(ObservationAccount.grouped(0) == "0")
        #expect(ObservationAccount.grouped(999) == "999")
        #expect(ObservationAccount.grouped(1000) == "1,000")
        #expect(ObservationAccount.grouped(480_000) == "480,000")
        #expect(ObservationAccount.grouped(-12_345) == "-12,345")
    }

    @Test func reasonDescriptions() {
        #expect(DropReason.missingRegressor(variable: "tenure").description == "missing regressor 'tenure'")
        #expect(DropReason.missingWeight(variable: "w").description == "missing weight 'w'")
        #expect(DropReason.nonPositiveWeight(variable: "w").description == "zero weight 'w'")
        #expect(DropReason.missingRequired(variable: "team_id").variable == "team_id")
        #expect(DropReason.missingFixedEffect(variable: "unit").description == "missing fixed effect 'unit'")
        #expect(DropReason.singletonFixedEffect(variable: "unit").description == "singleton in fixed effect 'unit'")
        #expect(DropReason.singletonFixedEffect(variable: "month").variable == "month")
    }
}
