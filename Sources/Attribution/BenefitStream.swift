/// Monetary benefits of an isolated effect over a horizon: effect → money → months → population.
///
/// For month m = 1…⌈H⌉ since training (H the horizon in months):
///
///     benefit_m = e_m × v × N × w_m,     w_m = min(1, H − (m − 1))   (a partial last month counts pro rata)
///     PV_m      = benefit_m × (1 + r)^(−m/12)                         (end-of-month receipts)
///
/// with v the value per unit (`MonetaryConversion`), N the benefiting population (the trained
/// units actually observed; trained units without outcome data count as zero, guiding principle 6),
/// r the annual discount rate and e_m the effect in month m (`EffectPath`). A constant effect decays
/// at the annual rate d: e_m = e × (1 − d)^((m − 1)/12), so month 1 is undecayed and the effect
/// after a year is (1 − d) of its start. An event-time path is used as estimated (its own decay is
/// in the data); d applies only to months carried forward beyond it. Months beyond what the data
/// estimate follow the `extrapolation` choice.
///
/// The horizon defaults to 12 months: only the first year of benefits for a short-term program
/// (guiding principle 9); a longer horizon is the study's explicit choice.
public struct BenefitStream: Sendable, Equatable, Codable {
    /// Units (employees, teams) whose outcome improved: the trained population actually observed.
    public let population: Double
    /// Months of benefit counted.
    public let horizonMonths: Double
    /// Money per unit of outcome.
    public let conversion: MonetaryConversion
    /// Annual decay rate d of a constant effect, in [0, 1).
    public let decayRate: Double
    /// Annual discount rate r for the present value, in [0, 1).
    public let discountRate: Double
    /// Units trained, when larger than `population`; used only for the principle-6 log entry.
    public let trainedPopulation: Double?
    /// Months after training the data cover for a constant effect (post-period length); nil when
    /// not stated. An event-time path states its own.
    public let dataSupportMonths: Int?
    /// What to do in horizon months the data do not estimate.
    public let extrapolation: ExtrapolationChoice

    /// A stream after checking the horizon, population and rates.
    /// - Throws: `AttributionError.nonPositiveHorizon`, `.negativePopulation`, `.invalidRate`,
    ///   `.trainedBelowObserved`, `.nonPositiveDataSupport`.
    public init(
        population: Double, horizonMonths: Double = 12, conversion: MonetaryConversion, decayRate: Double = 0,
        discountRate: Double = 0, trainedPopulation: Double? = nil, dataSupportMonths: Int? = nil,
        extrapolation: ExtrapolationChoice = .refuse
    ) throws {
        guard horizonMonths > 0, horizonMonths.isFinite else { throw AttributionError.nonPositiveHorizon(months: horizonMonths) }
        guard population >= 0, population.isFinite else { throw AttributionError.negativePopulation(count: population) }
        guard decayRate.isFinite, decayRate >= 0, decayRate < 1 else {
            throw AttributionError.invalidRate(name: "annual decay rate", value: decayRate)
        }
        guard discountRate.isFinite, discountRate >= 0, discountRate < 1 else {
            throw AttributionError.invalidRate(name: "annual discount rate", value: discountRate)
        }
        if let trainedPopulation {
            guard trainedPopulation.isFinite, trainedPopulation >= population else {
                throw AttributionError.trainedBelowObserved(trained: trainedPopulation, observed: population)
            }
        }
        if let dataSupportMonths, dataSupportMonths < 1 {
            throw AttributionError.nonPositiveDataSupport(months: dataSupportMonths)
        }
        self.population = population
        self.horizonMonths = horizonMonths
        self.conversion = conversion
        self.decayRate = decayRate
        self.discountRate = discountRate
        self.trainedPopulation = trainedPopulation
        self.dataSupportMonths = dataSupportMonths
        self.extrapolation = extrapolation
    }

    /// Monetary benefit per month for a constant per-unit monthly effect, without decay.
    public func monthlyBenefits(effect: Double) -> Double {
        effect * conversion.valuePerUnit * population
    }

    /// Monetary benefits over the horizon for a constant per-unit monthly effect, without decay
    /// or discounting (the static closed form; `schedule(path:valuePerUnit:)` is the general one).
    public func benefits(effect: Double) -> Double {
        monthlyBenefits(effect: effect) * horizonMonths
    }

    /// Months in the horizon, counting a partial last month: ⌈H⌉.
    public var monthsCounted: Int { Int(horizonMonths.rounded(.up)) }
}
