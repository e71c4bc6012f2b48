import Testing

@testable import Attribution

@Suite("Conversion table")
struct ConversionTableTests {
    @Test("the most credible source wins (principle 3), then the lowest value (principle 4), both logged")
    func selection() throws {
        let table = try ConversionTable(entries: [
            "handle_time": [
                try MonetaryConversion(
                    valuePerUnit: 80, unitDescription: "hour saved", source: "manager", credibility: .participantEstimate),
                try MonetaryConversion(valuePerUnit: 55, unitDescription: "hour saved", source: "HR", credibility: .standardValue),
                try MonetaryConversion(valuePerUnit: 52, unitDescription: "hour saved", source: "Finance", credibility: .standardValue),
            ]
        ])
        let (chosen, log) = try table.conversion(for: "handle_time")
        #expect(chosen.valuePerUnit == 52)
        #expect(chosen.source == "Finance")
        #expect(log.entries.count == 2)
        let credible = try #require(log.entries(for: .mostCredibleSources).first)
        #expect(credible.before == 80 && credible.after == 55)
        let conservative = try #require(log.entries(for: .mostConservative).first)
        #expect(conservative.before == 55 && conservative.after == 52)
        #expect(conservative.change == -3)
        #expect(log.principlesApplied == [.mostCredibleSources, .mostConservative])
    }

    @Test("a single value is used without any log entry; an unstated credibility ranks last")
    func singleAndUnstated() throws {
        let table = try ConversionTable(entries: [
            "sales": [try MonetaryConversion(valuePerUnit: 0.3, unitDescription: "USD of sales")],
            "errors": [
                try MonetaryConversion(valuePerUnit: 10, unitDescription: "error"),
                try MonetaryConversion(valuePerUnit: 30, unitDescription: "error", credibility: .participantEstimate),
            ],
        ])
        #expect(try table.conversion(for: "sales").log.entries.isEmpty)
        #expect(try table.conversion(for: "errors").conversion.valuePerUnit == 30)
        #expect(table.kpis == ["errors", "sales"])
    }

    @Test("unknown KPIs and empty rows are typed errors")
    func badRows() throws {
        #expect(throws: AttributionError.emptyConversion(kpi: "retention")) { try ConversionTable(entries: ["retention": []]) }
        let table = try ConversionTable(entries: ["sales": [try MonetaryConversion(valuePerUnit: 0.3, unitDescription: "USD")]])
        #expect(throws: AttributionError.unknownKPI(kpi: "errors", known: ["sales"])) { try table.conversion(for: "errors") }
        #expect(AttributionError.unknownKPI(kpi: "errors", known: ["sales"]).description.contains("sales"))
    }
}
