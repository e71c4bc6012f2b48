import Attribution
import DataFrameModule

/// A training-impact study as declared in a study file: data, panel, the isolation methods,
/// monetary conversion, benefit stream, fully loaded costs, ROI and bootstrap settings.
///
/// A study is a plain value; `Study.load(path:)` / `Study.parse(yaml:file:baseDirectory:)` build it
/// from YAML (see `Study+Parsing.swift` and docs/study-file.md for the keys) and
/// `StudyRunner.run(_:)` carries it through isolation (every method, triangulated), bootstrap and
/// the ROI chain. Defaults follow the ROI Institute's guiding principles (Phillips & Phillips,
/// *Return on Investment in Training and Performance Improvement Programs*): the most conservative
/// isolation method as the headline (principle 4), a 12-month benefit horizon (principle 9) and
/// costs listed in full by category (principle 10).
public struct Study: Sendable, Equatable {
    /// Seed used when the study file gives none; fixed so that reruns agree, and printed in every report.
    public static let defaultSeed: UInt64 = 20_260_101
    /// Bootstrap replicates when none are given: 999, so that (B + 1)·α is whole for α = 0.05 and 0.01.
    public static let defaultReplicates = 999
    /// Confidence level of every interval when none is given.
    public static let defaultLevel = 0.95
    /// Benefit horizon when none is given: only the first year of benefits for short-term programs
    /// (guiding principle 9).
    public static let defaultHorizonMonths = 12

    /// The study file as the user named it, for messages.
    public let file: String
    /// Title shown at the top of every report (`study`).
    public let title: String
    /// The data file path as written in the study file (`data`).
    public let dataPathAsWritten: String
    /// The data file path resolved against the study file's directory.
    public let dataPath: String
    /// Panel structure (`panel`).
    public let panel: Panel
    /// Outcome column, the KPI the program should move (`outcome`).
    public let outcome: String
    /// Which way of the outcome is a benefit (`direction`; default increase).
    public let direction: Triangulation.BenefitDirection
    /// Isolation methods in file order (`isolation`, or the legacy one-method `design`).
    public let isolation: [IsolationSpec]
    /// Monetary value of one unit of the outcome (`conversion`).
    public let conversion: Conversion
    /// Benefit horizon, population, decay, discounting and extrapolation (`benefits`).
    public let benefits: Benefits
    /// Fully loaded cost items in file order (`costs`).
    public let costs: [CostEntry]
    /// ISO currency of the costs (`costs.currency`), when stated.
    public let costCurrency: String?
    /// ROI hurdle and interval type (`roi`).
    public let roi: ROISettings
    /// Bootstrap settings (`bootstrap`).
    public let bootstrap: BootstrapSettings
    /// M̄ grid and tornado ranges of the ROI sensitivity (`sensitivity`).
    public let sensitivity: SensitivitySettings
    /// Level 1–3 data files and intangibles (`chain_of_impact`).
    public let chainOfImpact: ChainOfImpactSettings
    /// Human-readable notes on the defaults that were applied, e.g.
    /// `benefits.horizon_months = 12 (default; guiding principle 9)`.
    public let defaultsApplied: [String]
    /// Locations of the keys that name columns or values checked later against the data, keyed by
    /// key path (`panel.cluster`), so that the runner's errors can point into the file.
    public let locations: [String: StudyLocation]

    /// A study from its parts; `StudyParser` is the usual way to make one.
    public init(
        file: String, title: String, dataPathAsWritten: String, dataPath: String, panel: Panel,
        outcome: String, direction: Triangulation.BenefitDirection = .increase, isolation: [IsolationSpec],
        conversion: Conversion, benefits: Benefits, costs: [CostEntry], costCurrency: String? = nil,
        roi: ROISettings = ROISettings(), bootstrap: BootstrapSettings,
        sensitivity: SensitivitySettings = SensitivitySettings(), chainOfImpact: ChainOfImpactSettings = ChainOfImpactSettings(),
        defaultsApplied: [String] = [], locations: [String: StudyLocation] = [:]
    ) {
        precondition(!isolation.isEmpty, "a study needs at least one isolation method (guiding principle 5)")
        self.file = file
        self.title = title
        self.dataPathAsWritten = dataPathAsWritten
        self.dataPath = dataPath
        self.panel = panel
        self.outcome = outcome
        self.direction = direction
        self.isolation = isolation
        self.conversion = conversion
        self.benefits = benefits
        self.costs = costs
        self.costCurrency = costCurrency
        self.roi = roi
        self.bootstrap = bootstrap
        self.sensitivity = sensitivity
        self.chainOfImpact = chainOfImpact
        self.defaultsApplied = defaultsApplied
        self.locations = locations
    }

    /// The location of `keyPath` in the study file (falls back to the file alone).
    public func location(of keyPath: String) -> StudyLocation {
        locations[keyPath] ?? StudyLocation(file: file, keyPath: keyPath)
    }
}

extension Study {
    /// Panel structure: the unit observed repeatedly, the time index and the cluster for inference.
    public struct Panel: Sendable, Equatable {
        /// Unit identifier column (e.g. `employee_id`).
        public let unit: String
        /// Time column (e.g. `month`); integer, double or date.
        public let time: String
        /// Cluster column for cluster-robust inference and the cluster bootstrap (e.g. `team_id`).
        public let cluster: String
        /// Whether `cluster` was not given and defaults to `unit`.
        public let clusterIsDefault: Bool
        /// What one step of `time` is (`time_unit`; default month), to count the months after
        /// training the data support.
        public let timeUnit: TimeUnit

        /// A panel; `cluster` defaults to `unit` (clustering by unit, as `did` and fixest do).
        public init(unit: String, time: String, cluster: String? = nil, timeUnit: TimeUnit = .month) {
            self.unit = unit
            self.time = time
            self.cluster = cluster ?? unit
            self.clusterIsDefault = cluster == nil
            self.timeUnit = timeUnit
        }
    }

    /// The length of one period of the panel's time axis.
    public enum TimeUnit: String, Sendable, Equatable, CaseIterable {
        /// Days, weeks (52 a year), calendar months, quarters, years.
        case day, week, month, quarter, year

        /// Periods per month: 365.25/12 days, 52/12 weeks (the 52-week year of weekly rosters), 1
        /// month, 1/3 quarter, 1/12 year.
        public var periodsPerMonth: Double {
            switch self {
            case .day: return 365.25 / 12
            case .week: return 52.0 / 12
            case .month: return 1
            case .quarter: return 1.0 / 3
            case .year: return 1.0 / 12
            }
        }

        /// Whole months covered by `periods` periods, rounded down: only months the data observe in
        /// full count as supported (guiding principle 6, no data → no improvement).
        public func wholeMonths(periods: Int) -> Int {
            Int((Double(periods) / periodsPerMonth + 1e-9).rounded(.down))
        }
    }

    /// A point on the panel's time axis, as written in the study file.
    public enum TimePoint: Sendable, Equatable, CustomStringConvertible {
        /// A numeric time index (e.g. month 13).
        case number(Double)
        /// A calendar date, as days since 1970-01-01 (how date columns store their values).
        case date(daysSinceEpoch: Int)

        public var description: String {
            switch self {
            case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
            case .date(let d): return ISODate.format(daysSinceEpoch: d)
            }
        }
    }

    /// How the post-treatment period is identified.
    public enum PeriodRule: Sendable, Equatable, CustomStringConvertible {
        /// A 0/1 column marks the post period (`post: post`).
        case indicator(column: String)
        /// Periods with time ≥ this value are post (`treatment_start: 13`).
        case treatmentStart(TimePoint)

        public var description: String {
            switch self {
            case .indicator(let column): return "post period marked by column '\(column)'"
            case .treatmentStart(let t): return "post period from time \(t) on"
            }
        }

        /// The post-period condition on the data, e.g. `post = 1` or `month ≥ 13`.
        public func condition(time: String) -> String {
            switch self {
            case .indicator(let column): return "\(column) = 1"
            case .treatmentStart(let t): return "\(time) ≥ \(t)"
            }
        }
    }

    /// The 2×2 difference-in-differences design (`design`, or an `isolation` item with
    /// `method: did2x2`).
    public struct Design: Sendable, Equatable {
        /// 0/1 column marking the units of the trained group (`treated_group`).
        public let treatedGroup: String
        /// How the post period is identified (`post` or `treatment_start`).
        public let period: PeriodRule

        /// A value from its parts.
        public init(treatedGroup: String, period: PeriodRule) {
            self.treatedGroup = treatedGroup
            self.period = period
        }
    }

    /// Cluster-bootstrap settings (`bootstrap`).
    public struct BootstrapSettings: Sendable, Equatable {
        /// Number of replicates (default 999).
        public let replicates: Int
        /// Seed of the counter-based generator (default `Study.defaultSeed`).
        public let seed: UInt64
        /// Whether `seed` is the default.
        public let seedIsDefault: Bool
        /// Confidence level of the intervals (default 0.95).
        public let level: Double

        /// A value from its parts.
        public init(
            replicates: Int = Study.defaultReplicates, seed: UInt64? = nil, level: Double = Study.defaultLevel
        ) {
            self.replicates = replicates
            self.seed = seed ?? Study.defaultSeed
            self.seedIsDefault = seed == nil
            self.level = level
        }
    }
}
