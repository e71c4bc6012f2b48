import Testing

@testable import Attribution

@Suite("ROI figures")
struct ROIFiguresTests {
    @Test("Phillips worked example: costs 16,000, benefits 90,000 → ROI 462.5 %, BCR 5.625")
    func workedExample() throws {
        let ledger = try CostLedger(items: [
            CostItem(name: "Materials", category: .direct, amount: .fixed(5_000)),
            CostItem(name: "Facilitator", category: .direct, amount: .fixed(7_000)),
            CostItem(name: "Participant time", category: .indirect, amount: .hours(80, rate: 50)),
        ])
        #expect(ledger.total == 16_000)
        #expect(ledger.subtotal(.direct) == 12_000)
        #expect(ledger.subtotal(.indirect) == 4_000)
        #expect(ledger.subtotal(.development) == 0)
        let figures = try ROIFigures.compute(benefits: 90_000, costs: ledger.total, monthlyBenefits: 7_500)
        #expect(figures.netBenefits == 74_000)
        #expect(figures.roiPercent == 462.5)
        #expect(figures.benefitCostRatio == 5.625)
        #expect(abs(figures.paybackMonths - 16_000.0 / 7_500.0) < 1e-12)
    }

    @Test("payback is infinite when benefits are not positive; ROI is then negative")
    func noBenefits() throws {
        let figures = try ROIFigures.compute(benefits: -1_000, costs: 4_000, monthlyBenefits: -100)
        #expect(figures.paybackMonths == .infinity)
        #expect(figures.roiPercent == -125)
    }

    @Test("zero costs are an error, not a division by zero")
    func zeroCosts() {
        #expect(throws: AttributionError.zeroTotalCost) {
            try ROIFigures.compute(benefits: 1, costs: 0, monthlyBenefits: 1)
        }
    }
}
