import Inference
import Testing

@testable import Attribution

@Suite("Monetary conversion")
struct MonetaryConversionTests {
    @Test("standard conversions: hour saved = full hourly cost, error = fix time × cost + material, sales → margin")
    func standardConversions() throws {
        #expect(try MonetaryConversion.hourSaved(fullHourlyCost: 62.5).valuePerUnit == 62.5)
        #expect(try MonetaryConversion.hourSaved(hourlyWage: 40, overheadShare: 0.25).valuePerUnit == 50)
        // 0.75 h × 48 + 14 material = 50.
        let error = try MonetaryConversion.errorAvoided(hoursToFix: 0.75, hourlyCost: 48, materialCost: 14)
        #expect(error.valuePerUnit == 50)
        let sales = try MonetaryConversion.salesMargin(marginRate: 0.3, currency: "USD", source: "Finance FY2025")
        #expect(sales.valuePerUnit == 0.3)
        #expect(sales.unitDescription == "USD of sales")
        #expect(sales.credibility == .standardValue)
    }

    @Test("bad inputs to the standard conversions are typed errors naming the field")
    func badInputs() {
        #expect(throws: AttributionError.invalidConversionInput(item: "sales margin", field: "margin rate", value: 1.2)) {
            try MonetaryConversion.salesMargin(marginRate: 1.2, currency: "USD")
        }
        #expect(throws: AttributionError.invalidConversionInput(item: "error avoided", field: "hours to fix", value: -1)) {
            try MonetaryConversion.errorAvoided(hoursToFix: -1, hourlyCost: 50, materialCost: 0)
        }
        #expect(throws: AttributionError.invalidConversionInput(item: "hour saved", field: "full hourly cost", value: .infinity)) {
            try MonetaryConversion.hourSaved(fullHourlyCost: .infinity)
        }
        #expect(throws: AttributionError.conversionOutsideRange(item: "sale", value: 0.5, lower: 0.2, upper: 0.4)) {
            try MonetaryConversion(valuePerUnit: 0.5, unitDescription: "sale", uncertainty: .uniform(lower: 0.2, upper: 0.4))
        }
        #expect(throws: AttributionError.self) {
            try MonetaryConversion(
                valuePerUnit: 0.3, unitDescription: "sale", uncertainty: .triangular(lower: 0.2, mode: 0.45, upper: 0.4))
        }
        #expect(throws: AttributionError.self) {
            try MonetaryConversion(valuePerUnit: 0.3, unitDescription: "sale", uncertainty: .normal(mean: 0.3, standardDeviation: -1))
        }
        #expect(throws: AttributionError.invalidUncertainty(item: "sale", detail: "uniform(lower: 0.4, upper: 0.2)")) {
            try ValueUncertainty.uniform(lower: 0.4, upper: 0.2).validated(item: "sale")
        }
    }

    @Test("a replicate's draw is the inverse cdf of the first uniform of its own assumption stream")
    func drawsByInversion() throws {
        let seed: UInt64 = 77
        var stream = MonetaryConversion.assumptionStream(seed: seed, replicate: 5)
        let u = stream.nextUniform()
        let uniform = try MonetaryConversion(valuePerUnit: 0.3, unitDescription: "sale", uncertainty: .uniform(lower: 0.2, upper: 0.4))
        #expect(uniform.value(replicate: 5, seed: seed) == 0.2 + 0.2 * u)
        // Triangular(0, 1, 4): F(c) = 1/4; below it x = √(4u), above it x = 4 − √(12(1 − u)).
        let tri = try MonetaryConversion(valuePerUnit: 1, unitDescription: "x", uncertainty: .triangular(lower: 0, mode: 1, upper: 4))
        let expected = u < 0.25 ? (4 * u).squareRoot() : 4 - (12 * (1 - u)).squareRoot()
        #expect(abs(tri.value(replicate: 5, seed: seed) - expected) < 1e-15)
        // A known value is used as is in every replicate.
        let known = try MonetaryConversion(valuePerUnit: 0.3, unitDescription: "sale")
        #expect(known.value(replicate: 5, seed: seed) == 0.3)
    }

    @Test("draws depend only on (seed, replicate), in any order, and not on the resampling stream")
    func threadInvariantDraws() throws {
        let c = try MonetaryConversion(valuePerUnit: 0.3, unitDescription: "sale", uncertainty: .uniform(lower: 0.2, upper: 0.4))
        let forward = (0..<50).map { c.value(replicate: $0, seed: 9) }
        let backward = (0..<50).reversed().map { c.value(replicate: $0, seed: 9) }
        #expect(forward == Array(backward.reversed()))
        #expect(Set(forward).count == 50)
        var resampling = RandomStream(seed: 9, stream: 0)
        #expect(forward[0] != 0.2 + 0.2 * resampling.nextUniform())
    }

    @Test("sample moments match the distributions: uniform, triangular, normal")
    func moments() throws {
        let draws = 20_000
        func mean(_ u: ValueUncertainty) -> (Double, Double) {
            let x = (0..<draws).map { r -> Double in
                var s = MonetaryConversion.assumptionStream(seed: 4, replicate: r)
                return u.sample(using: &s)
            }
            let m = x.reduce(0, +) / Double(draws)
            let v = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(draws - 1)
            return (m, v)
        }
        // Uniform(2, 8): mean 5, variance 36/12 = 3. Triangular(0, 1, 4): mean 5/3,
        // variance (0 + 1 + 16 − 0 − 0 − 4)/18 = 13/18. Normal(10, 2): mean 10, variance 4.
        // Tolerances are about 5 standard errors of the sample mean and variance.
        let (mu, vu) = mean(.uniform(lower: 2, upper: 8))
        #expect(abs(mu - 5) < 0.07 && abs(vu - 3) < 0.08)
        let (mt, vt) = mean(.triangular(lower: 0, mode: 1, upper: 4))
        #expect(abs(mt - 5.0 / 3) < 0.04 && abs(vt - 13.0 / 18) < 0.03)
        let (mn, vn) = mean(.normal(mean: 10, standardDeviation: 2))
        #expect(abs(mn - 10) < 0.08 && abs(vn - 4) < 0.2)
    }
}
