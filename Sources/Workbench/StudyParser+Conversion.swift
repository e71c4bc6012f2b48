import Attribution
import DataFrameModule
import Inference

/// Reading `conversion`, `benefits` and `roi`: effect → money → months → ROI settings.
extension StudyParser {
    static let conversionKeys = [
        "value_per_unit", "standard", "volume_per_month", "unit", "source", "credibility", "currency", "uncertainty",
    ]
    static let credibilityNames: [String: ConversionCredibility] = [
        "standard_value": .standardValue, "historical_records": .historicalRecords, "expert_estimate": .expertEstimate,
        "participant_estimate": .participantEstimate,
    ]

    mutating func parseConversion(_ node: StudyNode) throws -> Study.Conversion {
        let m = try node.mapping(allowed: Self.conversionKeys)
        let base: Study.ConversionBase
        switch (m.optional("value_per_unit"), m.optional("standard")) {
        case (let v?, nil):
            let value = try v.number()
            guard value != 0 else {
                throw StudyError.invalidValue(
                    v.location, value: "0", advice: "A value of 0 makes every benefit 0; give the money value of one unit of the outcome.")
            }
            base = .value(value)
        case (nil, let s?):
            base = try parseStandard(s)
        case (.some, .some):
            throw StudyError.conflictingKeys(
                node.location, keys: ["value_per_unit", "standard"], advice: "Give a value per unit or a standard conversion, not both.")
        case (nil, nil):
            throw StudyError.missingKey(
                node.missingChild("value_per_unit"),
                advice: "Give 'value_per_unit: 0.30' or a standard conversion, e.g. 'standard: {hour_saved: {full_hourly_cost: 48, units_per_hour: 60}}'.")
        }
        var volume = 1.0
        if let v = m.optional("volume_per_month") {
            volume = try v.number()
            guard volume > 0 else {
                throw StudyError.invalidValue(
                    v.location, value: "\(volume)", advice: "Give the positive volume one unit of the outcome applies to per unit-month (e.g. calls per agent-month).")
            }
        } else {
            defaultsApplied.append("conversion.volume_per_month = 1 (default: the outcome is a monthly quantity per unit)")
        }
        let unit = try m.required("unit", advice: "Say what one unit of the outcome is, e.g. 'unit: USD of sales'.").text()
        let source = try m.optional("source")?.text()
        var credibility: ConversionCredibility?
        if let c = m.optional("credibility") {
            credibility = try lookup(c, in: Self.credibilityNames, what: "credibility")
        } else {
            switch base {
            case .hourSaved, .salesMargin: credibility = .standardValue
            case .errorAvoided: credibility = .historicalRecords
            case .value: credibility = nil
            }
            defaultsApplied.append(
                "conversion.credibility = \(credibility.map(String.init(describing:)) ?? "unstated") "
                    + "(default for this conversion; guiding principle 3)")
        }
        if let c = m.optional("currency") { remember(c) }
        let currency = try m.optional("currency").map { try currencyCode($0) }
        let uncertainty = try m.optional("uncertainty").map { try parseUncertainty($0, stated: base.statedValue) }
        return Study.Conversion(
            base: base, volumePerMonth: volume, unit: unit, source: source, credibility: credibility, currency: currency,
            uncertainty: uncertainty)
    }

    /// `standard: {hour_saved: {…}}`, `{error_avoided: {…}}` or `{sales_margin: {…}}`.
    func parseStandard(_ node: StudyNode) throws -> Study.ConversionBase {
        let (key, inner) = try onlyEntry(
            node, allowed: ["hour_saved", "error_avoided", "sales_margin"],
            advice: "Give exactly one of hour_saved, error_avoided, sales_margin.")
        switch key {
        case "hour_saved":
            let h = try inner.mapping(allowed: ["full_hourly_cost", "units_per_hour"])
            let cost = try positive(h.required("full_hourly_cost", advice: "Give the employee's fully loaded hourly cost, e.g. 'full_hourly_cost: 48'."))
            let units = try positive(h.required("units_per_hour", advice: "Give how many outcome units make an hour, e.g. 'units_per_hour: 60' for minutes."))
            return .hourSaved(fullHourlyCost: cost, unitsPerHour: units)
        case "error_avoided":
            let e = try inner.mapping(allowed: ["hours_to_fix", "hourly_cost", "material_cost"])
            let hours = try nonNegative(e.required("hours_to_fix", advice: "Give the hours to fix one error, e.g. 'hours_to_fix: 0.67'."), what: "hours to fix")
            let rate = try nonNegative(e.required("hourly_cost", advice: "Give the loaded hourly cost of the fixer, e.g. 'hourly_cost: 54'."), what: "hourly cost")
            let material = try e.optional("material_cost").map { try nonNegative($0, what: "material cost") } ?? 0
            return .errorAvoided(hoursToFix: hours, hourlyCost: rate, materialCost: material)
        default:
            let s = try inner.mapping(allowed: ["margin_rate"])
            let marginNode = try s.required("margin_rate", advice: "Give the gross margin as a fraction, e.g. 'margin_rate: 0.30'.")
            let margin = try marginNode.number()
            guard margin > 0, margin <= 1 else {
                throw StudyError.invalidValue(
                    marginNode.location, value: "\(margin)", advice: "Give the gross margin as a fraction in (0, 1], e.g. 0.30 for 30 %.")
            }
            return .salesMargin(marginRate: margin)
        }
    }

    /// A number that must be strictly positive.
    func positive(_ node: StudyNode) throws -> Double {
        let value = try node.number()
        guard value > 0 else {
            throw StudyError.invalidValue(node.location, value: "\(value)", advice: "Give a positive number.")
        }
        return value
    }

    /// An ISO 4217 code such as USD: three letters, kept upper case.
    func currencyCode(_ node: StudyNode) throws -> String {
        let text = try node.text()
        guard text.count == 3, text.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw StudyError.invalidValue(node.location, value: "'\(text)'", advice: "Give a three-letter ISO currency code, e.g. USD.")
        }
        return text.uppercased()
    }

    /// `{uniform: [a, b]}`, `{triangular: [low, mode, high]}` or `{normal: [mean, sd]}`, stated on
    /// the conversion's stated value, which must lie inside a uniform or triangular range.
    func parseUncertainty(_ node: StudyNode, stated: Double) throws -> ValueUncertainty {
        let (key, list) = try onlyEntry(
            node, allowed: ["uniform", "triangular", "normal"],
            advice: "Give one distribution: uniform: [low, high], triangular: [low, mode, high] or normal: [mean, sd].")
        let numbers = try list.sequence().map { try $0.number() }
        let counts = ["uniform": 2, "triangular": 3, "normal": 2]
        guard numbers.count == counts[key]! else {
            throw StudyError.invalidValue(
                list.location, value: "\(numbers.count) number(s)", advice: "\(key) takes \(counts[key]!) numbers.")
        }
        let u: ValueUncertainty
        switch key {
        case "uniform": u = .uniform(lower: numbers[0], upper: numbers[1])
        case "triangular": u = .triangular(lower: numbers[0], mode: numbers[1], upper: numbers[2])
        default: u = .normal(mean: numbers[0], standardDeviation: numbers[1])
        }
        guard (try? u.validated(item: "conversion")) != nil else {
            throw StudyError.invalidValue(
                list.location, value: "\(numbers)", advice: "Give low ≤ (mode ≤) high, or a non-negative standard deviation.")
        }
        if u.lowest > stated || (u.lowest.isFinite && stated > numbers[numbers.count - 1]) {
            throw StudyError.invalidValue(
                list.location, value: "\(numbers)",
                advice: "The stated value \(stated) lies outside this range; the range must contain it.")
        }
        return u
    }

    mutating func parseBenefits(_ node: StudyNode?) throws -> Study.Benefits {
        let m = try node?.mapping(allowed: ["horizon_months", "population", "decay_per_year", "discount_rate_per_year", "extrapolation"])
        var horizon = Study.defaultHorizonMonths
        if let h = m?.optional("horizon_months") {
            remember(h)
            horizon = try h.integer()
            guard horizon >= 1 else {
                throw StudyError.invalidValue(
                    h.location, value: "\(horizon)", advice: "Give at least 1 month; 12 is the default (guiding principle 9).")
            }
        } else {
            defaultsApplied.append("benefits.horizon_months = \(Study.defaultHorizonMonths) (default; guiding principle 9)")
        }
        var population = Study.Population.treatedUnitsObservedPost
        if let p = m?.optional("population") {
            let count = try p.integer()
            guard count >= 1 else {
                throw StudyError.invalidValue(
                    p.location, value: "\(count)", advice: "Give the number of units that receive the effect (at least 1).")
            }
            population = .stated(count)
        } else {
            defaultsApplied.append("benefits.population = treated units observed in the post period (default; guiding principle 6)")
        }
        func rate(_ key: String, _ what: String, _ reason: String) throws -> Double {
            guard let r = m?.optional(key) else {
                defaultsApplied.append("benefits.\(key) = 0 (default: \(reason))")
                return 0
            }
            let value = try r.number()
            guard value >= 0, value < 1 else {
                throw StudyError.invalidValue(r.location, value: "\(value)", advice: "Give the annual \(what) as a fraction in [0, 1), e.g. 0.1.")
            }
            return value
        }
        let decay = try rate("decay_per_year", "decay of the effect", "the effect persists over the horizon; state a decay to be more conservative, principle 4")
        let discount = try rate("discount_rate_per_year", "discount rate", "undiscounted benefits, the ROI convention; the NPV then equals net benefits")
        var extrapolation = ExtrapolationChoice.refuse
        if let e = m?.optional("extrapolation") {
            extrapolation = try lookup(e, in: Study.Benefits.extrapolationNames, what: "extrapolation")
        } else {
            defaultsApplied.append(
                "benefits.extrapolation = refuse (default: a horizon beyond the data is an error; guiding principle 6)")
        }
        return Study.Benefits(
            horizonMonths: horizon, horizonIsDefault: m?.optional("horizon_months") == nil, population: population,
            decayPerYear: decay, discountRatePerYear: discount, extrapolation: extrapolation)
    }

    mutating func parseROI(_ node: StudyNode?) throws -> Study.ROISettings {
        let m = try node?.mapping(allowed: ["hurdle_percent", "interval"])
        let hurdle = try m?.optional("hurdle_percent")?.number()
        if hurdle == nil { defaultsApplied.append("roi.hurdle_percent: none (default: P(ROI > 0) is reported; state the organisation's hurdle rate to test it)") }
        var interval = BootstrapIntervalMethod.percentile
        if let i = m?.optional("interval") {
            let text = try i.text()
            if text == "bca" || text == "studentized" {
                throw StudyError.invalidValue(
                    i.location, value: "'\(text)'",
                    advice: "The ROI chain's intervals are percentile, basic or normal: \(text) needs jackknife values or variances of every figure.")
            }
            interval = try choice(i, among: [BootstrapIntervalMethod.percentile, .basic, .normal], what: "interval type")
        } else {
            defaultsApplied.append("roi.interval = percentile (default: order statistics of the replicate figures, valid for skewed ROI)")
        }
        return Study.ROISettings(hurdlePercent: hurdle, interval: interval)
    }
}
