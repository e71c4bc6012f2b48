/// One application of a guiding principle: the rule, where it was applied, and the number it
/// changed (before → after), so a report can show the effect of each adjustment (issue 5, item 14).
public struct PrincipleApplication: Sendable, Equatable, Codable {
    public let principle: GuidingPrinciple
    /// The rule as applied, in words ("horizon cut from 24 to 12 months").
    public let rule: String
    /// Where in the chain: "conversion: sales", "benefit stream", "cost ledger: Design".
    public let location: String
    /// What the number is ("monetary benefits"), and its value before and after the rule;
    /// nil for a rule that changed no number (an intangible listed, say).
    public let quantity: String?
    public let before: Double?
    public let after: Double?

    /// An application; give `before` and `after` together, or neither.
    public init(
        principle: GuidingPrinciple, rule: String, location: String, quantity: String? = nil, before: Double? = nil,
        after: Double? = nil
    ) {
        precondition((before == nil) == (after == nil), "give both the value before and after the rule, or neither")
        self.principle = principle
        self.rule = rule
        self.location = location
        self.quantity = quantity
        self.before = before
        self.after = after
    }

    /// after − before, when the rule changed a number.
    public var change: Double? {
        guard let before, let after else { return nil }
        return after - before
    }
}

/// The ordered record of every guiding-principle rule the chain applied.
public struct PrinciplesLog: Sendable, Equatable, Codable {
    public private(set) var entries: [PrincipleApplication]

    /// A log holding `entries`, in order.
    public init(entries: [PrincipleApplication] = []) { self.entries = entries }

    /// Appends one application.
    public mutating func record(_ entry: PrincipleApplication) { entries.append(entry) }

    /// Appends every entry of `other`, keeping its order.
    public mutating func append(contentsOf other: PrinciplesLog) { entries.append(contentsOf: other.entries) }

    /// The applications of one principle.
    public func entries(for principle: GuidingPrinciple) -> [PrincipleApplication] {
        entries.filter { $0.principle == principle }
    }

    /// The principles applied at least once, in numeric order.
    public var principlesApplied: [GuidingPrinciple] {
        GuidingPrinciple.allCases.filter { p in entries.contains { $0.principle == p } }
    }
}
