import Attribution
import Foundation
import Inference
import LinearAlgebra
import Reporting
import Testing

@testable import Workbench

@Suite("Report section builder: sensitivity")
struct StudyReportSectionsSensitivityTests {
    /// 100 units, value 9 per unit drawn from uniform [8, 12] (below the central 10: a principle-4
    /// choice), 12 months; costs 600 direct + 300 indirect (ROI ≈ 212 %).
    static func stream(horizon: Double = 12) throws -> BenefitStream {
        try BenefitStream(
            population: 100, horizonMonths: horizon,
            conversion: MonetaryConversion(valuePerUnit: 9, unitDescription: "unit", uncertainty: .uniform(lower: 8, upper: 12)),
            dataSupportMonths: 24)
    }

    static func ledger() throws -> CostLedger {
        try CostLedger(items: [
            CostItem(name: "Facilitator", category: .direct, amount: .fixed(600)),
            CostItem(name: "Participant time", category: .indirect, amount: .hours(6, rate: 50)),
        ])
    }

    static let effect = EffectPath.constant(0.26)

    static func roi() throws -> ROIChainResult {
        let replicates = (0..<200).map { EffectPath.constant(0.18 + 0.16 * Double($0) / 199) }
        let settings = ROIChain.Settings(stream: try stream(), ledger: try ledger(), seed: 11, scheme: "cluster bootstrap")
        return try ROIChain.run(effect: effect, replicates: replicates, settings: settings)
    }

    /// The HonestDiD fixture of BreakdownROITests: 3 pre + 3 post periods, AR(1) errors.
    static func honest() throws -> HonestDiDRelativeMagnitudes {
        let sd = [0.05, 0.045, 0.04, 0.05, 0.055, 0.06]
        let sigma = Matrix(rowMajor: (0..<6).map { i in (0..<6).map { j in pow(0.3, Double(abs(i - j))) * sd[i] * sd[j] } })
        let study = try HonestDiDEventStudy(
            estimates: [0.03, -0.05, 0.04, 0.21, 0.26, 0.31], covariance: sigma, prePeriods: 3, postPeriods: 3)
        return try HonestDiDRelativeMagnitudes(study: study, options: HonestDiDOptions(method: .conditional, gridPoints: 400))
    }

    @Test("default settings: tornado rows are TornadoAnalysis's bars over value range, effect interval and costs ±20 %")
    func defaultTornado() throws {
        let roi = try Self.roi()
        let (stream, ledger) = (try Self.stream(), try Self.ledger())
        let section = try StudyReportSections.sensitivitySection(
            settings: Study.SensitivitySettings(), effect: Self.effect, stream: stream, ledger: ledger, roi: roi, honest: nil)
        let assumptions: [TornadoAssumption] =
            [.valuePerUnit(low: 8, high: 12), .effect(interval: roi.effect.interval)]
            + TornadoAssumption.costItems(of: ledger, plusMinus: 0.2)
        let expected = try TornadoAnalysis(effect: Self.effect, stream: stream, ledger: ledger, assumptions: assumptions)
        #expect(section.tornado.count == 4)
        #expect(section.tornado.map(\.assumption) == expected.bars.map(\.assumption.name))
        for (row, bar) in zip(section.tornado, expected.bars) {
            #expect(row.roiAtLow == bar.low.roiPercent)
            #expect(row.roiAtHigh == bar.high.roiPercent)
            #expect(row.low == NumberText.statistic(bar.assumption.range.low))
            #expect(row.high == NumberText.statistic(bar.assumption.range.high))
        }
        #expect(section.tornado.first { $0.assumption == "cost: Facilitator" }?.low == "480")
        #expect(section.baseROIPercent == expected.central.roiPercent)
        #expect(abs(try #require(section.baseROIPercent) - roi.roiPercent.point) < 1e-9)
        // Without an event-study analysis there is no breakdown curve.
        #expect(section.breakdown == nil)
    }

    @Test("principle rows are SensitivityPrincipleAdjustments' undoable entries, before = ROI without the adjustment")
    func principleRows() throws {
        let roi = try Self.roi()
        let stream = try Self.stream()
        let section = try StudyReportSections.sensitivitySection(
            settings: Study.SensitivitySettings(), effect: Self.effect, stream: stream, ledger: try Self.ledger(), roi: roi,
            honest: nil)
        let table = try SensitivityPrincipleAdjustments(result: roi, conversion: stream.conversion)
        let undoable = table.adjustments.filter { $0.roiPercentWithout != nil }
        #expect(!undoable.isEmpty)
        #expect(section.principleAdjustments.count == undoable.count)
        for (row, entry) in zip(section.principleAdjustments, undoable) {
            #expect(row.principle == entry.application.principle.rawValue)
            #expect(row.roiBefore == entry.roiPercentWithout)
            #expect(row.roiAfter == entry.roiPercentWith)
        }
        // The principle-4 choice of 9 below the central 10: benefits rescaled by 10/9.
        let conservative = try #require(section.principleAdjustments.first { $0.principle == 4 })
        let figures = table.figures
        #expect(abs(conservative.roiBefore - (figures.benefits * 10 / 9 - figures.costs) / figures.costs * 100) < 1e-9)
    }

    @Test("stated ranges are varied in their own units; 'none' leaves an assumption out")
    func statedTornado() throws {
        let roi = try Self.roi()
        let (stream, ledger) = (try Self.stream(), try Self.ledger())
        let tornado = Study.TornadoSettings(
            valuePerUnit: .none, horizonMonths: Study.AssumptionRange(low: 6, high: 24),
            populationShare: Study.AssumptionRange(low: 0.8, high: 1), decayPerYear: Study.AssumptionRange(low: 0, high: 0.5),
            discountRatePerYear: Study.AssumptionRange(low: 0, high: 0.1), effect: .stated(Study.AssumptionRange(low: 0.1, high: 0.3)),
            costsPlusMinus: nil)
        let section = try StudyReportSections.sensitivitySection(
            settings: Study.SensitivitySettings(tornado: tornado), effect: Self.effect, stream: stream, ledger: ledger, roi: roi,
            honest: nil)
        let expected = try TornadoAnalysis(
            effect: Self.effect, stream: stream, ledger: ledger,
            assumptions: [
                .effect(low: 0.1, high: 0.3), .horizonMonths(low: 6, high: 24), .populationShare(low: 0.8, high: 1),
                .decayRate(low: 0, high: 0.5), .discountRate(low: 0, high: 0.1),
            ])
        #expect(section.tornado.map(\.assumption) == expected.bars.map(\.assumption.name))
        #expect(section.tornado.map(\.roiAtLow) == expected.bars.map(\.low.roiPercent))
        #expect(section.tornado.map(\.roiAtHigh) == expected.bars.map(\.high.roiPercent))
        // The discount rate moves the NPV, not the undiscounted ROI: a zero-width bar, listed last.
        #expect(section.tornado.last?.assumption == "annual discount rate")
        #expect(section.tornado.last?.roiAtLow == section.tornado.last?.roiAtHigh)
        // Nothing to vary: no rows, the base ROI is the chain's.
        let empty = Study.TornadoSettings(valuePerUnit: .none, effect: .none, costsPlusMinus: nil)
        let bare = try StudyReportSections.sensitivitySection(
            settings: Study.SensitivitySettings(tornado: empty), effect: Self.effect, stream: stream, ledger: ledger, roi: roi,
            honest: nil)
        #expect(bare.tornado.isEmpty)
        #expect(bare.baseROIPercent == roi.roiPercent.point)
    }

    @Test("breakdown curve: BreakdownROI's bounds on the study's grid and its breakdown M̄")
    func breakdown() throws {
        let roi = try Self.roi()
        let (stream, ledger, honest) = (try Self.stream(), try Self.ledger(), try Self.honest())
        let grid = [0, 0.5, 1, 2.0]
        let section = try StudyReportSections.sensitivitySection(
            settings: Study.SensitivitySettings(mbarGrid: grid), effect: Self.effect, stream: stream, ledger: ledger, roi: roi,
            honest: honest, hurdlePercent: 25)
        let curve = try #require(section.breakdown)
        let expected = try BreakdownROI(analysis: honest, stream: stream, ledger: ledger, hurdlePercent: 25).sensitivity(mbar: grid)
        #expect(curve.points.map(\.mBar) == grid)
        #expect(curve.points.map(\.roiLower) == expected.bounds.map(\.roiLowerPercent))
        #expect(curve.points.map(\.roiUpper) == expected.bounds.map(\.roiUpperPercent))
        guard case .value(let v) = expected.breakdown else {
            Issue.record("the fixture should break down inside the search, got \(expected.breakdown)")
            return
        }
        #expect(curve.breakdownMBar == v)
        #expect(curve.note.contains("Rambachan & Roth 2023"))
        #expect(curve.note.contains("ROI 25.0 %"))
    }

    @Test("breakdown M̄ mapping: already at the hurdle → 0; above it throughout → nil")
    func breakdownEdges() throws {
        let honest = try Self.honest()
        let ledger = try Self.ledger()
        // A hurdle no effect in the robust set reaches: the ROI interval is at the hurdle at M̄ = 0.
        let high = try StudyReportSections.breakdownCurve(
            BreakdownROI(analysis: honest, stream: try Self.stream(), ledger: ledger, hurdlePercent: 10_000), grid: [0, 1])
        #expect(high.breakdownMBar == 0)
        #expect(high.note.contains("already at M̄ = 0"))
        #expect(StudyReportSections.breakdownMBar(.value(0.62)) == 0.62)
        #expect(StudyReportSections.breakdownMBar(.notAboveHurdleAtZero) == 0)
        #expect(StudyReportSections.breakdownMBar(.atLeast(64)) == nil)
    }
}
