/// The money one unit of the outcome is worth, with the source of that value.
///
/// Standard conversions (Phillips & Phillips, *Measuring the Success of Training*): one unit of
/// sales is worth its gross margin, an hour saved is worth the employee's full hourly cost, an
/// error avoided is worth its fix time × hourly cost plus material wasted.
public struct MonetaryConversion: Sendable, Equatable, Codable {
    /// Money per unit of outcome (for sales in USD: the gross margin, e.g. 0.30).
    public let valuePerUnit: Double
    /// What one unit is, e.g. "USD of monthly sales".
    public let unitDescription: String
    /// Where the value comes from, e.g. "Finance, FY2024 gross margin" (guiding principle 3).
    public let source: String?

    public init(valuePerUnit: Double, unitDescription: String, source: String? = nil) throws {
        guard valuePerUnit.isFinite else { throw AttributionError.nonFiniteConversion(value: valuePerUnit) }
        self.valuePerUnit = valuePerUnit
        self.unitDescription = unitDescription
        self.source = source
    }

    /// Value of one hour saved = full loaded hourly cost (wage × (1 + benefits and overhead share)).
    public static func hourSaved(hourlyWage: Double, overheadShare: Double, source: String? = nil) throws -> MonetaryConversion {
        try MonetaryConversion(valuePerUnit: hourlyWage * (1 + overheadShare), unitDescription: "hour saved", source: source)
    }

    /// Cost of one error = hours to fix × loaded hourly cost + material wasted.
    public static func errorAvoided(hoursToFix: Double, hourlyCost: Double, materialCost: Double, source: String? = nil) throws
        -> MonetaryConversion
    {
        try MonetaryConversion(
            valuePerUnit: hoursToFix * hourlyCost + materialCost, unitDescription: "error avoided", source: source)
    }
}
