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

    public var description: String {
        switch self {
        case .negativeAmount(let item, let amount):
            return "Cost item '\(item)' has a negative amount (\(amount)). Costs are entered as positive numbers; record savings as benefits instead."
        case .negativeHours(let item, let hours):
            return "Cost item '\(item)' has negative hours (\(hours)). Enter the hours spent as a positive number."
        case .negativeRate(let item, let rate):
            return "Cost item '\(item)' has a negative hourly rate (\(rate)). Use the fully loaded hourly cost (wage plus benefits and overhead), a positive number."
        case .nonFiniteValue(let item, let field):
            return "Cost item '\(item)' has a missing or infinite \(field). Give a finite number."
        case .emptyLedger:
            return "The cost ledger is empty. ROI needs fully loaded costs (guiding principle 10): list direct, indirect and development costs."
        case .zeroTotalCost:
            return "Total costs are zero, so ROI and BCR are undefined. Fully load the costs (guiding principle 10): include participants' time, administration and development."
        case .nonPositiveHorizon(let months):
            return "The benefit horizon is \(months) months; it must be positive (12 months is the default for short programs, guiding principle 9)."
        case .negativePopulation(let count):
            return "The benefiting population is \(count); it must be zero or more."
        case .nonFiniteConversion(let value):
            return "The monetary value per unit of outcome is \(value); give a finite number with its source."
        }
    }
}
