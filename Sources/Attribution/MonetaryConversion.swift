import Inference

/// The money one unit of a KPI is worth, with the source, the credibility of that source and,
/// optionally, how uncertain the value is.
///
/// Standard conversions (Phillips & Phillips, *Measuring the Success of Training*, ch. on
/// converting data to money): one unit of sales is worth its gross margin, an hour saved is worth
/// the employee's full hourly cost, an error avoided is worth its fix time × hourly cost plus the
/// material wasted. The point figures use `valuePerUnit`; with an `uncertainty`, each bootstrap
/// replicate draws its own value (`value(replicate:seed:)`) so the ROI interval carries the
/// uncertainty of the assumption as well as the sampling uncertainty of the effect (METHODS.md).
public struct MonetaryConversion: Sendable, Equatable, Codable {
    /// Money per unit of outcome (for sales in USD: the gross margin, e.g. 0.30).
    public let valuePerUnit: Double
    /// What one unit is, e.g. "USD of monthly sales".
    public let unitDescription: String
    /// Where the value comes from, e.g. "Finance, FY2024 gross margin" (guiding principle 3).
    public let source: String?
    /// How credible the source is; nil when not stated.
    public let credibility: ConversionCredibility?
    /// The value's distribution for the bootstrap; nil when the value is taken as known.
    public let uncertainty: ValueUncertainty?

    /// A conversion after checking that the value is finite and, with a range, inside it.
    /// - Throws: `AttributionError.nonFiniteConversion`, `.invalidUncertainty`, or
    ///   `.conversionOutsideRange` when `valuePerUnit` lies outside a uniform/triangular range.
    public init(
        valuePerUnit: Double, unitDescription: String, source: String? = nil, credibility: ConversionCredibility? = nil,
        uncertainty: ValueUncertainty? = nil
    ) throws {
        guard valuePerUnit.isFinite else { throw AttributionError.nonFiniteConversion(value: valuePerUnit) }
        if let uncertainty {
            _ = try uncertainty.validated(item: unitDescription)
            switch uncertainty {
            case .uniform(let a, let b), .triangular(let a, _, let b):
                guard valuePerUnit >= a, valuePerUnit <= b else {
                    throw AttributionError.conversionOutsideRange(item: unitDescription, value: valuePerUnit, lower: a, upper: b)
                }
            case .normal: break
            }
        }
        self.valuePerUnit = valuePerUnit
        self.unitDescription = unitDescription
        self.source = source
        self.credibility = credibility
        self.uncertainty = uncertainty
    }

    /// The stream of assumption draws for bootstrap replicate `replicate`.
    ///
    /// Resampling plans use `RandomStream(seed, r)` for r in 0..<B; assumption draws use the
    /// upper half of the stream indices (bit 63 set) so they never share numbers with the resample
    /// of the same replicate, yet depend only on (seed, replicate): thread-invariant.
    public static func assumptionStream(seed: UInt64, replicate: Int) -> RandomStream {
        precondition(replicate >= 0, "replicate numbers start at 0")
        return RandomStream(seed: seed, stream: UInt64(replicate) | (1 << 63))
    }

    /// The value used in replicate `replicate`: a draw from `uncertainty` on the replicate's own
    /// assumption stream, or `valuePerUnit` when the value is taken as known.
    public func value(replicate: Int, seed: UInt64) -> Double {
        guard let uncertainty else { return valuePerUnit }
        var stream = Self.assumptionStream(seed: seed, replicate: replicate)
        return uncertainty.sample(using: &stream)
    }

    /// Value of one hour saved = full loaded hourly cost (wage × (1 + benefits and overhead share)).
    public static func hourSaved(hourlyWage: Double, overheadShare: Double, source: String? = nil) throws -> MonetaryConversion {
        try checkNonNegative(hourlyWage, "hourly wage", item: "hour saved")
        try checkNonNegative(overheadShare, "overhead share", item: "hour saved")
        return try MonetaryConversion(
            valuePerUnit: hourlyWage * (1 + overheadShare), unitDescription: "hour saved", source: source,
            credibility: .standardValue)
    }

    /// Value of one hour saved = the employee's full hourly cost, given directly.
    public static func hourSaved(fullHourlyCost: Double, source: String? = nil, uncertainty: ValueUncertainty? = nil) throws
        -> MonetaryConversion
    {
        try checkNonNegative(fullHourlyCost, "full hourly cost", item: "hour saved")
        return try MonetaryConversion(
            valuePerUnit: fullHourlyCost, unitDescription: "hour saved", source: source, credibility: .standardValue,
            uncertainty: uncertainty)
    }

    /// Cost of one error = hours to fix × loaded hourly cost + material wasted.
    public static func errorAvoided(hoursToFix: Double, hourlyCost: Double, materialCost: Double, source: String? = nil) throws
        -> MonetaryConversion
    {
        try checkNonNegative(hoursToFix, "hours to fix", item: "error avoided")
        try checkNonNegative(hourlyCost, "hourly cost", item: "error avoided")
        try checkNonNegative(materialCost, "material cost", item: "error avoided")
        return try MonetaryConversion(
            valuePerUnit: hoursToFix * hourlyCost + materialCost, unitDescription: "error avoided", source: source,
            credibility: .historicalRecords)
    }

    /// Value of one currency unit of extra sales = its gross margin rate (profit, not revenue, is
    /// the benefit: Phillips' "sales → margin" standard value).
    /// - Throws: `AttributionError.invalidConversionInput` unless 0 ≤ margin ≤ 1.
    public static func salesMargin(marginRate: Double, currency: String, source: String? = nil) throws -> MonetaryConversion {
        guard marginRate.isFinite, marginRate >= 0, marginRate <= 1 else {
            throw AttributionError.invalidConversionInput(item: "sales margin", field: "margin rate", value: marginRate)
        }
        return try MonetaryConversion(
            valuePerUnit: marginRate, unitDescription: "\(currency) of sales", source: source, credibility: .standardValue)
    }

    private static func checkNonNegative(_ value: Double, _ field: String, item: String) throws {
        guard value.isFinite, value >= 0 else {
            throw AttributionError.invalidConversionInput(item: item, field: field, value: value)
        }
    }
}
