import Foundation
import Testing

@testable import Attribution

@Suite("Tornado of assumption ranges")
struct TornadoAnalysisTests {
    /// The Phillips worked example: costs 16,000, 7,500 a month for a year, ROI 462.5 %.
    static func ledger() throws -> CostLedger {
        try CostLedger(items: [
            CostItem(name: "Materials", category: .direct, amount: .fixed(5_000)),
            CostItem(name: "Facilitator", category: .direct, amount: .fixed(7_000)),
            CostItem(name: "Participant time", category: .indirect, amount: .hours(80, rate: 50)),
        ])
    }

    static func stream(horizon: Double = 12) throws -> BenefitStream {
        try BenefitStream(population: 1, horizonMonths: horizon, conversion: MonetaryConversion(valuePerUnit: 1, unitDescription: "USD"))
    }

    static let assumptions: [TornadoAssumption] = [
        .valuePerUnit(low: 0.8, high: 1.2), .populationShare(low: 0.5, high: 1), .horizonMonths(low: 6, high: 18),
        .decayRate(low: 0, high: 0.2), .discountRate(low: 0, high: 0.1), .costItem(name: "Facilitator", low: 5_000, high: 9_000),
        .effect(low: 5_000, high: 10_000),
    ]

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

    @Test("each bar's ends are hand-computed ROIs and the bars are sorted by swing")
    func handComputed() throws {
        let tornado = try TornadoAnalysis(
            effect: .constant(7_500), stream: Self.stream(), ledger: Self.ledger(), assumptions: Self.assumptions)
        #expect(tornado.central.roiPercent == 462.5)
        let bars = Dictionary(uniqueKeysWithValues: tornado.bars.map { ($0.assumption.name, $0) })
        // ROI = (B − C)/C × 100 with B = 90,000 × factor, C = 16,000.
        let value = try #require(bars["value per unit"])
        #expect(Self.close(value.metricAtLow, 350) && Self.close(value.metricAtHigh, 575) && Self.close(value.swing, 225))
        let share = try #require(bars["share of population benefiting"])
        #expect(Self.close(share.metricAtLow, 181.25) && Self.close(share.metricAtHigh, 462.5))
        let horizon = try #require(bars["horizon (months)"])
        #expect(Self.close(horizon.metricAtLow, 181.25) && Self.close(horizon.metricAtHigh, 743.75))
        let effect = try #require(bars["effect"])
        #expect(Self.close(effect.metricAtLow, 275) && Self.close(effect.metricAtHigh, 650))
        let cost = try #require(bars["cost: Facilitator"])
        #expect(Self.close(cost.metricAtLow, 76_000.0 / 14_000 * 100) && Self.close(cost.metricAtHigh, 400))
        #expect(cost.low.costs == 14_000 && cost.high.costs == 18_000)
        // Decay 20 %/year: Σ_{m=1}^{12} 7,500 × 0.8^((m−1)/12) = 7,500 (1 − 0.8) / (1 − 0.8^(1/12)).
        let decayed = 7_500 * 0.2 / (1 - pow(0.8, 1.0 / 12))
        let decay = try #require(bars["annual decay rate"])
        #expect(Self.close(decay.metricAtLow, 462.5) && Self.close(decay.metricAtHigh, (decayed - 16_000) / 16_000 * 100, 1e-8))
        // The discount rate moves the NPV, not the undiscounted ROI.
        #expect(try #require(bars["annual discount rate"]).swing == 0)
        #expect(
            tornado.bars.map(\.assumption.name) == [
                "horizon (months)", "effect", "share of population benefiting", "value per unit", "cost: Facilitator",
                "annual decay rate", "annual discount rate",
            ])
        #expect(tornado.summary.contains("Tornado of roiPercent"))
        let decoded = try JSONDecoder().decode(TornadoAnalysis.self, from: JSONEncoder().encode(tornado))
        #expect(decoded == tornado)
    }

    @Test("NPV tornado: the discount rate's swing is the discounting of the stream")
    func npvMetric() throws {
        let tornado = try TornadoAnalysis(
            effect: .constant(7_500), stream: Self.stream(), ledger: Self.ledger(),
            assumptions: [.discountRate(low: 0, high: 0.1)], metric: .netPresentValue)
        let pv = (1...12).reduce(0.0) { $0 + 7_500 * pow(1.1, -Double($1) / 12) }
        #expect(tornado.bars[0].metricAtLow == 74_000)
        #expect(Self.close(tornado.bars[0].metricAtHigh, pv - 16_000, 1e-8))
        #expect(Self.close(tornado.bars[0].swing, 90_000 - pv, 1e-8))
    }

    @Test("an event-time path is shifted so its mean over the horizon is the interval end")
    func eventTimeEffect() throws {
        let tornado = try TornadoAnalysis(
            effect: .eventTime([100, 200, 300]), stream: Self.stream(horizon: 3),
            ledger: CostLedger(items: [CostItem(name: "Fee", category: .direct, amount: .fixed(300))]),
            assumptions: [.effect(low: 150, high: 250)])
        // Path mean 200: low end [50, 150, 250] → benefits 450; high end [150, 250, 350] → 750.
        #expect(tornado.bars[0].low.benefits == 450 && tornado.bars[0].high.benefits == 750)
        #expect(tornado.bars[0].metricAtLow == 50 && tornado.bars[0].metricAtHigh == 150)
        #expect(tornado.bars[0].low.effect == 150)
    }

    @Test("cost items ± a fraction")
    func costItemsHelper() throws {
        let ranges = TornadoAssumption.costItems(of: try Self.ledger(), plusMinus: 0.2)
        #expect(ranges.count == 3)
        #expect(ranges[2] == .costItem(name: "Participant time", low: 3_200, high: 4_800))
        let tornado = try TornadoAnalysis(effect: .constant(7_500), stream: Self.stream(), ledger: Self.ledger(), assumptions: ranges)
        // The largest item (Facilitator, ±1,400) swings the ROI most.
        #expect(tornado.bars.first?.assumption.name == "cost: Facilitator")
        #expect(Self.close(tornado.bars[0].metricAtHigh, (90_000 - 17_400) / 17_400 * 100))
    }

    @Test("ranges from a conversion's uncertainty and from an effect interval")
    func rangeHelpers() throws {
        let uniform = try MonetaryConversion(valuePerUnit: 1, unitDescription: "USD", uncertainty: .uniform(lower: 0.8, upper: 1.2))
        #expect(TornadoAssumption.valuePerUnit(of: uniform) == .valuePerUnit(low: 0.8, high: 1.2))
        let normal = try MonetaryConversion(valuePerUnit: 1, unitDescription: "USD", uncertainty: .normal(mean: 1, standardDeviation: 0.1))
        #expect(TornadoAssumption.valuePerUnit(of: normal, normalWidth: 2) == .valuePerUnit(low: 0.8, high: 1.2))
        #expect(TornadoAssumption.valuePerUnit(of: try MonetaryConversion(valuePerUnit: 1, unitDescription: "USD")) == nil)
        let chain = try ROIChain.run(
            effect: .constant(7_500), replicates: [6_000, 7_000, 8_000, 9_000].map { .constant($0) },
            settings: ROIChain.Settings(stream: Self.stream(), ledger: Self.ledger(), seed: 1, scheme: "test"))
        let assumption = TornadoAssumption.effect(interval: chain.effect.interval)
        #expect(assumption == .effect(low: chain.effect.interval.lower, high: chain.effect.interval.upper))
        let tornado = try TornadoAnalysis(effect: .constant(7_500), stream: Self.stream(), ledger: Self.ledger(), assumptions: [assumption])
        // The ROI is affine in the effect, so the bar's ends are the ROI interval's (percentile maps).
        #expect(Self.close(tornado.bars[0].metricAtLow, chain.roiPercent.interval.lower))
        #expect(Self.close(tornado.bars[0].metricAtHigh, chain.roiPercent.interval.upper))
    }

    @Test("bad input is typed")
    func badInput() throws {
        let make = { (assumptions: [TornadoAssumption]) in
            try TornadoAnalysis(effect: .constant(7_500), stream: Self.stream(), ledger: Self.ledger(), assumptions: assumptions)
        }
        #expect(throws: SensitivityError.noAssumptions) { try make([]) }
        #expect(throws: SensitivityError.invalidRange(assumption: "value per unit", low: 2, high: 1)) {
            try make([.valuePerUnit(low: 2, high: 1)])
        }
        #expect(throws: SensitivityError.self) { try make([.effect(low: .nan, high: 1)]) }
        #expect(throws: SensitivityError.duplicateAssumption(name: "horizon (months)")) {
            try make([.horizonMonths(low: 6, high: 12), .horizonMonths(low: 3, high: 24)])
        }
        #expect(throws: SensitivityError.unknownCostItem(name: "Venue", known: ["Materials", "Facilitator", "Participant time"])) {
            try make([.costItem(name: "Venue", low: 0, high: 1)])
        }
        #expect(throws: AttributionError.invalidRate(name: "annual decay rate", value: 1)) { try make([.decayRate(low: 0, high: 1)]) }
        #expect(throws: AttributionError.negativeAmount(item: "Materials", amount: -1)) {
            try make([.costItem(name: "Materials", low: -1, high: 1)])
        }
    }
}
