import Estimators
import Inference

/// TWFE, Callaway–Sant'Anna, Sun–Abraham and imputation side by side, with the Goodman-Bacon
/// decomposition of the TWFE coefficient, as plain, Codable values: the JSON of
/// `impact did --compare --json` (one table and one event-time series per estimator, for a plot).
public struct StaggeredComparisonReport: Codable, Sendable, Equatable {
    /// Schema identifier written into every report.
    public static let formatIdentifier = "impact-staggered-comparison/1"

    /// One estimator's row and series.
    public struct Estimator: Codable, Sendable, Equatable {
        /// Estimator name.
        public let name: String
        /// What its overall figure is.
        public let meaning: String
        /// The overall effect; `nil` when the estimator failed.
        public let overall: EffectEstimateRow?
        /// Sample size in words (rows or units).
        public let sampleSize: String
        /// Standard-error method.
        public let inference: String
        /// Event-time estimates inside the window.
        public let series: [EventTimePoint]
        /// Why the estimator could not run, if it could not.
        public let failure: String?
        /// Its warnings.
        public let warnings: [String]
    }

    /// The Goodman-Bacon decomposition by comparison type.
    public struct BaconSummary: Codable, Sendable, Equatable {
        /// Comparison type in words.
        public let type: String
        /// Number of 2×2 comparisons of this type.
        public let comparisons: Int
        /// Total weight.
        public let weight: Double
        /// Weighted average of the 2×2 estimates of this type.
        public let estimate: Double
    }

    /// Schema identifier (`formatIdentifier`).
    public let format: String
    /// Outcome, unit, time, cohort and cluster columns.
    public let columns: [String: String]
    /// Event window of the series.
    public let window: [Int]
    /// Confidence level.
    public let level: Double
    /// One entry per estimator.
    public let estimators: [Estimator]
    /// The decomposition of the static TWFE coefficient; `nil` when it could not be computed.
    public let bacon: [BaconSummary]?
    /// Share of the TWFE weight on comparisons that use already-treated units as controls.
    public let forbiddenWeight: Double?
    /// Why the decomposition is missing, if it is.
    public let baconFailure: String?
    /// The reading in words.
    public let reading: [String]

    /// The report of a comparison, with the decomposition when one was computed.
    public init(
        _ comparison: StaggeredComparison, columns: [String: String], bacon: Result<GoodmanBaconDecomposition, any Error>?
    ) {
        format = Self.formatIdentifier
        self.columns = columns
        let spec = comparison.specification
        window = [spec.window.lowerBound, spec.window.upperBound]
        level = spec.level
        estimators = comparison.rows.map { row in
            Estimator(
                name: row.estimator.rawValue, meaning: row.estimator.overallMeaning,
                overall: row.overall.map {
                    EffectEstimateRow(
                        label: row.estimator.rawValue, estimate: $0.estimate, standardError: $0.standardError,
                        pValue: nil, lower: $0.lower, upper: $0.upper)
                },
                sampleSize: row.sampleSize, inference: row.inference, series: row.series, failure: row.failure,
                warnings: row.warnings)
        }
        switch bacon {
        case .success(let decomposition):
            self.bacon = decomposition.typeSummaries.map {
                BaconSummary(type: $0.type.rawValue, comparisons: $0.count, weight: $0.weight, estimate: $0.estimate)
            }
            forbiddenWeight = decomposition.forbiddenWeight
            baconFailure = nil
        case .failure(let error):
            self.bacon = nil
            forbiddenWeight = nil
            baconFailure = "\(error)"
        case nil:
            self.bacon = nil
            forbiddenWeight = nil
            baconFailure = nil
        }
        reading = Self.reading(comparison, forbiddenWeight: forbiddenWeight)
    }

    /// Plain-language reading: how far TWFE sits from the heterogeneity-robust estimators.
    static func reading(_ comparison: StaggeredComparison, forbiddenWeight: Double?) -> [String] {
        var lines: [String] = []
        let robust = comparison.rows.filter { $0.estimator != .twoWayFixedEffects }.compactMap { row in
            row.overall.map { (row.estimator.rawValue, $0.estimate) }
        }
        if let twfe = comparison.row(.twoWayFixedEffects)?.overall, !robust.isEmpty {
            let low = robust.map(\.1).min()!, high = robust.map(\.1).max()!
            let inside = twfe.estimate >= low && twfe.estimate <= high
            lines.append(
                "TWFE gives \(StatisticsText.number(twfe.estimate)); the heterogeneity-robust estimators give "
                    + "\(StatisticsText.number(low)) to \(StatisticsText.number(high)). "
                    + (inside
                        ? "TWFE lies within their range."
                        : "TWFE lies outside their range: with staggered adoption and effects that change over time or "
                            + "differ by cohort, its implicit weights distort it; prefer the robust estimators."))
        }
        if let forbiddenWeight {
            lines.append(
                "\(StatisticsText.number(forbiddenWeight * 100, significant: 3))% of the TWFE weight is on comparisons "
                    + "that use already-treated units as controls (Goodman-Bacon 2021)"
                    + (forbiddenWeight > 0.1 ? ": a material share." : "."))
        }
        return lines
    }

    /// The plain-text report.
    public func text() -> String {
        var lines = ["Staggered adoption: estimators side by side"]
        lines.append(["outcome", "unit", "time", "cohort", "cluster"].compactMap { k in columns[k].map { "\(k): \($0)" } }
            .joined(separator: "; "))
        lines.append("")
        let percent = StatisticsText.compact((level * 100 * 1e6).rounded() / 1e6)
        let rows = estimators.map { e -> [String] in
            guard let o = e.overall else { return [e.name, "failed", "", "", e.sampleSize] }
            let ci = o.lower.flatMap { lo in o.upper.map { "[\(StatisticsText.number(lo)), \(StatisticsText.number($0))]" } } ?? ""
            return [e.name, StatisticsText.number(o.estimate), o.standardError.map { StatisticsText.number($0) } ?? "", ci, e.sampleSize]
        }
        lines.append(StatisticsText.alignedTable(header: ["estimator", "overall", "std. error", "\(percent)% CI", "sample"], rows: rows))
        for e in estimators {
            if let failure = e.failure { lines.append("  \(e.name) could not run: \(failure)") }
        }
        lines.append("")
        lines.append("What each overall figure is:")
        for e in estimators { lines.append("  - \(e.name): \(e.meaning); \(e.inference)") }
        lines.append("")
        lines.append("Event-time estimates (for a plot):")
        let times = Array(window[0]...window[1])
        let header = ["event time"] + estimators.map(\.name)
        let table = times.map { k in
            [String(k)] + estimators.map { e in
                guard let p = e.series.first(where: { $0.eventTime == k }) else { return "" }
                return p.standardError == nil ? "0 (ref.)" : StatisticsText.number(p.estimate)
            }
        }
        lines.append(StatisticsText.alignedTable(header: header, rows: table))
        if let bacon {
            lines.append("")
            lines.append("Goodman-Bacon decomposition of the TWFE coefficient:")
            lines.append(
                StatisticsText.alignedTable(
                    header: ["comparison", "2×2s", "weight", "estimate"],
                    rows: bacon.map {
                        [$0.type, String($0.comparisons), StatisticsText.number($0.weight, significant: 4), StatisticsText.number($0.estimate)]
                    }))
        } else if let baconFailure {
            lines.append("")
            lines.append("Goodman-Bacon decomposition not available: \(baconFailure)")
        }
        if !reading.isEmpty {
            lines.append("")
            lines.append("Reading:")
            lines += reading.map { "  - \($0)" }
        }
        let warned = estimators.filter { !$0.warnings.isEmpty }
        if !warned.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            for e in warned { lines += e.warnings.map { "  - \(e.name): \($0)" } }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
