/// Problems in the monetary side of a study (costs, conversion, benefits), each with advice.
public enum AttributionError: Error, Equatable, Sendable, CustomStringConvertible {
    case negativeAmount(item: String, amount: Double)
    case negativeHours(item: String, hours: Double)
    case negativeRate(item: String, rate: Double)
    case nonFiniteValue(item: String, field: String)
    case emptyLedger
    case zeroTotalCost
    case nonPositiveHorizon(months: Double)
    case negativePopulation(count: Double)
    case nonFiniteConversion(value: Double)
    /// An uncertainty distribution with bad parameters (reversed range, mode outside, σ < 0).
    case invalidUncertainty(item: String, detail: String)
    /// The point value lies outside its own stated range.
    case conversionOutsideRange(item: String, value: Double, lower: Double, upper: Double)
    /// An input to a standard conversion is negative, not finite or (a margin) above 1.
    case invalidConversionInput(item: String, field: String, value: Double)
    /// A KPI row of the conversion table has no value.
    case emptyConversion(kpi: String)
    /// The conversion table has no row for the KPI asked for.
    case unknownKPI(kpi: String, known: [String])
    /// The horizon asks for more months of effect than the data estimate, and the study chose no
    /// extrapolation.
    case horizonBeyondData(horizonMonths: Int, supportedMonths: Int)
    /// A stated data support (months of post-training data) below one month.
    case nonPositiveDataSupport(months: Int)
    /// Fewer units trained than observed benefiting.
    case trainedBelowObserved(trained: Double, observed: Double)
    /// A rate (decay, discount) or share outside its allowed range.
    case invalidRate(name: String, value: Double)
    /// An event-time effect path with no periods.
    case emptyEffectPath
    /// The point effect is missing or infinite in a month since training (1-based).
    case nonFiniteEffect(month: Int)
    /// Cost items stated in more than one currency, items grouped by currency.
    case mixedCurrencies(itemsByCurrency: [String: [String]])
    /// The conversion value and the costs are in different currencies.
    case currencyMismatch(benefits: String, costs: String)
    /// Cost items stated for more than one period, items grouped by period.
    case mixedPeriods(itemsByPeriod: [String: [String]])
    /// A shared cost's program share outside (0, 1].
    case invalidCostShare(item: String, share: Double)
    /// An interval type that needs more than replicates of the figures (BCa, studentized).
    case intervalNotApplicable(method: String)
    /// Every bootstrap replicate failed, so no interval can be formed.
    case allReplicatesFailed(count: Int)

    public var description: String {
        switch self {
        case .negativeAmount(let item, let amount):
            return "Cost item '\(item)' has a negative amount (\(amount)). "
                + "Costs are entered as positive numbers; record savings as benefits instead."
        case .negativeHours(let item, let hours):
            return "Cost item '\(item)' has negative hours (\(hours)). Enter the hours spent as a positive number."
        case .negativeRate(let item, let rate):
            return "Cost item '\(item)' has a negative hourly rate (\(rate)). "
                + "Use the fully loaded hourly cost (wage plus benefits and overhead), a positive number."
        case .nonFiniteValue(let item, let field):
            return "Cost item '\(item)' has a missing or infinite \(field). Give a finite number."
        case .emptyLedger:
            return "The cost ledger is empty. "
                + "ROI needs fully loaded costs (guiding principle 10): list direct, indirect and development costs."
        case .zeroTotalCost:
            return "Total costs are zero, so ROI and BCR are undefined. "
                + "Fully load the costs (guiding principle 10): include participants' time, administration and development."
        case .nonPositiveHorizon(let months):
            return
                "The benefit horizon is \(months) months; it must be positive (12 months is the default for short programs, guiding principle 9)."
        case .negativePopulation(let count):
            return "The benefiting population is \(count); it must be zero or more."
        case .nonFiniteConversion(let value):
            return "The monetary value per unit of outcome is \(value); give a finite number with its source."
        case .invalidUncertainty(let item, let detail):
            return "The uncertainty of the value for '\(item)' is invalid (\(detail)). "
                + "Give finite bounds with lower ≤ mode ≤ upper, or a standard deviation ≥ 0."
        case .conversionOutsideRange(let item, let value, let lower, let upper):
            return "The value per unit for '\(item)' (\(value)) lies outside its own range [\(lower), \(upper)]. "
                + "Make the point value one of the range's plausible values."
        case .invalidConversionInput(let item, let field, let value):
            return "The \(field) of the '\(item)' conversion is \(value); give a finite number ≥ 0 (a margin rate must also be ≤ 1)."
        case .emptyConversion(let kpi):
            return "The conversion table lists KPI '\(kpi)' with no value. "
                + "Give at least one value per unit with its source, or remove the KPI and list it as an intangible (guiding principle 11)."
        case .unknownKPI(let kpi, let known):
            return "The conversion table has no value for KPI '\(kpi)' (it has: \(known.joined(separator: ", "))). "
                + "Add a row with its source."
        case .horizonBeyondData(let horizon, let supported):
            return "The benefit horizon is \(horizon) months but the data estimate the effect for \(supported) months after training. "
                + "Shorten the horizon, or choose an extrapolation (assume no effect, or carry the last effect forward) so the report states it."
        case .nonPositiveDataSupport(let months):
            return
                "The data are said to cover \(months) months after training; give at least 1 (the number of post-training months observed), or leave it unstated."
        case .trainedBelowObserved(let trained, let observed):
            return "The trained population (\(trained)) is smaller than the benefiting population observed (\(observed)). "
                + "Benefits count only trained units: check both counts."
        case .invalidRate(let name, let value):
            return "The \(name) is \(value); give a finite rate in [0, 1)."
        case .emptyEffectPath:
            return "The event-time effect path is empty. Give the effect for at least one month since training."
        case .nonFiniteEffect(let month):
            return "The effect for month \(month) since training is missing or infinite. Re-estimate it, or shorten the horizon."
        case .mixedCurrencies(let groups):
            return "Cost items are in more than one currency (\(Self.listing(groups))). "
                + "Convert every item to one currency before computing ROI."
        case .currencyMismatch(let benefits, let costs):
            return "Benefits are valued in \(benefits) but costs are in \(costs). "
                + "Convert the value per unit or the costs so that both use one currency."
        case .mixedPeriods(let groups):
            return "Cost items cover different periods (\(Self.listing(groups))). State every cost for the same period as the benefits."
        case .invalidCostShare(let item, let share):
            return "Cost item '\(item)' is shared with a program share of \(share); give the share this program bears, in (0, 1]."
        case .intervalNotApplicable(let method):
            return "A \(method) interval needs more than the replicates of the ROI figures (jackknife values or per-replicate variances). "
                + "Use percentile, basic or normal."
        case .allReplicatesFailed(let count):
            return "All \(count) bootstrap replicates failed, so no interval can be formed. Check the estimator's warnings and the data."
        }
    }

    /// "USD: Venue, Materials; EUR: Licences", sorted by key so the message is stable.
    static func listing(_ groups: [String: [String]]) -> String {
        groups.keys.sorted().map { "\($0): \(groups[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
    }
}
