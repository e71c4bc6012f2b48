import Foundation
import Inference
import Testing

@testable import Attribution

@Suite("ROI chain with intervals")
struct ROIChainTests {
    /// The Phillips worked example: costs 16,000, 7,500 a month of benefits for a year.
    static func workedSettings(
        method: BootstrapIntervalMethod = .percentile, hurdle: Double? = nil, conversion: MonetaryConversion? = nil
    ) throws -> ROIChain.Settings {
        let ledger = try CostLedger(items: [
            CostItem(name: "Materials", category: .direct, amount: .fixed(5_000)),
            CostItem(name: "Facilitator", category: .direct, amount: .fixed(7_000)),
            CostItem(name: "Participant time", category: .indirect, amount: .hours(80, rate: 50)),
        ])
        let value = try conversion ?? MonetaryConversion(valuePerUnit: 1, unitDescription: "USD of margin")
        let stream = try BenefitStream(population: 1, horizonMonths: 12, conversion: value)
        return ROIChain.Settings(
            stream: stream, ledger: ledger, method: method, hurdlePercent: hurdle, seed: 11, scheme: "test",
            horizonIsFirstYearDefault: true)
    }

    static func replicates(_ count: Int = 999) -> [EffectPath] {
        var generator = RandomStream(seed: 5, stream: 0)
        return (0..<count).map { _ in .constant(7_500 + 3_000 * (generator.nextUniform() - 0.5)) }
    }

    @Test("worked example: ROI 462.5 %, BCR 5.625, net 74,000, NPV 74,000 without discounting")
    func workedExample() throws {
        let result = try ROIChain.run(effect: .constant(7_500), replicates: Self.replicates(), settings: Self.workedSettings())
        #expect(result.benefits.point == 90_000)
        #expect(result.costs.point == 16_000)
        #expect(result.netBenefits.point == 74_000)
        #expect(result.roiPercent.point == 462.5)
        #expect(result.benefitCostRatio.point == 5.625)
        #expect(result.netPresentValue.point == 74_000)
        #expect(abs(result.paybackMonths.point - 16_000.0 / 7_500) < 1e-12)
        #expect(result.costs.interval.lower == 16_000 && result.costs.interval.upper == 16_000)
        #expect(result.principles.entries(for: .fullyLoadCosts).first?.before == 12_000)
        #expect(result.principles.entries(for: .firstYearOnly).count == 1)
    }

    @Test("every interval comes from the same replicates: the ROI interval is the effect interval mapped")
    func consistentIntervals() throws {
        let result = try ROIChain.run(effect: .constant(7_500), replicates: Self.replicates(), settings: Self.workedSettings())
        // ROI = (12e − 16,000)/16,000 × 100 is increasing and affine in e, so the percentile endpoints map.
        let roi = { (e: Double) in (12 * e - 16_000) / 16_000 * 100 }
        #expect(abs(result.roiPercent.interval.lower - roi(result.effect.interval.lower)) < 1e-9)
        #expect(abs(result.roiPercent.interval.upper - roi(result.effect.interval.upper)) < 1e-9)
        #expect(abs(result.benefits.interval.upper - 12 * result.effect.interval.upper) < 1e-9)
        #expect(result.roiPercent.interval.method == .percentile)
        #expect(result.probabilityROIPositive == 1)
    }

    @Test("P(ROI > 0) and P(ROI > hurdle) count replicates")
    func probabilities() throws {
        // Monthly effects 1,000 / 1,500 / 2,000 / 3,000 → ROI −25 %, 12.5 %, 50 %, 125 %.
        let reps: [EffectPath] = [.constant(1_000), .constant(1_500), .constant(2_000), .constant(3_000)]
        let result = try ROIChain.run(effect: .constant(2_000), replicates: reps, settings: Self.workedSettings(hurdle: 25))
        #expect(result.probabilityROIPositive == 0.75)
        #expect(result.probabilityROIAboveHurdle == 0.5)
        #expect(result.hurdlePercent == 25)
    }

    @Test("failed replicates are counted with their reasons, never dropped silently")
    func failures() throws {
        var reps = Self.replicates(100)
        reps[3] = .constant(.nan)
        reps[7] = .eventTime([1, 2])
        let result = try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: Self.workedSettings())
        #expect(result.replicatesUsed == 98)
        #expect(result.failedReplicates == 2)
        #expect(result.failures.map(\.replicate) == [3, 7])
        #expect(result.failures[0].reason.contains("no finite effect"))
        #expect(throws: AttributionError.allReplicatesFailed(count: 2)) {
            try ROIChain.run(
                effect: .constant(7_500), replicates: [.constant(.nan), .constant(.infinity)], settings: Self.workedSettings())
        }
    }

    @Test("interval type is selectable: basic reflects the percentile interval about the point")
    func intervalTypes() throws {
        let reps = Self.replicates()
        let percentile = try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: Self.workedSettings())
        let basic = try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: Self.workedSettings(method: .basic))
        #expect(basic.roiPercent.interval.method == .basic)
        let p = percentile.roiPercent
        #expect(abs(basic.roiPercent.interval.lower - (2 * p.point - p.interval.upper)) < 1e-9)
        let normal = try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: Self.workedSettings(method: .normal))
        #expect(normal.benefits.interval.method == .normal)
        #expect(throws: AttributionError.intervalNotApplicable(method: "BCa")) {
            try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: Self.workedSettings(method: .bca))
        }
    }

    @Test("an uncertain conversion value widens the ROI interval; results repeat exactly for a seed")
    func conversionUncertainty() throws {
        let reps = Self.replicates()
        let known = try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: Self.workedSettings())
        let uncertain = try MonetaryConversion(
            valuePerUnit: 1, unitDescription: "USD of margin", uncertainty: .uniform(lower: 0.6, upper: 1.4))
        let settings = try Self.workedSettings(conversion: uncertain)
        let a = try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: settings)
        let b = try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: settings)
        #expect(a == b)
        #expect(a.roiPercent.point == known.roiPercent.point)
        let width = { (r: ROIChainResult) in r.roiPercent.interval.upper - r.roiPercent.interval.lower }
        #expect(width(a) > width(known))
        #expect(a.valuePerUnit.interval.lower >= 0.6 && a.valuePerUnit.interval.upper <= 1.4)
    }

    @Test("an event-time path and extrapolation are reported; a bad point effect is a typed error")
    func dynamicPath() throws {
        let ledger = try CostLedger(items: [CostItem(name: "Program", category: .direct, amount: .fixed(10))])
        let stream = try BenefitStream(
            population: 1, horizonMonths: 4, conversion: try MonetaryConversion(valuePerUnit: 1, unitDescription: "u"),
            extrapolation: .carryLastEffectForward)
        let settings = ROIChain.Settings(stream: stream, ledger: ledger, seed: 1, scheme: "test")
        let reps: [EffectPath] = [.eventTime([1, 2, 3]), .eventTime([2, 3, 4])]
        let result = try ROIChain.run(effect: .eventTime([1, 2, 3]), replicates: reps, settings: settings)
        // Benefits 1 + 2 + 3 + 3 = 9 against 10: ROI −10 %, effect = mean of the 3 estimated months = 2.
        #expect(result.benefits.point == 9)
        #expect(abs(result.roiPercent.point - -10) < 1e-12)
        #expect(result.effect.point == 2)
        #expect(result.extrapolatedMonths == 1)
        #expect(result.extrapolation == .carryLastEffectForward)
        // Payback: 9 by month 4, then 3 a month: 4 + 1/3.
        #expect(abs(result.paybackMonths.point - (4 + 1.0 / 3)) < 1e-12)
        #expect(throws: AttributionError.nonFiniteEffect(month: 2)) {
            try ROIChain.run(effect: .eventTime([1, .nan, 3]), replicates: reps, settings: settings)
        }
    }

    @Test("the static entry point (ROICalculator) and the chain agree on a constant effect")
    func agreesWithCalculator() throws {
        let settings = try Self.workedSettings()
        let reps = Self.replicates()
        let chain = try ROIChain.run(effect: .constant(7_500), replicates: reps, settings: settings)
        let effects = reps.map { path -> Double in
            if case .constant(let e) = path { return e }
            return .nan
        }
        let analysis = try ROICalculator.analyse(
            effect: 7_500, replicates: effects, stream: settings.stream, ledger: settings.ledger, seed: 11, scheme: "test")
        #expect(abs(chain.roiPercent.point - analysis.point.roiPercent) < 1e-9)
        #expect(abs(chain.paybackMonths.point - analysis.point.paybackMonths) < 1e-12)
        #expect(abs(chain.roiPercent.interval.lower - analysis.roiInterval.lower) < 1e-9)
        #expect(abs(chain.roiPercent.interval.upper - analysis.roiInterval.upper) < 1e-9)
        #expect(abs(chain.paybackMonths.interval.lower - analysis.paybackInterval.lower) < 1e-9)
        #expect(abs(chain.benefitCostRatio.interval.upper - analysis.bcrInterval.upper) < 1e-9)
        #expect(chain.probabilityROIPositive == analysis.probabilityROIPositive)
    }

    @Test("an infinite payback falls back to the percentile interval; levels 1–3 join the principles log")
    func paybackFallbackAndChain() throws {
        let reps: [EffectPath] = [.constant(-100), .constant(500), .constant(1_000), .constant(2_000)]
        let base = try Self.workedSettings(method: .basic)
        let chain = ChainOfImpact(intangibles: [Intangible(name: "morale", evidence: "pulse survey")])
        let settings = ROIChain.Settings(
            stream: base.stream, ledger: base.ledger, method: .basic, seed: 11, scheme: "test", chainOfImpact: chain)
        let result = try ROIChain.run(effect: .constant(1_000), replicates: reps, settings: settings)
        #expect(result.paybackMonths.interval.method == .percentile)
        #expect(result.paybackMonths.interval.upper == .infinity)
        #expect(result.roiPercent.interval.method == .basic)
        #expect(result.principles.entries(for: .intangibles).count == 1)
        #expect(result.chainOfImpact == chain)
    }

    @Test("a conversion value in another currency than the costs is a typed error")
    func currencyMismatch() throws {
        let ledger = try CostLedger(items: [CostItem(name: "Program", category: .direct, amount: .fixed(100), currency: "USD")])
        let stream = try BenefitStream(population: 1, conversion: try MonetaryConversion.salesMargin(marginRate: 0.3, currency: "EUR"))
        let settings = ROIChain.Settings(stream: stream, ledger: ledger, seed: 1, scheme: "test", benefitCurrency: "EUR")
        #expect(throws: AttributionError.currencyMismatch(benefits: "EUR", costs: "USD")) {
            try ROIChain.run(effect: .constant(100), replicates: [.constant(100)], settings: settings)
        }
    }

    @Test("NPV discounts each month at (1 + r)^(−m/12); ROI stays on undiscounted benefits")
    func netPresentValue() throws {
        let ledger = try CostLedger(items: [CostItem(name: "Program", category: .direct, amount: .fixed(1_000))])
        let stream = try BenefitStream(
            population: 1, horizonMonths: 12, conversion: try MonetaryConversion(valuePerUnit: 1, unitDescription: "u"),
            discountRate: 0.12)
        let settings = ROIChain.Settings(stream: stream, ledger: ledger, seed: 1, scheme: "test")
        let result = try ROIChain.run(effect: .constant(100), replicates: [.constant(90), .constant(110)], settings: settings)
        // PV = 100 q (1 − q¹²)/(1 − q), q = 1.12^(−1/12), q¹² = 1/1.12.
        let q = pow(1.12, -1.0 / 12)
        #expect(abs(result.netPresentValue.point - (100 * q * (1 - 1 / 1.12) / (1 - q) - 1_000)) < 1e-9)
        #expect(result.roiPercent.point == 20)
        #expect(result.netPresentValue.point < result.netBenefits.point)
    }
}
