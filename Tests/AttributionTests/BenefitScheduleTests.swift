import Foundation
import Testing

@testable import Attribution

@Suite("Benefit stream and schedule")
struct BenefitScheduleTests {
    static func unit(_ value: Double = 1) throws -> MonetaryConversion {
        try MonetaryConversion(valuePerUnit: value, unitDescription: "unit")
    }

    @Test("a constant effect without decay gives effect × value × N per month, as the closed form")
    func constant() throws {
        let stream = try BenefitStream(population: 3, horizonMonths: 12, conversion: Self.unit(2))
        let schedule = try stream.schedule(path: .constant(10), valuePerUnit: 2)
        #expect(schedule.monthly == Array(repeating: 60, count: 12))
        #expect(schedule.total == 720)
        #expect(schedule.total == stream.benefits(effect: 10))
        #expect(schedule.presentValue == 720)
        #expect(schedule.extrapolatedMonths == 0)
    }

    @Test("annual decay d: month m keeps (1 − d)^((m − 1)/12) of the effect")
    func decay() throws {
        let stream = try BenefitStream(population: 3, horizonMonths: 12, conversion: Self.unit(2), decayRate: 0.5)
        let schedule = try stream.schedule(path: .constant(10), valuePerUnit: 2)
        #expect(schedule.monthly[0] == 60)
        #expect(abs(schedule.monthly[11] - 60 * pow(0.5, 11.0 / 12)) < 1e-12)
        // Geometric sum: 60 × (1 − q¹²)/(1 − q), q = 0.5^(1/12), so (1 − q¹²) = 0.5.
        let q = pow(0.5, 1.0 / 12)
        #expect(abs(schedule.total - 60 * 0.5 / (1 - q)) < 1e-9)
    }

    @Test("annual discount r: month m is worth (1 + r)^(−m/12) at training")
    func discount() throws {
        let stream = try BenefitStream(population: 1, horizonMonths: 12, conversion: Self.unit(), discountRate: 0.12)
        let schedule = try stream.schedule(path: .constant(100), valuePerUnit: 1)
        let q = pow(1.12, -1.0 / 12)
        // Σ_{m=1}^{12} 100 qᵐ = 100 q (1 − q¹²)/(1 − q), with q¹² = 1/1.12.
        #expect(abs(schedule.presentValue - 100 * q * (1 - 1 / 1.12) / (1 - q)) < 1e-9)
        #expect(schedule.total == 1_200)
    }

    @Test("an event-time path: the estimated effects, then the extrapolation choice beyond them")
    func eventTime() throws {
        let path = EffectPath.eventTime([1, 2, 3])
        let carry = try BenefitStream(population: 2, horizonMonths: 5, conversion: Self.unit(), extrapolation: .carryLastEffectForward)
        let carried = try carry.schedule(path: path, valuePerUnit: 1)
        #expect(carried.monthly == [2, 4, 6, 6, 6])
        #expect(carried.extrapolatedMonths == 2)
        let none = try BenefitStream(population: 2, horizonMonths: 5, conversion: Self.unit(), extrapolation: .assumeNoEffect)
        #expect(try none.schedule(path: path, valuePerUnit: 1).monthly == [2, 4, 6, 0, 0])
        // Decay applies only to the months carried forward: 3 × 0.5^(1/12) in month 4.
        let decayed = try BenefitStream(
            population: 1, horizonMonths: 4, conversion: Self.unit(), decayRate: 0.5, extrapolation: .carryLastEffectForward)
        let d = try decayed.schedule(path: path, valuePerUnit: 1).monthly
        #expect(d[0...2] == [1, 2, 3])
        #expect(abs(d[3] - 3 * pow(0.5, 1.0 / 12)) < 1e-12)
    }

    @Test("a horizon longer than the data is a typed error unless an extrapolation is chosen")
    func horizonBeyondData() throws {
        let refuse = try BenefitStream(population: 1, horizonMonths: 5, conversion: Self.unit())
        #expect(throws: AttributionError.horizonBeyondData(horizonMonths: 5, supportedMonths: 3)) {
            try refuse.schedule(path: .eventTime([1, 2, 3]), valuePerUnit: 1)
        }
        let staticStream = try BenefitStream(population: 1, horizonMonths: 18, conversion: Self.unit(), dataSupportMonths: 12)
        #expect(throws: AttributionError.horizonBeyondData(horizonMonths: 18, supportedMonths: 12)) {
            try staticStream.schedule(path: .constant(1), valuePerUnit: 1)
        }
        #expect(throws: AttributionError.emptyEffectPath) { try refuse.schedule(path: .eventTime([]), valuePerUnit: 1) }
    }

    @Test("bad rates and populations are typed errors")
    func badSettings() throws {
        #expect(throws: AttributionError.invalidRate(name: "annual decay rate", value: 1)) {
            try BenefitStream(population: 1, conversion: Self.unit(), decayRate: 1)
        }
        #expect(throws: AttributionError.invalidRate(name: "annual discount rate", value: -0.1)) {
            try BenefitStream(population: 1, conversion: Self.unit(), discountRate: -0.1)
        }
        #expect(throws: AttributionError.trainedBelowObserved(trained: 5, observed: 10)) {
            try BenefitStream(population: 10, conversion: Self.unit(), trainedPopulation: 5)
        }
    }

    @Test("payback: cumulative benefits reach the costs, linear within the month, at the last rate beyond the horizon")
    func payback() throws {
        // Horizon 2.5 months of 4 per month: months [4, 4, 2] (the last is half a month).
        let stream = try BenefitStream(population: 1, horizonMonths: 2.5, conversion: Self.unit())
        let schedule = try stream.schedule(path: .constant(4), valuePerUnit: 1)
        #expect(schedule.monthly == [4, 4, 2])
        #expect(schedule.paybackMonths(costs: 9) == 2.25)
        #expect(schedule.paybackMonths(costs: 12) == 3)
        #expect(schedule.paybackMonths(costs: 6) == 1.5)
        let never = try stream.schedule(path: .constant(-1), valuePerUnit: 1)
        #expect(never.paybackMonths(costs: 1) == .infinity)
        // Worked example: 16,000 against 7,500 a month → 16,000 / 7,500 months.
        let worked = try BenefitStream(population: 1, conversion: Self.unit()).schedule(path: .constant(7_500), valuePerUnit: 1)
        #expect(abs(worked.paybackMonths(costs: 16_000) - 16_000.0 / 7_500) < 1e-12)
    }

    @Test("principles 6 and 9 are logged with benefits before and after")
    func principles() throws {
        let stream = try BenefitStream(
            population: 8, horizonMonths: 12, conversion: Self.unit(), trainedPopulation: 10, dataSupportMonths: 18)
        let log = try stream.principlesLog(path: .constant(1), firstYearDefault: true)
        let six = try #require(log.entries(for: .noDataNoImprovement).first)
        #expect(six.before == 120 && six.after == 96)
        let nine = try #require(log.entries(for: .firstYearOnly).first)
        #expect(nine.before == 144 && nine.after == 96)
        let none = try BenefitStream(population: 1, horizonMonths: 5, conversion: Self.unit(), extrapolation: .assumeNoEffect)
        let entry = try #require(
            try none.principlesLog(path: .eventTime([1, 2, 3]), firstYearDefault: false).entries(for: .noDataNoImprovement).first)
        #expect(entry.before == 12 && entry.after == 6)
    }
}
