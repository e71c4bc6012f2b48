import Inference
import Testing

@testable import Attribution

@Suite("ROI analysis")
struct ROIAnalysisTests {
    static func setting() throws -> (BenefitStream, CostLedger) {
        let conversion = try MonetaryConversion(valuePerUnit: 0.3, unitDescription: "USD of sales", source: "gross margin")
        let stream = try BenefitStream(population: 100, horizonMonths: 12, conversion: conversion)
        let ledger = try CostLedger(items: [CostItem(name: "Program", category: .direct, amount: .fixed(180_000))])
        return (stream, ledger)
    }

    @Test("point figures follow the chain effect → benefits → ROI")
    func pointChain() throws {
        let (stream, ledger) = try Self.setting()
        // 1,000 per employee-month × 0.3 × 100 employees × 12 months = 360,000 → ROI 100 %.
        let analysis = try ROICalculator.analyse(
            effect: 1_000, replicates: [900, 1_000, 1_100], stream: stream, ledger: ledger, seed: 1, scheme: "test")
        #expect(analysis.point.benefits == 360_000)
        #expect(analysis.point.roiPercent == 100)
        #expect(analysis.point.benefitCostRatio == 2)
        #expect(analysis.point.paybackMonths == 6)
    }

    @Test("intervals of every figure come from the same replicates and are ordered")
    func consistentIntervals() throws {
        let (stream, ledger) = try Self.setting()
        var generator = RandomStream(seed: 3, stream: 0)
        let replicates = (0..<999).map { _ in 1_000 + 400 * (generator.nextUniform() - 0.5) }
        let analysis = try ROICalculator.analyse(
            effect: 1_000, replicates: replicates + [.nan], stream: stream, ledger: ledger, seed: 3, scheme: "test")
        #expect(analysis.replicatesUsed == 999)
        #expect(analysis.failedReplicates == 1)
        // The effect → ROI map is increasing and affine, so the order statistics map onto each other;
        // the normal-scale interpolation weights are the same, so the endpoints map exactly (to rounding).
        let roiFromEffect = { (e: Double) in (e * 0.3 * 100 * 12 - 180_000) / 180_000 * 100 }
        #expect(abs(analysis.roiInterval.lower - roiFromEffect(analysis.effectInterval.lower)) < 1e-9)
        #expect(abs(analysis.roiInterval.upper - roiFromEffect(analysis.effectInterval.upper)) < 1e-9)
        #expect(analysis.roiInterval.lower < analysis.point.roiPercent)
        #expect(analysis.point.roiPercent < analysis.roiInterval.upper)
        #expect(analysis.probabilityROIPositive == 1)
    }

    @Test("P(ROI > 0) counts replicates with positive net benefits")
    func probabilityPositive() throws {
        let (stream, ledger) = try Self.setting()
        // Break-even effect: 180,000 / (0.3 × 100 × 12) = 500.
        let analysis = try ROICalculator.analyse(
            effect: 600, replicates: [400, 450, 550, 600], stream: stream, ledger: ledger, seed: 1, scheme: "test")
        #expect(analysis.probabilityROIPositive == 0.5)
    }

    @Test("a benefit horizon of zero months is rejected")
    func badHorizon() throws {
        let conversion = try MonetaryConversion(valuePerUnit: 1, unitDescription: "unit")
        #expect(throws: AttributionError.nonPositiveHorizon(months: 0)) {
            try BenefitStream(population: 1, horizonMonths: 0, conversion: conversion)
        }
    }
}
