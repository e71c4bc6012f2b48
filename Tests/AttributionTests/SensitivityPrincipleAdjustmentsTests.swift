import Foundation
import Testing

@testable import Attribution

@Suite("ROI before and after each guiding-principle adjustment")
struct SensitivityPrincipleAdjustmentsTests {
    /// 24 months of data at 7,500 a month, first year counted by default (principle 9); direct
    /// 12,000 + indirect 4,000 (principle 10); two equally credible values 1.2 and 1.0, the lower
    /// taken (principle 4).
    static func result() throws -> ROIChainResult {
        let table = try ConversionTable(entries: [
            "margin": [
                MonetaryConversion(valuePerUnit: 1.2, unitDescription: "USD", credibility: .historicalRecords),
                MonetaryConversion(valuePerUnit: 1.0, unitDescription: "USD", credibility: .historicalRecords),
            ]
        ])
        let (conversion, log) = try table.conversion(for: "margin")
        let ledger = try CostLedger(items: [
            CostItem(name: "Materials", category: .direct, amount: .fixed(5_000)),
            CostItem(name: "Facilitator", category: .direct, amount: .fixed(7_000)),
            CostItem(name: "Participant time", category: .indirect, amount: .hours(80, rate: 50)),
        ])
        let stream = try BenefitStream(population: 1, horizonMonths: 12, conversion: conversion)
        let settings = ROIChain.Settings(
            stream: stream, ledger: ledger, seed: 3, scheme: "test", horizonIsFirstYearDefault: true, priorPrinciples: log)
        let path = EffectPath.eventTime([Double](repeating: 7_500, count: 24))
        let replicates = [6_000.0, 7_000, 8_000, 9_000].map { EffectPath.eventTime([Double](repeating: $0, count: 24)) }
        return try ROIChain.run(effect: path, replicates: replicates, settings: settings)
    }

    @Test("each adjustment undone on its own gives the hand-computed ROI")
    func handComputed() throws {
        let result = try Self.result()
        #expect(result.roiPercent.point == 462.5)
        let table = try SensitivityPrincipleAdjustments(result: result)
        #expect(table.figures.roiPercent == 462.5)
        let byPrinciple = Dictionary(grouping: table.adjustments, by: \.application.principle)
        // Principle 4: benefits at 1.2 per unit, 108,000 → ROI 575 %.
        let conservative = try #require(byPrinciple[.mostConservative]?.first)
        #expect(abs(try #require(conservative.roiPercentWithout) - 575) < 1e-9)
        #expect(abs(try #require(conservative.roiChange) + 112.5) < 1e-9)
        // Principle 10: direct costs only, 12,000 → ROI (90,000 − 12,000)/12,000 = 650 %.
        let loaded = try #require(byPrinciple[.fullyLoadCosts]?.first)
        #expect(loaded.costsWithout == 12_000 && loaded.benefitsWithout == 90_000)
        #expect(loaded.roiPercentWithout == 650)
        // Principle 9: all 24 supported months, 180,000 → ROI 1,025 %.
        let firstYear = try #require(byPrinciple[.firstYearOnly]?.first)
        #expect(firstYear.benefitsWithout == 180_000)
        #expect(firstYear.roiPercentWithout == 1_025)
        #expect(table.adjustments.allSatisfy { $0.roiPercentWith == 462.5 })
        #expect(table.summary.contains("ROI without 650.0, with 462.5"))
        let decoded = try JSONDecoder().decode(SensitivityPrincipleAdjustments.self, from: JSONEncoder().encode(table))
        #expect(decoded == table)
    }

    @Test("prorated items, population gaps and entries without numbers")
    func otherEntries() throws {
        let figures = try ROIChainFigures.compute(
            effect: 1, valuePerUnit: 1,
            schedule: BenefitSchedule(monthly: [3_000], discounted: [3_000], extrapolatedMonths: 0, horizonMonths: 1),
            costs: 1_000)
        let log = PrinciplesLog(entries: [
            PrincipleApplication(
                principle: .fullyLoadCosts, rule: "shared", location: "cost ledger: Design", quantity: "item cost", before: 2_000,
                after: 500),
            PrincipleApplication(
                principle: .noDataNoImprovement, rule: "gap", location: "benefit stream: population", quantity: "monetary benefits",
                before: 4_000, after: 3_000),
            PrincipleApplication(principle: .intangibles, rule: "listed", location: "intangible: morale"),
            PrincipleApplication(
                principle: .mostCredibleSources, rule: "kept", location: "conversion: margin",
                quantity: "value per unit (highest candidate)", before: 2, after: 1),
            PrincipleApplication(
                principle: .adjustForError, rule: "confidence", location: "survey", quantity: "effect", before: 2, after: 1),
        ])
        let table = SensitivityPrincipleAdjustments(figures: figures, log: log)
        #expect(table.adjustments.count == 5)
        // Costs 1,000 + 1,500 = 2,500: ROI (3,000 − 2,500)/2,500 = 20 %.
        #expect(table.adjustments[0].roiPercentWithout == 20)
        // Benefits 4,000: ROI 300 %.
        #expect(table.adjustments[1].roiPercentWithout == 300)
        #expect(table.adjustments[2].roiPercentWithout == nil && table.adjustments[2].note.contains("changed no number"))
        #expect(table.adjustments[3].roiPercentWithout == nil)
        #expect(table.adjustments[4].roiPercentWithout == nil && table.adjustments[4].note.contains("not undone"))
        #expect(table.adjustments[4].roiChange == nil)
    }

    @Test("a point value below its uncertainty's central value is undone to the central value")
    func conservativeConversion() throws {
        let figures = try ROIChainFigures.compute(
            effect: 1, valuePerUnit: 1,
            schedule: BenefitSchedule(monthly: [3_000], discounted: [3_000], extrapolatedMonths: 0, horizonMonths: 1),
            costs: 1_000)
        let ranged = try MonetaryConversion(valuePerUnit: 1, unitDescription: "USD", uncertainty: .uniform(lower: 0.8, upper: 1.6))
        let table = SensitivityPrincipleAdjustments(figures: figures, log: PrinciplesLog(), conversion: ranged)
        // Central 1.2: benefits 3,600, ROI (3,600 − 1,000)/1,000 = 260 % against 200 % as computed.
        let row = try #require(table.adjustments.first)
        #expect(table.adjustments.count == 1)
        let before = try #require(row.application.before)
        #expect(row.application.principle == .mostConservative && abs(before - 1.2) < 1e-12)
        #expect(abs(try #require(row.roiPercentWithout) - 260) < 1e-9)
        #expect(abs(try #require(row.roiChange) + 60) < 1e-9)
        let known = try MonetaryConversion(valuePerUnit: 1, unitDescription: "USD")
        #expect(SensitivityPrincipleAdjustments(figures: figures, log: PrinciplesLog(), conversion: known).adjustments.isEmpty)
        let central = try MonetaryConversion(valuePerUnit: 1.2, unitDescription: "USD", uncertainty: .uniform(lower: 0.8, upper: 1.6))
        #expect(SensitivityPrincipleAdjustments(figures: figures, log: PrinciplesLog(), conversion: central).adjustments.isEmpty)
    }
}
