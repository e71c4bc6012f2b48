import Attribution
import DataFrameModule

/// A training-impact study as declared in a study file: data, panel, isolation design, monetary
/// conversion, benefit horizon, fully loaded costs and bootstrap settings.
///
/// A study is a plain value; `Study.load(path:)` / `Study.parse(yaml:file:baseDirectory:)` build it
/// from YAML (see `Study+Parsing.swift` for the keys) and `StudyRunner.run(_:)` carries it through
/// estimation, bootstrap and ROI. Defaults follow the ROI Institute's guiding principles
/// (Phillips & Phillips, *Return on Investment in Training and Performance Improvement Programs*):
/// a 12-month benefit horizon (principle 9) and costs listed in full by category (principle 10).
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
    /// Isolation design (`design`).
    public let design: Design
    /// Monetary value of one unit of the outcome (`conversion`).
    public let conversion: Conversion
    /// Benefit horizon and population (`benefits`).
    public let benefits: Benefits
    /// Fully loaded cost items in file order (`costs`).
    public let costs: [CostEntry]
    /// Bootstrap settings (`bootstrap`).
    public let bootstrap: BootstrapSettings
    /// Human-readable notes on the defaults that were applied, e.g.
    /// `benefits.horizon_months = 12 (default; guiding principle 9)`.
    public let defaultsApplied: [String]
    /// Locations of the keys that name columns or values checked later against the data, keyed by
    /// key path (`panel.cluster`), so that the runner's errors can point into the file.
    public let locations: [String: StudyLocation]

    /// A study from its parts; `StudyParser` is the usual way to make one.
    public init(
        file: String, title: String, dataPathAsWritten: String, dataPath: String, panel: Panel,
        outcome: String, design: Design, conversion: Conversion, benefits: Benefits,
        costs: [CostEntry], bootstrap: BootstrapSettings, defaultsApplied: [String] = [],
        locations: [String: StudyLocation] = [:]
    ) {
        self.file = file
        self.title = title
        self.dataPathAsWritten = dataPathAsWritten
        self.dataPath = dataPath
        self.panel = panel
        self.outcome = outcome
        self.design = design
        self.conversion = conversion
        self.benefits = benefits
        self.costs = costs
        self.bootstrap = bootstrap
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

        /// A panel; `cluster` defaults to `unit` (clustering by unit, as `did` and fixest do).
        public init(unit: String, time: String, cluster: String? = nil) {
            self.unit = unit
            self.time = time
            self.cluster = cluster ?? unit
            self.clusterIsDefault = cluster == nil
        }
    }

    /// Isolation methods the runner implements.
    public enum DesignMethod: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
        /// Two groups × two periods difference-in-differences (Card & Krueger 1994; Angrist & Pischke 2009 §5.2).
        case did2x2
        public var description: String {
            switch self {
            case .did2x2: return "2×2 difference-in-differences"
            }
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

    /// The isolation design (`design`).
    public struct Design: Sendable, Equatable {
        /// The method (`method`).
        public let method: DesignMethod
        /// 0/1 column marking the units of the trained group (`treated_group`).
        public let treatedGroup: String
        /// How the post period is identified (`post` or `treatment_start`).
        public let period: PeriodRule

        /// A value from its parts.
        public init(method: DesignMethod, treatedGroup: String, period: PeriodRule) {
            self.method = method
            self.treatedGroup = treatedGroup
            self.period = period
        }
    }

    /// Monetary value of one unit of the outcome (`conversion`), with its source (guiding principle 3).
    public struct Conversion: Sendable, Equatable {
        /// Money per unit of the outcome (e.g. 0.30 USD of gross margin per USD of sales).
        public let valuePerUnit: Double
        /// What one unit is (e.g. "USD of sales").
        public let unit: String
        /// Where the value comes from; `nil` if the file gives none (reported as a warning).
        public let source: String?

        /// A value from its parts.
        public init(valuePerUnit: Double, unit: String, source: String?) {
            self.valuePerUnit = valuePerUnit
            self.unit = unit
            self.source = source
        }
    }

    /// Who benefits: a stated head count or the treated units the data show in the post period.
    public enum Population: Sendable, Equatable, CustomStringConvertible {
        /// Distinct treated units with an outcome in the post period (the default).
        case treatedUnitsObservedPost
        /// A number stated in the study file.
        case stated(Int)

        public var description: String {
            switch self {
            case .treatedUnitsObservedPost: return "treated units observed in the post period"
            case .stated(let n): return "\(n) (stated in the study file)"
            }
        }
    }

    /// Benefit horizon and population (`benefits`).
    public struct Benefits: Sendable, Equatable {
        /// Months of benefits counted (default 12, guiding principle 9).
        public let horizonMonths: Int
        /// Number of units that receive the effect.
        public let population: Population

        /// A value from its parts.
        public init(horizonMonths: Int = Study.defaultHorizonMonths, population: Population = .treatedUnitsObservedPost) {
            self.horizonMonths = horizonMonths
            self.population = population
        }
    }

    /// One item of the cost ledger as written in the study file.
    public struct CostEntry: Sendable, Equatable {
        /// Item name (`item`).
        public let item: String
        /// Category (the list it appears under).
        public let category: CostCategory
        /// Amount, or hours × rate.
        public let amount: CostAmount
        /// Where the figure comes from; `nil` if none was given (reported as a warning).
        public let source: String?
        /// Key path of the item in the study file (`costs.indirect[1]`).
        public let keyPath: String

        /// A value from its parts.
        public init(item: String, category: CostCategory, amount: CostAmount, source: String?, keyPath: String) {
            self.item = item
            self.category = category
            self.amount = amount
            self.source = source
            self.keyPath = keyPath
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
