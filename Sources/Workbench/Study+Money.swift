import Attribution
import Inference

extension Study {
    /// What the stated conversion value is: a value per unit, or the inputs of a standard
    /// conversion (Phillips & Phillips, *Measuring the Success of Training*, converting data to money).
    public enum ConversionBase: Sendable, Equatable {
        /// Money per unit of the outcome, stated directly (`value_per_unit`).
        case value(Double)
        /// Value of an hour saved = full hourly cost; one unit of the outcome is 1/`unitsPerHour`
        /// of an hour (60 for minutes) (`standard.hour_saved`).
        case hourSaved(fullHourlyCost: Double, unitsPerHour: Double)
        /// Cost of an error = hours to fix × hourly cost + material cost (`standard.error_avoided`).
        case errorAvoided(hoursToFix: Double, hourlyCost: Double, materialCost: Double)
        /// One currency unit of sales is worth its gross margin (`standard.sales_margin`).
        case salesMargin(marginRate: Double)

        /// The value the uncertainty is stated in: the value per unit, the full hourly cost, the
        /// cost of one error, or the margin rate.
        public var statedValue: Double {
            switch self {
            case .value(let v): return v
            case .hourSaved(let cost, _): return cost
            case .errorAvoided(let hours, let rate, let material): return hours * rate + material
            case .salesMargin(let margin): return margin
            }
        }

        /// Money per unit of the outcome per unit of volume: the stated value, divided by the units
        /// per hour for an hour saved.
        public var perUnit: Double {
            if case .hourSaved(let cost, let units) = self { return cost / units }
            return statedValue
        }
    }

    /// Monetary value of one unit of the outcome (`conversion`), with its source (guiding principle 3),
    /// credibility, currency and uncertainty.
    ///
    /// The value the benefit stream uses is per unit of the outcome per benefiting unit per month:
    ///
    ///     value per unit = base per unit × volume_per_month
    ///
    /// where volume_per_month converts a rate outcome (minutes per call, defects per 1,000 units)
    /// into a monthly quantity (calls per agent-month, thousands of units per line-month); it is 1
    /// for an outcome that already is a monthly quantity per unit (monthly sales per employee).
    /// The uncertainty is stated on `base.statedValue` and scaled by the same linear factor.
    public struct Conversion: Sendable, Equatable {
        /// The stated value or standard conversion.
        public let base: ConversionBase
        /// Volume per benefiting unit per month that one unit of the outcome applies to (default 1).
        public let volumePerMonth: Double
        /// What one unit is (e.g. "USD of sales", "minute per call").
        public let unit: String
        /// Where the value comes from; `nil` if the file gives none (reported as a warning).
        public let source: String?
        /// Credibility of the source; a standard conversion defaults to its own.
        public let credibility: ConversionCredibility?
        /// ISO currency code of the value, when stated.
        public let currency: String?
        /// Distribution of `base.statedValue` for the bootstrap; nil when taken as known.
        public let uncertainty: ValueUncertainty?

        /// A value from its parts.
        public init(
            base: ConversionBase, volumePerMonth: Double = 1, unit: String, source: String?,
            credibility: ConversionCredibility? = nil, currency: String? = nil, uncertainty: ValueUncertainty? = nil
        ) {
            self.base = base
            self.volumePerMonth = volumePerMonth
            self.unit = unit
            self.source = source
            self.credibility = credibility
            self.currency = currency
            self.uncertainty = uncertainty
        }

        /// A plain value per unit (the legacy form).
        public init(valuePerUnit: Double, unit: String, source: String?) {
            self.init(base: .value(valuePerUnit), unit: unit, source: source)
        }

        /// The factor from `base.statedValue` to the value per unit.
        public var scale: Double { base.statedValue == 0 ? volumePerMonth : base.perUnit / base.statedValue * volumePerMonth }

        /// Money per unit of the outcome per benefiting unit per month.
        public var valuePerUnit: Double { base.perUnit * volumePerMonth }
    }

    /// Who benefits: a stated head count or the treated units the data show in the post period.
    public enum Population: Sendable, Equatable, CustomStringConvertible {
        /// Distinct treated units with an outcome after training (the default; guiding principle 6).
        case treatedUnitsObservedPost
        /// A number stated in the study file.
        case stated(Int)

        public var description: String {
            switch self {
            case .treatedUnitsObservedPost: return "treated units observed in the post period"
            case .stated(let n): return "\(n) (stated in the study file)"
            }
        }
    }

    /// The benefit stream's settings (`benefits`).
    public struct Benefits: Sendable, Equatable {
        /// Months of benefits counted (default 12, guiding principle 9).
        public let horizonMonths: Int
        /// Whether the horizon is the principle-9 default.
        public let horizonIsDefault: Bool
        /// Number of units that receive the effect.
        public let population: Population
        /// Annual decay rate of the effect, in [0, 1) (default 0).
        public let decayPerYear: Double
        /// Annual discount rate for the NPV, in [0, 1) (default 0).
        public let discountRatePerYear: Double
        /// What happens in horizon months the data do not cover (default: refuse).
        public let extrapolation: ExtrapolationChoice

        /// A value from its parts.
        public init(
            horizonMonths: Int = Study.defaultHorizonMonths, horizonIsDefault: Bool = false,
            population: Population = .treatedUnitsObservedPost, decayPerYear: Double = 0, discountRatePerYear: Double = 0,
            extrapolation: ExtrapolationChoice = .refuse
        ) {
            self.horizonMonths = horizonMonths
            self.horizonIsDefault = horizonIsDefault
            self.population = population
            self.decayPerYear = decayPerYear
            self.discountRatePerYear = discountRatePerYear
            self.extrapolation = extrapolation
        }
    }
}

extension Study.Benefits {
    /// The study-file spelling of each extrapolation choice (`benefits.extrapolation`).
    static let extrapolationNames: [String: ExtrapolationChoice] = [
        "refuse": .refuse, "assume_no_effect": .assumeNoEffect, "carry_last_effect_forward": .carryLastEffectForward,
    ]

    /// The extrapolation choice as the study file spells it.
    public var extrapolationName: String {
        Self.extrapolationNames.first { $0.value == extrapolation }!.key
    }
}

extension Study {
    /// One item of the cost ledger as written in the study file.
    public struct CostEntry: Sendable, Equatable {
        /// Item name (`item`).
        public let item: String
        /// Category (the list it appears under).
        public let category: CostCategory
        /// Amount, hours × rate, or a prorated share of a shared total.
        public let amount: CostAmount
        /// Where the figure comes from; `nil` if none was given (reported as a warning).
        public let source: String?
        /// ISO currency of the amount (`currency`, or the section's `costs.currency`).
        public let currency: String?
        /// Key path of the item in the study file (`costs.indirect[1]`).
        public let keyPath: String

        /// A value from its parts.
        public init(
            item: String, category: CostCategory, amount: CostAmount, source: String?, currency: String? = nil,
            keyPath: String
        ) {
            self.item = item
            self.category = category
            self.amount = amount
            self.source = source
            self.currency = currency
            self.keyPath = keyPath
        }
    }

    /// ROI settings (`roi`).
    public struct ROISettings: Sendable, Equatable {
        /// The ROI (%) the program must beat, when stated; the report gives P(ROI > hurdle).
        public let hurdlePercent: Double?
        /// Interval type of every ROI-chain figure (percentile by default; basic and normal allowed).
        public let interval: BootstrapIntervalMethod

        /// A value from its parts.
        public init(hurdlePercent: Double? = nil, interval: BootstrapIntervalMethod = .percentile) {
            self.hurdlePercent = hurdlePercent
            self.interval = interval
        }
    }
}
