import DataFrameModule

extension Study {
    /// How the ROI's sensitivity is examined (study-file section `sensitivity`): the grid of
    /// parallel-trends violations M̄ for the ROI lower bound, and the assumption ranges of the tornado.
    ///
    /// ```yaml
    /// sensitivity:
    ///   mbar: [0, 0.5, 1, 1.5, 2]          # grid for the ROI lower bound vs parallel-trends violation
    ///   tornado:                            # assumption ranges, each [low, high]
    ///     value_per_unit: [0.25, 0.35]      # or 'uncertainty' (the conversion's stated range) or 'none'
    ///     horizon_months: [6, 24]
    ///     population_share: [0.8, 1.0]
    ///     decay_per_year: [0, 0.5]
    ///     discount_rate_per_year: [0, 0.1]
    ///     effect: interval                  # the effect's own interval; or [low, high], or 'none'
    ///     costs_plus_minus: 0.2             # every cost item ±20 %
    /// ```
    ///
    /// Defaults. Without the section: M̄ grid 0, 0.5, 1, 1.5, 2 (the grid of Rambachan & Roth 2023,
    /// Figure 4), and a tornado over the conversion's uncertainty range (when it states one), the
    /// effect's interval and every cost item ±20 %. Without `mbar`, the same grid. Without `tornado`,
    /// the same three assumptions. With `tornado`, exactly the assumptions it lists are varied.
    public struct SensitivitySettings: Sendable, Equatable {
        /// The default M̄ grid.
        public static let defaultMBarGrid: [Double] = [0, 0.5, 1, 1.5, 2]
        /// The default ± fraction applied to every cost item.
        public static let defaultCostsPlusMinus = 0.2

        /// M̄ values, strictly increasing, each ≥ 0.
        public let mbarGrid: [Double]
        /// The tornado's assumption ranges.
        public let tornado: TornadoSettings

        /// Settings from their parts (the parser checks the values; see the type for defaults).
        public init(mbarGrid: [Double] = SensitivitySettings.defaultMBarGrid, tornado: TornadoSettings = .init()) {
            precondition(!mbarGrid.isEmpty && mbarGrid.allSatisfy { $0.isFinite && $0 >= 0 }, "M̄ values are finite and ≥ 0")
            precondition(zip(mbarGrid, mbarGrid.dropFirst()).allSatisfy { $0 < $1 }, "the M̄ grid increases strictly")
            self.mbarGrid = mbarGrid
            self.tornado = tornado
        }
    }

    /// A closed range of an assumption, `low ≤ high`.
    public struct AssumptionRange: Sendable, Equatable {
        public let low: Double
        public let high: Double

        /// A range; `low ≤ high` is the caller's duty (the parser reports a reversed range).
        public init(low: Double, high: Double) {
            precondition(low.isFinite && high.isFinite && low <= high, "a range has finite ends with low ≤ high")
            self.low = low
            self.high = high
        }
    }

    /// Where a tornado range comes from when the study may state it or take it from the analysis.
    public enum TornadoRangeSource: Sendable, Equatable {
        /// Not varied.
        case none
        /// From the analysis: the conversion's uncertainty range (value per unit) or the effect's
        /// own bootstrap interval (effect).
        case fromAnalysis
        /// The range the study states.
        case stated(AssumptionRange)
    }

    /// The assumption ranges of the tornado; `nil` ranges are not varied.
    public struct TornadoSettings: Sendable, Equatable {
        /// Money per unit of the KPI.
        public let valuePerUnit: TornadoRangeSource
        /// Months of benefit counted.
        public let horizonMonths: AssumptionRange?
        /// Share of the benefiting population that benefits, in [0, 1].
        public let populationShare: AssumptionRange?
        /// Annual decay rate of the effect, in [0, 1).
        public let decayPerYear: AssumptionRange?
        /// Annual discount rate, in [0, 1) (it moves the NPV, not the undiscounted ROI).
        public let discountRatePerYear: AssumptionRange?
        /// The effect per unit per month.
        public let effect: TornadoRangeSource
        /// Every cost item × (1 ∓ this fraction), in [0, 1]; `nil` leaves costs at their values.
        public let costsPlusMinus: Double?

        /// Tornado settings; the defaults are those used when the study has no `tornado` key.
        public init(
            valuePerUnit: TornadoRangeSource = .fromAnalysis, horizonMonths: AssumptionRange? = nil,
            populationShare: AssumptionRange? = nil, decayPerYear: AssumptionRange? = nil,
            discountRatePerYear: AssumptionRange? = nil, effect: TornadoRangeSource = .fromAnalysis,
            costsPlusMinus: Double? = SensitivitySettings.defaultCostsPlusMinus
        ) {
            precondition(costsPlusMinus.map { $0 >= 0 && $0 <= 1 } ?? true, "the cost fraction is in [0, 1]")
            self.valuePerUnit = valuePerUnit
            self.horizonMonths = horizonMonths
            self.populationShare = populationShare
            self.decayPerYear = decayPerYear
            self.discountRatePerYear = discountRatePerYear
            self.effect = effect
            self.costsPlusMinus = costsPlusMinus
        }
    }
}

/// Reading the `sensitivity` section (see `Study.SensitivitySettings` for the keys and defaults).
extension StudyParser {
    /// Keys of the `sensitivity` section.
    static let sensitivityKeys = ["mbar", "tornado"]
    /// Keys of `sensitivity.tornado`.
    static let tornadoKeys = [
        "value_per_unit", "horizon_months", "population_share", "decay_per_year", "discount_rate_per_year", "effect",
        "costs_plus_minus",
    ]

    /// The sensitivity settings of `node` (the value of the top-level `sensitivity` key, `nil` when
    /// absent); every default taken is added to `defaultsApplied`.
    mutating func parseSensitivity(_ node: StudyNode?) throws -> Study.SensitivitySettings {
        let m = try node?.mapping(allowed: Self.sensitivityKeys)
        var grid = Study.SensitivitySettings.defaultMBarGrid
        if let g = m?.optional("mbar") {
            grid = try mbarGrid(g)
        } else {
            defaultsApplied.append("sensitivity.mbar = [0, 0.5, 1, 1.5, 2] (default)")
        }
        var tornado = Study.TornadoSettings()
        if let t = m?.optional("tornado") {
            tornado = try parseTornado(t)
        } else {
            defaultsApplied.append(
                "sensitivity.tornado = the conversion's uncertainty range (when stated), the effect's interval and every "
                    + "cost item ±20 % (default)")
        }
        return Study.SensitivitySettings(mbarGrid: grid, tornado: tornado)
    }

    /// A non-empty, strictly increasing list of M̄ ≥ 0.
    func mbarGrid(_ node: StudyNode) throws -> [Double] {
        let items = try node.sequence()
        guard !items.isEmpty else {
            throw StudyError.invalidValue(node.location, value: "[]", advice: "Give at least one M̄, e.g. 'mbar: [0, 0.5, 1, 1.5, 2]'.")
        }
        var values: [Double] = []
        for item in items {
            let value = try item.number()
            guard value >= 0 else {
                throw StudyError.invalidValue(
                    item.location, value: "\(value)",
                    advice: "M̄ is a ratio of violation sizes and cannot be negative; give values ≥ 0, e.g. [0, 0.5, 1, 1.5, 2].")
            }
            if let last = values.last, value <= last {
                throw StudyError.invalidValue(
                    item.location, value: "\(value)",
                    advice: "List M̄ values in increasing order without repeats (this one follows \(last)).")
            }
            values.append(value)
        }
        return values
    }

    mutating func parseTornado(_ node: StudyNode) throws -> Study.TornadoSettings {
        let m = try node.mapping(allowed: Self.tornadoKeys)
        guard !m.entries.values.allSatisfy(\.isNull) else {
            throw StudyError.invalidValue(
                node.location, value: "an empty tornado",
                advice: "List at least one assumption range (\(Self.tornadoKeys.joined(separator: ", "))), or leave out "
                    + "'tornado' for the defaults.")
        }
        let value = try m.optional("value_per_unit").map {
            try rangeSource($0, analysisWord: "uncertainty", meaning: "the conversion's stated uncertainty range")
        }
        let horizon = try m.optional("horizon_months").map {
            try range($0, check: { $0 > 0 }, advice: "A horizon must be longer than 0 months, e.g. [6, 24].")
        }
        let share = try m.optional("population_share").map {
            try range($0, check: { $0 >= 0 && $0 <= 1 }, advice: "A share lies in [0, 1], e.g. [0.8, 1.0].")
        }
        let decay = try m.optional("decay_per_year").map {
            try range($0, check: { $0 >= 0 && $0 < 1 }, advice: "An annual decay rate lies in [0, 1), e.g. [0, 0.5].")
        }
        let discount = try m.optional("discount_rate_per_year").map {
            try range(
                $0, check: { $0 >= 0 && $0 < 1 }, advice: "An annual discount rate lies in [0, 1), e.g. [0, 0.1].")
        }
        let effect = try m.optional("effect").map {
            try rangeSource($0, analysisWord: "interval", meaning: "the effect's own interval")
        }
        var costs: Double?
        if let c = m.optional("costs_plus_minus") {
            let fraction = try c.number()
            guard fraction >= 0, fraction <= 1 else {
                let hint = fraction > 1 && fraction <= 100 ? " Did you mean \(fraction / 100)?" : ""
                throw StudyError.invalidValue(
                    c.location, value: "\(fraction)",
                    advice: "Give the ± fraction of every cost item in [0, 1], e.g. 0.2 for ±20 %.\(hint)")
            }
            costs = fraction
        }
        return Study.TornadoSettings(
            valuePerUnit: value ?? Study.TornadoRangeSource.none, horizonMonths: horizon, populationShare: share,
            decayPerYear: decay, discountRatePerYear: discount, effect: effect ?? Study.TornadoRangeSource.none,
            costsPlusMinus: costs)
    }

    /// `[low, high]`, the word `analysisWord` (the range from the analysis) or `none`.
    func rangeSource(_ node: StudyNode, analysisWord: String, meaning: String) throws -> Study.TornadoRangeSource {
        if case .sequence = node.node {
            return .stated(try range(node, check: { _ in true }, advice: ""))
        }
        let words = [analysisWord, "none"]
        guard let word = try? node.text(), words.contains(word) else {
            let written = (try? node.text()).map { "'\($0)'" } ?? node.kindDescription
            let hint = (try? node.text()).flatMap { closestName(to: $0, among: words) }.map { " Did you mean '\($0)'?" } ?? ""
            throw StudyError.invalidValue(
                node.location, value: written,
                advice: "Give a range [low, high], '\(analysisWord)' (\(meaning)) or 'none'.\(hint)")
        }
        return word == "none" ? .none : .fromAnalysis
    }

    /// A two-number list `[low, high]` with `low ≤ high` and both ends passing `check`.
    func range(_ node: StudyNode, check: (Double) -> Bool, advice: String) throws -> Study.AssumptionRange {
        let items = try node.sequence()
        guard items.count == 2 else {
            throw StudyError.invalidValue(
                node.location, value: "a list of \(items.count) value\(items.count == 1 ? "" : "s")",
                advice: "Give the range as two numbers [low, high].")
        }
        let low = try items[0].number()
        let high = try items[1].number()
        for (item, value) in [(items[0], low), (items[1], high)] where !check(value) {
            throw StudyError.invalidValue(item.location, value: "\(value)", advice: advice)
        }
        guard low <= high else {
            throw StudyError.invalidValue(
                node.location, value: "[\(low), \(high)]",
                advice: "The range is reversed; give the low end first: [\(high), \(low)].")
        }
        return Study.AssumptionRange(low: low, high: high)
    }
}
