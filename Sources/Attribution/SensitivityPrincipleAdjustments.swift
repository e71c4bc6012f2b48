/// One guiding-principle adjustment with the ROI as computed (adjustment applied) and with it
/// undone, every other adjustment kept.
public struct SensitivityPrincipleAdjustment: Sendable, Equatable, Codable {
    /// The log entry (rule, location, quantity, before → after).
    public let application: PrincipleApplication
    /// Benefits with this adjustment undone; nil when the entry cannot be undone.
    public let benefitsWithout: Double?
    /// Costs with this adjustment undone; nil when the entry cannot be undone.
    public let costsWithout: Double?
    /// ROI (%) with this adjustment undone; nil when the entry cannot be undone or costs would be 0.
    public let roiPercentWithout: Double?
    /// ROI (%) as computed, with every adjustment applied.
    public let roiPercentWith: Double
    /// How the adjustment was undone, or why it could not be.
    public let note: String

    /// ROI with the adjustment − ROI without it (negative: the principle lowered the ROI).
    public var roiChange: Double? { roiPercentWithout.map { roiPercentWith - $0 } }
}

/// The ROI before and after each guiding-principle adjustment, read from the `PrinciplesLog`.
///
/// Each entry with numbers is undone on its own, all others kept, from the point figures
/// (benefits B, costs C, ROI = (B − C)/C × 100):
///
/// - benefit stream entries ("monetary benefits", e.g. principle 9 first year only, principle 6 no
///   data no improvement): B' = B + (before − after), C' = C;
/// - cost ledger entries ("total costs", "item cost", principle 10 full loading and proration):
///   B' = B, C' = C + (before − after), so undoing full loading gives the direct-cost ROI;
/// - conversion entries whose quantity is the value per unit chosen (principle 4, lowest of equally
///   credible values): B' = B × before/after, since benefits are linear in the value per unit
///   (`BenefitStream.schedule`); this assumes the conversion is the stream's.
///
/// With a `conversion` whose point value lies below the central value of its own uncertainty (the
/// midpoint of a range, the mode, the mean), a principle-4 row is added for that choice: the most
/// conservative value vs the central one, undone by the same rescaling.
///
/// Entries without numbers, the principle-3 entry (it records the highest candidates, not the value
/// that would be chosen without the rule) and entries from elsewhere are listed with a note and no
/// ROI. The changes are not additive: undoing two adjustments together is not the sum of each.
/// Phillips & Phillips, *The Value of Learning* (2007), the 12 guiding principles; METHODS.md.
public struct SensitivityPrincipleAdjustments: Sendable, Equatable, Codable {
    /// The point figures with every adjustment applied.
    public let figures: ROIChainFigures
    /// One row per log entry, in the log's order.
    public let adjustments: [SensitivityPrincipleAdjustment]

    /// The before/after ROI of each entry of `log` around the point `figures`; `conversion`, when
    /// given, is the stream's conversion, checked for a conservative point value (see the type).
    public init(figures: ROIChainFigures, log: PrinciplesLog, conversion: MonetaryConversion? = nil) {
        self.figures = figures
        var log = log
        if let conversion, let entry = Self.conservativeConversion(conversion) { log.record(entry) }
        let b = figures.benefits
        let c = figures.costs
        adjustments = log.entries.map { entry in
            func row(benefits: Double?, costs: Double?, note: String) -> SensitivityPrincipleAdjustment {
                var roi: Double? = nil
                if let benefits, let costs, costs > 0 { roi = (benefits - costs) / costs * 100 }
                return SensitivityPrincipleAdjustment(
                    application: entry, benefitsWithout: benefits, costsWithout: costs, roiPercentWithout: roi,
                    roiPercentWith: figures.roiPercent,
                    note: roi == nil && benefits != nil ? "undone, the costs would be zero: no ROI" : note)
            }
            guard let before = entry.before, let after = entry.after else {
                return row(benefits: nil, costs: nil, note: "the rule changed no number")
            }
            let location = entry.location
            if location.hasPrefix("benefit stream"), entry.quantity == "monetary benefits" {
                return row(benefits: b + (before - after), costs: c, note: "benefits restored by \(before - after)")
            }
            if location.hasPrefix("cost ledger"), entry.quantity == "total costs" || entry.quantity == "item cost" {
                return row(benefits: b, costs: c + (before - after), note: "costs changed by \(before - after)")
            }
            if location.hasPrefix("conversion:"), entry.quantity == "value per unit" {
                guard after != 0 else {
                    return row(benefits: nil, costs: nil, note: "the value per unit chosen is 0, so benefits cannot be rescaled")
                }
                // Benefits are v × (Σ effect × population × month weight): linear in v.
                return row(benefits: b * before / after, costs: c, note: "benefits rescaled by the value per unit \(before)/\(after)")
            }
            return row(
                benefits: nil, costs: nil,
                note: "'\(entry.quantity ?? "")' at '\(location)' has no known place in the ROI; not undone")
        }
    }

    /// The before/after ROI of each principle applied in an ROI chain result (its point figures).
    /// - Throws: `AttributionError.zeroTotalCost` when the result's costs are not positive.
    public init(result: ROIChainResult, conversion: MonetaryConversion? = nil) throws {
        let figures = try ROIChainFigures.compute(
            effect: result.effect.point, valuePerUnit: result.valuePerUnit.point, schedule: result.schedule,
            costs: result.costs.point)
        self.init(figures: figures, log: result.principles, conversion: conversion)
    }

    /// The principle-4 choice of a point value below its uncertainty's central value, as a log entry.
    static func conservativeConversion(_ conversion: MonetaryConversion) -> PrincipleApplication? {
        guard let central = conversion.uncertainty?.central else { return nil }
        // A relative margin, so a central value off by round-off ((a + b)/2) is not a choice.
        guard central - conversion.valuePerUnit > 1e-12 * max(abs(central), abs(conversion.valuePerUnit)) else { return nil }
        return PrincipleApplication(
            principle: .mostConservative, rule: "point value below the central value \(central) of its stated uncertainty",
            location: "conversion: \(conversion.unitDescription)", quantity: "value per unit", before: central,
            after: conversion.valuePerUnit)
    }

    /// A plain-text table: principle, where, ROI with and without, and the note.
    public var summary: String {
        var lines = ["ROI (%) with each guiding-principle adjustment undone (the others kept)"]
        for a in adjustments {
            let without = a.roiPercentWithout.map { format($0) } ?? "—"
            lines.append(
                "Principle \(a.application.principle.rawValue) (\(a.application.location)): \(a.application.rule). "
                    + "ROI without \(without), with \(format(a.roiPercentWith)). \(a.note)")
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return "\(rounded == 0 ? 0 : rounded)"
    }
}
