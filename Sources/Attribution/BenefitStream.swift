/// Monetary benefits from a constant per-unit effect over a horizon.
///
/// benefits = effect per unit per month × value per unit of outcome × benefiting units × months.
/// The horizon defaults to 12 months: only the first year of benefits for a short-term program
/// (guiding principle 9). Decay, discounting and event-time paths arrive with the full
/// attribution engine; this stream is the static case.
public struct BenefitStream: Sendable, Equatable, Codable {
    /// Units (employees, teams) whose outcome improved: the trained population actually observed.
    public let population: Double
    /// Months of benefit counted.
    public let horizonMonths: Double
    /// Money per unit of outcome.
    public let conversion: MonetaryConversion

    public init(population: Double, horizonMonths: Double = 12, conversion: MonetaryConversion) throws {
        guard horizonMonths > 0, horizonMonths.isFinite else { throw AttributionError.nonPositiveHorizon(months: horizonMonths) }
        guard population >= 0, population.isFinite else { throw AttributionError.negativePopulation(count: population) }
        self.population = population
        self.horizonMonths = horizonMonths
        self.conversion = conversion
    }

    /// Monetary benefit per month for a per-unit monthly effect.
    public func monthlyBenefits(effect: Double) -> Double {
        effect * conversion.valuePerUnit * population
    }

    /// Monetary benefits over the horizon for a per-unit monthly effect.
    public func benefits(effect: Double) -> Double {
        monthlyBenefits(effect: effect) * horizonMonths
    }
}
