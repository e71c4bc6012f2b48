import Attribution

/// Reading the `costs` section: fully loaded costs by category (guiding principle 10).
///
/// Each item is `{item, amount, source}` or `{item, hours, rate, source}`; amounts, hours and rates
/// must be non-negative. `source` is optional but its absence is reported (guiding principle 3).
extension StudyParser {
    /// Keys of one cost item.
    static let costItemKeys = ["item", "amount", "hours", "rate", "source"]

    mutating func parseCosts(_ node: StudyNode) throws -> [Study.CostEntry] {
        let categories = CostCategory.allCases
        let m = try node.mapping(allowed: categories.map(\.rawValue))
        var entries: [Study.CostEntry] = []
        for category in categories {
            guard let list = m.optional(category.rawValue) else { continue }
            for itemNode in try list.sequence() {
                entries.append(try parseCostItem(itemNode, category: category))
            }
        }
        guard !entries.isEmpty else {
            throw StudyError.missingKey(
                node.missingChild("direct"),
                advice: "List at least one cost item; ROI divides by the fully loaded costs (guiding principle 10).")
        }
        return entries
    }

    mutating func parseCostItem(_ node: StudyNode, category: CostCategory) throws -> Study.CostEntry {
        let m = try node.mapping(allowed: Self.costItemKeys)
        let item = try m.required("item", advice: "Name the cost item, e.g. 'item: Facilitator fees'.").text()
        let source = try m.optional("source")?.text()
        let amountNode = m.optional("amount")
        let hoursNode = m.optional("hours")
        let rateNode = m.optional("rate")
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
        return Study.CostEntry(item: item, category: category, amount: amount, source: source, keyPath: node.keyPath)
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
