import Testing

@testable import Attribution

@Suite("Cost ledger")
struct CostLedgerTests {
    @Test("negative hours, rates and amounts are rejected with the item named")
    func negativeInputs() {
        #expect(throws: AttributionError.negativeHours(item: "Participant time", hours: -80)) {
            try CostLedger(items: [CostItem(name: "Participant time", category: .indirect, amount: .hours(-80, rate: 50))])
        }
        #expect(throws: AttributionError.negativeRate(item: "Design", rate: -85)) {
            try CostLedger(items: [CostItem(name: "Design", category: .development, amount: .hours(40, rate: -85))])
        }
        #expect(throws: AttributionError.negativeAmount(item: "Venue", amount: -1)) {
            try CostLedger(items: [CostItem(name: "Venue", category: .direct, amount: .fixed(-1))])
        }
        #expect(throws: AttributionError.nonFiniteValue(item: "Venue", field: "amount")) {
            try CostLedger(items: [CostItem(name: "Venue", category: .direct, amount: .fixed(.nan))])
        }
        #expect(throws: AttributionError.emptyLedger) { try CostLedger(items: []) }
    }

    @Test("error messages say what to do")
    func advice() {
        let message = AttributionError.negativeRate(item: "Design", rate: -85).description
        #expect(message.contains("Design"))
        #expect(message.contains("fully loaded hourly cost"))
    }

    @Test("standard conversions: hour saved and error avoided")
    func conversions() throws {
        let hour = try MonetaryConversion.hourSaved(hourlyWage: 40, overheadShare: 0.25)
        #expect(hour.valuePerUnit == 50)
        let error = try MonetaryConversion.errorAvoided(hoursToFix: 1.5, hourlyCost: 50, materialCost: 20)
        #expect(error.valuePerUnit == 95)
    }
}
