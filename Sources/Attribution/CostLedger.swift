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

/// How a cost item's amount is given: a sum of money, or hours valued at a loaded hourly rate.
public enum CostAmount: Sendable, Equatable, Codable {
    case fixed(Double)
    case hours(Double, rate: Double)

    /// The amount in money: the sum itself, or hours × rate.
    public var value: Double {
        switch self {
        case .fixed(let amount): return amount
        case .hours(let hours, let rate): return hours * rate
        }
    }
}

/// One line of the cost ledger, with the source of its figure.
public struct CostItem: Sendable, Equatable, Codable {
    public let name: String
    public let category: CostCategory
    public let amount: CostAmount
    public let source: String?

    public init(name: String, category: CostCategory, amount: CostAmount, source: String? = nil) {
        self.name = name
        self.category = category
        self.amount = amount
        self.source = source
    }

    /// The item's cost in money.
    public var total: Double { amount.value }
}

/// A fully loaded cost ledger: every cost of the program, by category (guiding principle 10).
///
/// Total cost = Σ direct + Σ indirect (hours × loaded rate) + Σ development. Construction checks
/// every item: negative amounts, hours or rates and non-finite values are typed errors.
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
            }
        }
        self.items = items
    }

    /// Total fully loaded cost.
    public var total: Double { items.reduce(0) { $0 + $1.total } }

    /// Cost of one category.
    public func subtotal(_ category: CostCategory) -> Double {
        items.filter { $0.category == category }.reduce(0) { $0 + $1.total }
    }
}
