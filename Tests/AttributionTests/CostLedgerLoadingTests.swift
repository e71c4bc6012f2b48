import Testing

@testable import Attribution

@Suite("Cost ledger: full loading, shared costs, currencies and periods")
struct CostLedgerLoadingTests {
    static func items() -> [CostItem] {
        [
            CostItem(name: "Facilitator", category: .direct, amount: .fixed(7_000), currency: "USD"),
            CostItem(name: "Participant time", category: .indirect, amount: .hours(80, rate: 50), currency: "USD"),
            CostItem(name: "Administration", category: .indirect, amount: .hours(10, rate: 40)),
            CostItem(name: "Curriculum", category: .development, amount: .shared(total: 20_000, share: 0.25), currency: "USD"),
        ]
    }

    @Test("fully loaded total: direct + participant hours × rate + administration + prorated development")
    func fullyLoaded() throws {
        let ledger = try CostLedger(items: Self.items())
        // 7,000 + 80 × 50 + 10 × 40 + 20,000 × 0.25 = 7,000 + 4,000 + 400 + 5,000 = 16,400.
        #expect(ledger.total == 16_400)
        #expect(ledger.subtotal(.indirect) == 4_400)
        #expect(ledger.subtotal(.development) == 5_000)
        #expect(ledger.currency == "USD")
    }

    @Test("principle 10 is logged: direct-only total → fully loaded total, and each prorated item")
    func principlesLog() throws {
        let log = try CostLedger(items: Self.items()).principlesLog
        let entries = log.entries(for: .fullyLoadCosts)
        #expect(entries.count == 2)
        #expect(entries[0].before == 7_000 && entries[0].after == 16_400)
        #expect(entries[1].location == "cost ledger: Curriculum")
        #expect(entries[1].before == 20_000 && entries[1].after == 5_000)
    }

    @Test("mixed currencies and periods are typed errors naming the items")
    func mixed() throws {
        var items = Self.items()
        items.append(CostItem(name: "Licences", category: .direct, amount: .fixed(900), currency: "EUR"))
        let currencies = ["EUR": ["Licences"], "USD": ["Facilitator", "Participant time", "Curriculum"]]
        #expect(throws: AttributionError.mixedCurrencies(itemsByCurrency: currencies)) { try CostLedger(items: items) }
        let message = AttributionError.mixedCurrencies(itemsByCurrency: currencies).description
        #expect(message.contains("EUR: Licences; USD: Facilitator, Participant time, Curriculum"))
        let periods = [
            CostItem(name: "LMS", category: .direct, amount: .fixed(100), period: "per month"),
            CostItem(name: "Venue", category: .direct, amount: .fixed(900), period: "program total"),
        ]
        #expect(throws: AttributionError.mixedPeriods(itemsByPeriod: ["per month": ["LMS"], "program total": ["Venue"]])) {
            try CostLedger(items: periods)
        }
    }

    @Test("a shared cost needs a share in (0, 1] and a non-negative, finite total")
    func badShares() {
        for share in [0, -0.1, 1.5, Double.nan] {
            #expect(throws: AttributionError.self) {
                try CostLedger(items: [CostItem(name: "Curriculum", category: .development, amount: .shared(total: 1_000, share: share))])
            }
        }
        #expect(throws: AttributionError.invalidCostShare(item: "Curriculum", share: 1.5)) {
            try CostLedger(items: [CostItem(name: "Curriculum", category: .development, amount: .shared(total: 1_000, share: 1.5))])
        }
        #expect(throws: AttributionError.negativeAmount(item: "Curriculum", amount: -1)) {
            try CostLedger(items: [CostItem(name: "Curriculum", category: .development, amount: .shared(total: -1, share: 0.5))])
        }
    }
}
