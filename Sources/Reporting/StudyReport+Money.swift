/// The monetary sections of a study report: conversion, benefits, costs, ROI, bootstrap provenance
/// and the guiding principles applied (Phillips ROI Methodology).
extension StudyReport {
    /// Monetary value of one unit of the outcome, with its source (guiding principle 3).
    public struct Conversion: Codable, Sendable, Equatable {
        /// Money per unit of the outcome.
        public let valuePerUnit: Double
        /// What one unit is, e.g. "USD of sales".
        public let unit: String
        /// Where the figure comes from; `nil` if not stated.
        public let source: String?

        /// A value from its parts.
        public init(valuePerUnit: Double, unit: String, source: String?) {
            self.valuePerUnit = valuePerUnit
            self.unit = unit
            self.source = source
        }
    }

    /// Benefits = effect per unit per month × value per unit × population × horizon.
    public struct Benefits: Codable, Sendable, Equatable {
        /// Isolated effect per unit per month (point estimate).
        public let effectPerUnitPerMonth: Double
        /// Number of units receiving the effect.
        public let population: Double
        /// Where the population comes from, in words.
        public let populationBasis: String
        /// Months of benefits counted.
        public let horizonMonths: Double
        /// Monetary benefits per month at the point estimate.
        public let monthlyBenefits: Double
        /// Monetary benefits over the horizon at the point estimate.
        public let totalBenefits: Double

        /// A value from its parts.
        public init(
            effectPerUnitPerMonth: Double, population: Double, populationBasis: String, horizonMonths: Double,
            monthlyBenefits: Double, totalBenefits: Double
        ) {
            self.effectPerUnitPerMonth = effectPerUnitPerMonth
            self.population = population
            self.populationBasis = populationBasis
            self.horizonMonths = horizonMonths
            self.monthlyBenefits = monthlyBenefits
            self.totalBenefits = totalBenefits
        }
    }

    /// One cost line as entered, with its money amount.
    public struct CostLine: Codable, Sendable, Equatable {
        /// Item name as entered.
        public let item: String
        /// "direct", "indirect" or "development".
        public let category: String
        /// The item's cost in money (hours × rate for time-based items).
        public let amount: Double
        /// Hours and loaded rate, for time-based items.
        public let hours: Double?
        /// Loaded hourly rate, for time-based items.
        public let rate: Double?
        /// Where the figure comes from; `nil` if not stated.
        public let source: String?

        /// A value from its parts.
        public init(item: String, category: String, amount: Double, hours: Double?, rate: Double?, source: String?) {
            self.item = item
            self.category = category
            self.amount = amount
            self.hours = hours
            self.rate = rate
            self.source = source
        }
    }

    /// The cost of one category.
    public struct CostSubtotal: Codable, Sendable, Equatable {
        /// "direct", "indirect" or "development".
        public let category: String
        /// Amount in money.
        public let amount: Double

        /// A value from its parts.
        public init(category: String, amount: Double) {
            self.category = category
            self.amount = amount
        }
    }

    /// Fully loaded costs (guiding principle 10).
    public struct Costs: Codable, Sendable, Equatable {
        /// Cost lines in entry order.
        public let items: [CostLine]
        /// Subtotals in the order direct, indirect, development.
        public let subtotals: [CostSubtotal]
        /// Total fully loaded cost.
        public let total: Double

        /// A value from its parts.
        public init(items: [CostLine], subtotals: [CostSubtotal], total: Double) {
            self.items = items
            self.subtotals = subtotals
            self.total = total
        }
    }

    /// A figure at the point estimate with its bootstrap percentile interval.
    public struct Figure: Codable, Sendable, Equatable {
        /// Value at the point estimate of the effect.
        public let point: Double
        /// Lower end of the interval.
        public let lower: Double
        /// Upper end of the interval.
        public let upper: Double

        /// A value from its parts.
        public init(point: Double, lower: Double, upper: Double) {
            self.point = point
            self.lower = lower
            self.upper = upper
        }
    }

    /// ROI figures with intervals from the same bootstrap replicates as the effect.
    public struct ROI: Codable, Sendable, Equatable {
        /// Confidence level of the intervals.
        public let level: Double
        /// Monetary benefits over the horizon.
        public let benefits: Figure
        /// Costs are fixed across replicates.
        public let costs: Double
        /// Benefits − costs.
        public let netBenefits: Figure
        /// ROI (%) = net benefits ÷ costs × 100.
        public let roiPercent: Figure
        /// BCR = benefits ÷ costs.
        public let benefitCostRatio: Figure
        /// Payback (months) = costs ÷ monthly benefits; infinite when monthly benefits are not positive.
        public let paybackMonths: Figure
        /// Share of replicates with positive net benefits.
        public let probabilityPositive: Double
        /// Net present value of benefits less costs, when a discount rate is stated.
        public let netPresentValue: Figure?
        /// The hurdle ROI (%) the study states, and the share of replicates above it.
        public let hurdlePercent: Double?
        public let probabilityAboveHurdle: Double?

        /// A value from its parts.
        public init(
            level: Double, benefits: Figure, costs: Double, netBenefits: Figure, roiPercent: Figure,
            benefitCostRatio: Figure, paybackMonths: Figure, probabilityPositive: Double,
            netPresentValue: Figure? = nil, hurdlePercent: Double? = nil, probabilityAboveHurdle: Double? = nil
        ) {
            self.level = level
            self.benefits = benefits
            self.costs = costs
            self.netBenefits = netBenefits
            self.roiPercent = roiPercent
            self.benefitCostRatio = benefitCostRatio
            self.paybackMonths = paybackMonths
            self.probabilityPositive = probabilityPositive
            self.netPresentValue = netPresentValue
            self.hurdlePercent = hurdlePercent
            self.probabilityAboveHurdle = probabilityAboveHurdle
        }
    }

    /// Bootstrap provenance.
    public struct Bootstrap: Codable, Sendable, Equatable {
        /// The scheme label, e.g. "cluster bootstrap (team_id, G = 30)".
        public let scheme: String
        /// Interval type, e.g. "percentile".
        public let interval: String
        /// Replicates requested.
        public let replicates: Int
        /// Replicates that failed (not identified) and were left out.
        public let failed: Int
        /// Seed of the counter-based random streams.
        public let seed: UInt64
        /// Confidence level of the intervals.
        public let level: Double
        /// Whether an endpoint had to use an extreme order statistic (too few replicates for the level).
        public let usesExtremes: Bool

        /// A value from its parts.
        public init(
            scheme: String, interval: String, replicates: Int, failed: Int, seed: UInt64, level: Double,
            usesExtremes: Bool
        ) {
            self.scheme = scheme
            self.interval = interval
            self.replicates = replicates
            self.failed = failed
            self.seed = seed
            self.level = level
            self.usesExtremes = usesExtremes
        }
    }

    /// A guiding principle (ROI Institute's twelve) and how this study applied it.
    public struct Principle: Codable, Sendable, Equatable {
        /// Principle number (1–12).
        public let number: Int
        /// Short statement of the principle.
        public let title: String
        /// How this study applied it.
        public let application: String

        /// A value from its parts.
        public init(number: Int, title: String, application: String) {
            self.number = number
            self.title = title
            self.application = application
        }
    }
}
