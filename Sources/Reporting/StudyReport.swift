/// Everything a study report shows, as plain values: the Codable result of a study run.
///
/// The study runner fills it from its estimates; the Markdown and JSON writers only format it
/// (presentation never computes). Encoded with `ReportJSON` it is the `report.json` a run writes,
/// identified by `format` (`impact-study-report/1`) so that readers can check the schema version.
/// Optional values that are `nil` (an unstated source) are left out of the JSON, as `JSONEncoder`
/// does; an infinite payback is the string `"Infinity"`.
public struct StudyReport: Codable, Sendable, Equatable {
    /// Schema identifier written into every report.
    public static let formatIdentifier = "impact-study-report/1"

    /// Schema identifier (`impact-study-report/1`).
    public let format: String
    /// Study title.
    public let title: String
    /// The study file as given on the command line.
    public let studyFile: String
    /// The data file as written in the study file.
    public let dataFile: String
    /// Isolation design and inference choices.
    public let design: Design
    /// Observation account and cluster count.
    public let observations: Observations
    /// The 2×2 table of group × period means (present when a 2×2 difference-in-differences is run).
    public let means: MeansTable?
    /// The isolated effect with its analytic and bootstrap intervals.
    public let effect: Effect
    /// Monetary value of one unit of the outcome.
    public let conversion: Conversion
    /// Monetary benefits over the horizon.
    public let benefits: Benefits
    /// Fully loaded costs by category.
    public let costs: Costs
    /// ROI, BCR, net benefits and payback with intervals.
    public let roi: ROI
    /// Bootstrap provenance (scheme, replicates, failures, seed, level).
    public let bootstrap: Bootstrap
    /// Identifying assumptions stated in words.
    public let assumptions: [String]
    /// Guiding principles applied and how.
    public let principles: [Principle]
    /// Defaults the study file relied on.
    public let defaultsApplied: [String]
    /// Warnings from every stage.
    public let warnings: [String]
    /// Isolation methods side by side and the headline's choice (`StudyReport+Attribution.swift`).
    public let isolation: IsolationComparison?
    /// Levels 1–5 of the chain of impact and the intangibles.
    public let chainOfImpact: ChainOfImpactSection?
    /// The conversion table (one row per KPI converted), with sources and uncertainty.
    public let conversions: [ConversionRow]?
    /// ROI sensitivity: breakdown M̄, tornado, guiding-principle adjustments.
    public let sensitivity: SensitivitySection?
    /// The effect by event time with its bands.
    public let eventStudy: EventStudySection?
    /// Mean outcome by period for treated and comparison groups.
    public let trends: TrendSection?
    /// Covariate balance before and after adjustment.
    public let balance: BalanceSection?
    /// Diagnostics with pass/fail verdicts (empty when none were run).
    public let diagnostics: [DiagnosticCheck]

    /// A value from its parts; the attribution sections default to absent.
    public init(
        title: String, studyFile: String, dataFile: String, design: Design, observations: Observations,
        means: MeansTable?, effect: Effect, conversion: Conversion, benefits: Benefits, costs: Costs, roi: ROI,
        bootstrap: Bootstrap, assumptions: [String], principles: [Principle], defaultsApplied: [String],
        warnings: [String], isolation: IsolationComparison? = nil, chainOfImpact: ChainOfImpactSection? = nil,
        conversions: [ConversionRow]? = nil, sensitivity: SensitivitySection? = nil,
        eventStudy: EventStudySection? = nil, trends: TrendSection? = nil, balance: BalanceSection? = nil,
        diagnostics: [DiagnosticCheck] = []
    ) {
        self.format = Self.formatIdentifier
        self.title = title
        self.studyFile = studyFile
        self.dataFile = dataFile
        self.design = design
        self.observations = observations
        self.means = means
        self.effect = effect
        self.conversion = conversion
        self.benefits = benefits
        self.costs = costs
        self.roi = roi
        self.bootstrap = bootstrap
        self.assumptions = assumptions
        self.principles = principles
        self.defaultsApplied = defaultsApplied
        self.warnings = warnings
        self.isolation = isolation
        self.chainOfImpact = chainOfImpact
        self.conversions = conversions
        self.sensitivity = sensitivity
        self.eventStudy = eventStudy
        self.trends = trends
        self.balance = balance
        self.diagnostics = diagnostics
    }
}

extension StudyReport {
    /// Isolation design and inference choices, as labels.
    public struct Design: Codable, Sendable, Equatable {
        /// e.g. "2×2 difference-in-differences".
        public let method: String
        /// Outcome column.
        public let outcome: String
        /// Unit identifier column.
        public let unit: String
        /// Time column.
        public let time: String
        /// Cluster column.
        public let cluster: String
        /// Treated-group condition, e.g. "trained_team = 1".
        public let treatedGroup: String
        /// The post-period condition, e.g. "post = 1" or "month ≥ 13".
        public let period: String
        /// The comparison group, in words (e.g. "never-trained teams (trained_team = 0)").
        public let controlGroup: String
        /// Covariance label, e.g. "Clustered (team_id), G = 30, CR1".
        public let covariance: String

        /// A value from its parts.
        public init(
            method: String, outcome: String, unit: String, time: String, cluster: String, treatedGroup: String,
            period: String, controlGroup: String, covariance: String
        ) {
            self.method = method
            self.outcome = outcome
            self.unit = unit
            self.time = time
            self.cluster = cluster
            self.treatedGroup = treatedGroup
            self.period = period
            self.controlGroup = controlGroup
            self.covariance = covariance
        }
    }

    /// The observation account: rows read, used, dropped by reason; clusters and units.
    public struct Observations: Codable, Sendable, Equatable {
        /// Rows in the data.
        public let totalRows: Int
        /// Rows used in the fit.
        public let usedRows: Int
        /// Rows dropped, by reason, in reason order.
        public let dropped: [DroppedRowCount]
        /// Number of clusters G among the rows used.
        public let clusters: Int
        /// Distinct treated and control units among the rows used.
        public let treatedUnits: Int
        /// Distinct control units among the rows used.
        public let controlUnits: Int

        /// A value from its parts.
        public init(totalRows: Int, usedRows: Int, dropped: [DroppedRowCount], clusters: Int, treatedUnits: Int, controlUnits: Int) {
            self.totalRows = totalRows
            self.usedRows = usedRows
            self.dropped = dropped
            self.clusters = clusters
            self.treatedUnits = treatedUnits
            self.controlUnits = controlUnits
        }

        /// Total rows dropped.
        public var droppedCount: Int { dropped.reduce(0) { $0 + $1.count } }
    }

    /// One cell of the 2×2 means table.
    public struct MeansCell: Codable, Sendable, Equatable {
        /// "treated" or "control".
        public let group: String
        /// "pre" or "post".
        public let period: String
        /// Mean of the outcome in the cell.
        public let mean: Double
        /// Rows in the cell.
        public let count: Int

        /// A value from its parts.
        public init(group: String, period: String, mean: Double, count: Int) {
            self.group = group
            self.period = period
            self.mean = mean
            self.count = count
        }
    }

    /// The 2×2 table of means with the changes and their difference.
    public struct MeansTable: Codable, Sendable, Equatable {
        /// Cells in the order treated-pre, treated-post, control-pre, control-post.
        public let cells: [MeansCell]
        /// Post − pre mean of the treated group.
        public let treatedChange: Double
        /// Post − pre mean of the control group.
        public let controlChange: Double
        /// treatedChange − controlChange.
        public let doubleDifference: Double

        /// A value from its parts.
        public init(cells: [MeansCell], treatedChange: Double, controlChange: Double, doubleDifference: Double) {
            self.cells = cells
            self.treatedChange = treatedChange
            self.controlChange = controlChange
            self.doubleDifference = doubleDifference
        }

        /// The cell for a group and period, if present.
        public func cell(group: String, period: String) -> MeansCell? {
            cells.first { $0.group == group && $0.period == period }
        }
    }

    /// A two-sided interval with the method that produced it.
    public struct Interval: Codable, Sendable, Equatable {
        /// Lower end of the interval.
        public let lower: Double
        /// Upper end of the interval.
        public let upper: Double
        /// Confidence level.
        public let level: Double
        /// e.g. "t(29), CR1 clustered by team_id" or "cluster-bootstrap percentile".
        public let method: String

        /// A value from its parts.
        public init(lower: Double, upper: Double, level: Double, method: String) {
            self.lower = lower
            self.upper = upper
            self.level = level
            self.method = method
        }
    }

    /// The isolated effect per unit per month.
    public struct Effect: Codable, Sendable, Equatable {
        /// The DiD coefficient (treated × post).
        public let estimate: Double
        /// Analytic (cluster-robust) standard error.
        public let standardError: Double
        /// Two-sided p-value of the analytic test of no effect.
        public let pValue: Double
        /// What the effect is measured in, e.g. "sales per employee_id per month".
        public let unitDescription: String
        /// Analytic interval (t with G − 1 df, CR1).
        public let analytic: Interval
        /// Cluster-bootstrap percentile interval.
        public let bootstrap: Interval

        /// A value from its parts.
        public init(
            estimate: Double, standardError: Double, pValue: Double, unitDescription: String, analytic: Interval,
            bootstrap: Interval
        ) {
            self.estimate = estimate
            self.standardError = standardError
            self.pValue = pValue
            self.unitDescription = unitDescription
            self.analytic = analytic
            self.bootstrap = bootstrap
        }
    }
}
