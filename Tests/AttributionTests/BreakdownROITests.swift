import Foundation
import Inference
import LinearAlgebra
import Testing

@testable import Attribution

@Suite("ROI sensitivity to parallel-trends violations (breakdown M̄)")
struct BreakdownROITests {
    /// 3 pre + 3 post periods, AR(1)-correlated errors (the HonestDiD `synthetic3x3` fixture's input).
    static let sd = [0.05, 0.045, 0.04, 0.05, 0.055, 0.06]
    static let sigma = Matrix(rowMajor: (0..<6).map { i in (0..<6).map { j in pow(0.3, Double(abs(i - j))) * sd[i] * sd[j] } })
    static let estimates = [0.03, -0.05, 0.04, 0.21, 0.26, 0.31]
    static let options = HonestDiDOptions(method: .conditional, gridPoints: 400)

    /// 100 units, 10 per unit of outcome, 12 months: K = 12,000 per unit of monthly effect.
    static func stream(value: Double = 10) throws -> BenefitStream {
        try BenefitStream(population: 100, horizonMonths: 12, conversion: MonetaryConversion(valuePerUnit: value, unitDescription: "unit"))
    }

    static func ledger(_ cost: Double) throws -> CostLedger {
        try CostLedger(items: [CostItem(name: "Programme", category: .direct, amount: .fixed(cost))])
    }

    /// Costs 600: break-even effect θ* = 600 / 12,000 = 0.05, ROI(θ) = (20 θ − 1) × 100.
    static func sensitivity(cost: Double = 600, hurdle: Double = 0, estimates: [Double] = estimates, value: Double = 10) throws
        -> BreakdownROI
    {
        try BreakdownROI(
            estimates: estimates, covariance: sigma, prePeriods: 3, postPeriods: 3, options: options,
            stream: stream(value: value), ledger: ledger(cost), hurdlePercent: hurdle)
    }

    @Test("break-even effect and ROI bounds are the chain applied to the robust set's ends")
    func boundsMapThroughTheChain() throws {
        let roi = try Self.sensitivity()
        #expect(roi.benefitsPerUnitEffect == 12_000)
        #expect(abs(roi.breakEvenEffect - 0.05) < 1e-15)
        #expect(abs(try roi.figures(effect: 0.26).roiPercent - 420) < 1e-9)
        for mbar in [0, 0.5, 1, 2.0] {
            let bound = try roi.bound(mbar: mbar)
            let set = try #require(roi.analysis.confidenceSet(mbar: mbar).interval)
            #expect(bound.effect == set)
            #expect(abs(bound.roiLowerPercent - (20 * set.lower - 1) * 100) < 1e-9)
            #expect(abs(bound.roiUpperPercent - (20 * set.upper - 1) * 100) < 1e-9)
        }
        let hurdle = try Self.sensitivity(hurdle: 100)
        #expect(abs(hurdle.breakEvenEffect - 0.1) < 1e-15)
    }

    @Test("the ROI lower bound falls as M̄ grows")
    func monotoneInMbar() throws {
        let roi = try Self.sensitivity()
        let step = roi.analysis.grid[1] - roi.analysis.grid[0]
        let lowers = try stride(from: 0.0, through: 2, by: 0.25).map { try roi.bound(mbar: $0).roiLowerPercent }
        // One grid step of θ moves the ROI by 20 × 100 × step: the sets nest up to the grid.
        for (narrow, wide) in zip(lowers, lowers.dropFirst()) { #expect(wide <= narrow + 2_000 * step) }
        #expect(lowers.last! < lowers.first! - 100)
    }

    @Test("the breakdown M̄ agrees with a direct test of the break-even effect and with the grid")
    func breakdownConsistent() throws {
        let roi = try Self.sensitivity()
        guard case .value(let breakdown) = roi.breakdownValue(tolerance: 1e-3) else {
            Issue.record("expected a finite breakdown value")
            return
        }
        #expect(breakdown > 0 && breakdown < 4)
        #expect(!roi.analysis.contains(0.05, mbar: breakdown))
        #expect(roi.analysis.contains(0.05, mbar: breakdown + 1e-3))
        let step = roi.analysis.grid[1] - roi.analysis.grid[0]
        #expect(try roi.bound(mbar: max(0, breakdown - 0.05)).roiLowerPercent > -2_000 * step)
        #expect(try roi.bound(mbar: breakdown + 0.05).roiLowerPercent < 2_000 * step)
        // θ* = 0.05 lies nearer the estimate than 0, so the ROI breaks down no later than the effect.
        guard case .value(let effectBreakdown) = roi.analysis.breakdownValue(tolerance: 1e-3) else {
            Issue.record("expected a finite effect breakdown value")
            return
        }
        #expect(breakdown <= effectBreakdown + 1e-3)
        // A higher hurdle breaks down earlier.
        guard case .value(let hurdleBreakdown) = try Self.sensitivity(hurdle: 100).breakdownValue() else {
            Issue.record("expected a finite breakdown value at a 100 % hurdle")
            return
        }
        #expect(hurdleBreakdown < breakdown)
    }

    @Test("the hybrid test (HonestDiD's default method) gives a breakdown consistent with its own test")
    func hybridBreakdown() throws {
        let roi = try BreakdownROI(
            estimates: Self.estimates, covariance: Self.sigma, prePeriods: 3, postPeriods: 3,
            options: HonestDiDOptions(gridPoints: 200, simulations: 200, seed: 7), stream: Self.stream(), ledger: Self.ledger(600))
        guard case .value(let breakdown) = roi.breakdownValue(tolerance: 1e-2) else {
            Issue.record("expected a finite breakdown value")
            return
        }
        #expect(roi.roiAboveHurdle(mbar: breakdown))
        #expect(!roi.roiAboveHurdle(mbar: breakdown + 1e-2))
    }

    @Test("with costs near zero the ROI breakdown is HonestDiD's breakdown of the effect")
    func negligibleCostsGiveTheEffectBreakdown() throws {
        let roi = try Self.sensitivity(cost: 1e-9)
        guard case .value(let ours) = roi.breakdownValue(), case .value(let theirs) = roi.analysis.breakdownValue() else {
            Issue.record("expected finite breakdown values")
            return
        }
        #expect(abs(ours - theirs) <= 1e-3)
    }

    @Test("a KPI whose decrease is the benefit: the mirrored study gives the same breakdown")
    func negativeValuePerUnit() throws {
        let up = try Self.sensitivity()
        let down = try Self.sensitivity(estimates: Self.estimates.map { -$0 }, value: -10)
        #expect(abs(down.breakEvenEffect + 0.05) < 1e-15)
        let bound = try down.bound(mbar: 1)
        let set = try #require(down.analysis.confidenceSet(mbar: 1).interval)
        // ROI(θ) = (−20 θ − 1) × 100: the effect's upper end gives the ROI's lower end.
        #expect(abs(bound.roiLowerPercent - (-20 * set.upper - 1) * 100) < 1e-9)
        guard case .value(let a) = up.breakdownValue(), case .value(let b) = down.breakdownValue() else {
            Issue.record("expected finite breakdown values")
            return
        }
        #expect(abs(a - b) <= 2e-3)
    }

    @Test("an ROI below the hurdle at M̄ = 0 has no breakdown; the summary states the assumptions")
    func notAboveAtZeroAndSummary() throws {
        // Costs 6,000: θ* = 0.5, above the estimate 0.26.
        let roi = try Self.sensitivity(cost: 6_000)
        #expect(roi.breakdownValue() == .notAboveHurdleAtZero)
        let result = try Self.sensitivity().sensitivity(mbar: [0, 1])
        #expect(result.bounds.map(\.mbar) == [0, 1])
        #expect(abs(result.estimate - 0.26) < 1e-12)
        #expect(result.summary.contains("Rambachan & Roth"))
        #expect(result.summary.contains("break-even effect for ROI 0.0%: 0.05"))
        #expect(result.summary.contains("Breakdown M̄ for the ROI ="))
    }

    @Test("bad input is typed")
    func badInput() throws {
        #expect(throws: SensitivityError.roiIndependentOfEffect) { try Self.sensitivity(value: 0) }
        #expect(throws: AttributionError.zeroTotalCost) { try Self.sensitivity(cost: 0) }
        #expect(throws: SensitivityError.invalidMbar(-1)) { try Self.sensitivity().bound(mbar: -1) }
        #expect(throws: HonestDiDError.noPrePeriods) {
            try BreakdownROI(
                estimates: [0.2], covariance: Matrix(rowMajor: [[0.01]]), prePeriods: 0, postPeriods: 1,
                stream: Self.stream(), ledger: Self.ledger(600))
        }
        let tooLong = try BenefitStream(
            population: 100, horizonMonths: 24, conversion: MonetaryConversion(valuePerUnit: 10, unitDescription: "unit"),
            dataSupportMonths: 12)
        #expect(throws: AttributionError.horizonBeyondData(horizonMonths: 24, supportedMonths: 12)) {
            try BreakdownROI(
                estimates: Self.estimates, covariance: Self.sigma, prePeriods: 3, postPeriods: 3, options: Self.options,
                stream: tooLong, ledger: Self.ledger(600))
        }
        let narrow = HonestDiDOptions(method: .conditional, gridPoints: 50, gridLower: 5, gridUpper: 6)
        let offGrid = try BreakdownROI(
            estimates: Self.estimates, covariance: Self.sigma, prePeriods: 3, postPeriods: 3, options: narrow,
            stream: Self.stream(), ledger: Self.ledger(600))
        #expect(throws: SensitivityError.emptyRobustSet(mbar: 0)) { try offGrid.bound(mbar: 0) }
    }
}
