/// The three kinds of fully loaded program cost (Phillips ROI Methodology; guiding principle 10).
public enum CostCategory: String, Sendable, Equatable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Fees, materials, licences, venue: money paid out for the program.
    case direct
    /// Participants' time at their full loaded wage, administration, internal marketing.
    case indirect
    /// Needs assessment, design and build time.
    case development

    public var description: String { rawValue }
}

/// How a cost item's amount is given: a sum of money, hours valued at a loaded hourly rate, or a
/// cost shared across programs of which this program bears a share.
public enum CostAmount: Sendable, Equatable, Codable {
    /// A sum of money.
    case fixed(Double)
    /// Hours × fully loaded hourly rate (wage plus benefits and overhead): participants' time,
    /// administration, design and build time (guiding principle 10).
    case hours(Double, rate: Double)
    /// A cost shared across programs, prorated: total × share, share in (0, 1] (e.g. a curriculum
    /// developed once for four programs, share 0.25).
    case shared(total: Double, share: Double)

    /// The amount in money this program bears: the sum, hours × rate, or total × share.
    public var value: Double {
        switch self {
        case .fixed(let amount): return amount
        case .hours(let hours, let rate): return hours * rate
        case .shared(let total, let share): return total * share
        }
    }
}

/// One line of the cost ledger, with the source of its figure.
///
/// Administration (coordination, enrolment, internal marketing) is an indirect cost, as in the
/// Phillips cost categories (METHODS.md): enter it as `.indirect` with hours × loaded rate.
public struct CostItem: Sendable, Equatable, Codable {
    public let name: String
    public let category: CostCategory
    public let amount: CostAmount
    public let source: String?
    /// ISO currency code of the amount ("USD"); nil when not stated (the ledger's one currency).
    public let currency: String?
    /// The period the amount covers ("program total", "FY2025", "per month"); nil when not stated.
    public let period: String?

    public init(
        name: String, category: CostCategory, amount: CostAmount, source: String? = nil, currency: String? = nil,
        period: String? = nil
    ) {
        self.name = name
        self.category = category
        self.amount = amount
        self.source = source
        self.currency = currency
        self.period = period
    }

    /// The item's cost in money.
    public var total: Double { amount.value }
}

/// A fully loaded cost ledger: every cost of the program, by category (guiding principle 10).
///
/// Total cost = Σ direct + Σ indirect (hours × loaded rate, administration) + Σ development
/// (prorated by program share when shared). Construction checks every item: negative amounts,
/// hours or rates, non-finite values, shares outside (0, 1], and items stated in more than one
/// currency or for more than one period (items that state none are taken to share the others'
/// currency and period) are typed errors naming the items.
public struct CostLedger: Sendable, Equatable, Codable {
    public let items: [CostItem]

    /// A ledger after validating every item.
    public init(items: [CostItem]) throws {
        guard !items.isEmpty else { throw AttributionError.emptyLedger }
        for item in items {
            switch item.amount {
            case .fixed(let amount):
                guard amount.isFinite else { throw AttributionError.nonFiniteValue(item: item.name, field: "amount") }
                guard amount >= 0 else { throw AttributionError.negativeAmount(item: item.name, amount: amount) }
            case .hours(let hours, let rate):
                guard hours.isFinite else { throw AttributionError.nonFiniteValue(item: item.name, field: "hours") }
                guard rate.isFinite else { throw AttributionError.nonFiniteValue(item: item.name, field: "rate") }
                guard hours >= 0 else { throw AttributionError.negativeHours(item: item.name, hours: hours) }
                guard rate >= 0 else { throw AttributionError.negativeRate(item: item.name, rate: rate) }
            case .shared(let total, let share):
                guard total.isFinite else { throw AttributionError.nonFiniteValue(item: item.name, field: "amount") }
                guard total >= 0 else { throw AttributionError.negativeAmount(item: item.name, amount: total) }
                guard share.isFinite, share > 0, share <= 1 else {
                    throw AttributionError.invalidCostShare(item: item.name, share: share)
                }
            }
        }
        let currencies = Self.group(items, by: \.currency)
        guard currencies.count <= 1 else { throw AttributionError.mixedCurrencies(itemsByCurrency: currencies) }
        let periods = Self.group(items, by: \.period)
        guard periods.count <= 1 else { throw AttributionError.mixedPeriods(itemsByPeriod: periods) }
        self.items = items
    }

    /// Item names grouped by a stated label; items without the label are left out.
    private static func group(_ items: [CostItem], by label: KeyPath<CostItem, String?>) -> [String: [String]] {
        var groups: [String: [String]] = [:]
        for item in items {
            if let key = item[keyPath: label] { groups[key, default: []].append(item.name) }
        }
        return groups
    }

    /// The one currency the items state, if any.
    public var currency: String? { items.lazy.compactMap(\.currency).first }

    /// Guiding principle 10 as applied: total costs before (direct costs only, what a spreadsheet
    /// ROI often counts) and after full loading, plus one entry per shared item prorated.
    public var principlesLog: PrinciplesLog {
        var log = PrinciplesLog()
        log.record(
            PrincipleApplication(
                principle: .fullyLoadCosts, rule: "indirect and development costs added to the direct costs",
                location: "cost ledger", quantity: "total costs", before: subtotal(.direct), after: total))
        for item in items {
            if case .shared(let full, let share) = item.amount {
                log.record(
                    PrincipleApplication(
                        principle: .fullyLoadCosts, rule: "shared cost prorated at this program's share \(share)",
                        location: "cost ledger: \(item.name)", quantity: "item cost", before: full, after: item.total))
            }
        }
        return log
    }

    /// Total fully loaded cost.
    public var total: Double { items.reduce(0) { $0 + $1.total } }

    /// Cost of one category.
    public func subtotal(_ category: CostCategory) -> Double {
        items.filter { $0.category == category }.reduce(0) { $0 + $1.total }
    }
}
