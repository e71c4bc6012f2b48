import Attribution

/// Reading the `costs` section: fully loaded costs by category (guiding principle 10).
///
/// Each item is `{item, amount, source}`, `{item, hours, rate, source}` or, for a cost shared with
/// other programs, `{item, total, share, source}` (prorated: total × share, share in (0, 1]);
/// amounts, hours and rates must be non-negative. `source` is optional but its absence is reported
/// (guiding principle 3). Every amount must be in one currency: `costs.currency`, or an item's own
/// `currency` when it agrees with the others (mixed currencies are refused, never summed).
extension StudyParser {
    /// Keys of one cost item.
    static let costItemKeys = ["item", "amount", "hours", "rate", "total", "share", "source", "currency"]

    mutating func parseCosts(_ node: StudyNode) throws -> ([Study.CostEntry], currency: String?) {
        let categories = CostCategory.allCases
        let m = try node.mapping(allowed: ["currency"] + categories.map(\.rawValue))
        let sectionCurrency = try m.optional("currency").map { try currencyCode($0) }
        var entries: [Study.CostEntry] = []
        var firstCurrency: (code: String, keyPath: String)? = sectionCurrency.map { ($0, "costs.currency") }
        for category in categories {
            guard let list = m.optional(category.rawValue) else { continue }
            for itemNode in try list.sequence() {
                let entry = try parseCostItem(itemNode, category: category, sectionCurrency: sectionCurrency)
                if let code = entry.currency {
                    if let first = firstCurrency, first.code != code {
                        throw StudyError.invalidValue(
                            locations["\(entry.keyPath).currency"] ?? itemNode.location, value: code,
                            advice: "Costs in mixed currencies: \(code) here, \(first.code) at \(first.keyPath). "
                                + "Convert every amount to one currency before summing (guiding principle 10).")
                    }
                    if firstCurrency == nil { firstCurrency = (code, "\(entry.keyPath).currency") }
                }
                entries.append(entry)
            }
        }
        guard !entries.isEmpty else {
            throw StudyError.missingKey(
                node.missingChild("direct"),
                advice: "List at least one cost item; ROI divides by the fully loaded costs (guiding principle 10).")
        }
        return (entries, firstCurrency?.code)
    }

    mutating func parseCostItem(_ node: StudyNode, category: CostCategory, sectionCurrency: String? = nil) throws -> Study.CostEntry {
        let m = try node.mapping(allowed: Self.costItemKeys)
        let item = try m.required("item", advice: "Name the cost item, e.g. 'item: Facilitator fees'.").text()
        let source = try m.optional("source")?.text()
        var currency = sectionCurrency
        if let c = m.optional("currency") {
            remember(c)
            currency = try currencyCode(c)
        }
        let amountNode = m.optional("amount")
        let hoursNode = m.optional("hours")
        let rateNode = m.optional("rate")
        if let totalNode = m.optional("total") {
            guard amountNode == nil, hoursNode == nil, rateNode == nil else {
                throw StudyError.conflictingKeys(
                    node.location, keys: ["total"] + ["amount", "hours", "rate"].filter { m.optional($0) != nil },
                    advice: "A shared cost is 'total' with 'share'; give either that, 'amount', or 'hours' with 'rate'.")
            }
            let shareNode = try m.required(
                "share", advice: "Give this program's share of the shared total as a fraction, e.g. 'share: 0.25'.")
            let share = try shareNode.number()
            guard share > 0, share <= 1 else {
                let hint = share > 1 && share <= 100 ? " Did you mean \(share / 100)?" : ""
                throw StudyError.invalidValue(
                    shareNode.location, value: "\(share)", advice: "Give the share as a fraction in (0, 1].\(hint)")
            }
            return Study.CostEntry(
                item: item, category: category, amount: .shared(total: try nonNegative(totalNode, what: "total"), share: share),
                source: source, currency: currency, keyPath: node.keyPath)
        }
        if m.optional("share") != nil {
            throw StudyError.missingKey(node.missingChild("total"), advice: "Give the shared cost's full 'total' next to its 'share'.")
        }
        let amount: CostAmount
        switch (amountNode, hoursNode, rateNode) {
        case (let a?, nil, nil):
            amount = .fixed(try nonNegative(a, what: "amount"))
        case (nil, let h?, let r?):
            amount = .hours(try nonNegative(h, what: "hours"), rate: try nonNegative(r, what: "rate"))
        case (nil, .some, nil):
            throw StudyError.missingKey(
                node.missingChild("rate"), advice: "Give the fully loaded hourly rate for these hours, e.g. 'rate: 48'.")
        case (nil, nil, .some):
            throw StudyError.missingKey(
                node.missingChild("hours"), advice: "Give the number of hours this rate applies to, e.g. 'hours: 4800'.")
        case (nil, nil, nil):
            throw StudyError.missingKey(
                node.missingChild("amount"), advice: "Give 'amount', or 'hours' and 'rate', for this cost item.")
        case (.some, _, _):
            let given = ["amount"] + (hoursNode != nil ? ["hours"] : []) + (rateNode != nil ? ["rate"] : [])
            throw StudyError.conflictingKeys(
                node.location, keys: given, advice: "Give either 'amount' or 'hours' with 'rate' for one item.")
        }
        return Study.CostEntry(
            item: item, category: category, amount: amount, source: source, currency: currency, keyPath: node.keyPath)
    }

    /// A number that must not be negative: a negative cost would silently raise the ROI.
    func nonNegative(_ node: StudyNode, what: String) throws -> Double {
        let value = try node.number()
        guard value >= 0 else {
            throw StudyError.invalidValue(
                node.location, value: "\(value)",
                advice: "A cost \(what) cannot be negative; record savings as benefits, not as negative costs.")
        }
        return value
    }
}

extension StudyParser {
    /// The conversion value and the costs must be in one currency: ROI divides one by the other.
    func checkCurrencies(conversion: Study.Conversion, costs: [Study.CostEntry], costCurrency: String?) throws {
        guard let benefit = conversion.currency, let cost = costCurrency, benefit != cost else { return }
        throw StudyError.invalidValue(
            locations["conversion.currency"] ?? StudyLocation(file: file, keyPath: "conversion.currency"), value: benefit,
            advice: "The costs are in \(cost); state the conversion value in the same currency (ROI divides benefits by costs).")
    }
}
