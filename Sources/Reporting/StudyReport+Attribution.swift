import Foundation

/// Sections of a study report that the full attribution chain fills: isolation methods side by
/// side, the chain of impact (levels 1–5), the conversion table, sensitivity, the event-time path,
/// trends, balance and diagnostics. Plain Codable values; the study runner fills them and the
/// Markdown and HTML writers only format them. Each is optional in `StudyReport`: a study that
/// does not ask for a part leaves it out, and the writers say so rather than draw an empty plot.
extension StudyReport {
    /// Isolation methods side by side on one KPI, with the headline chosen by the
    /// most-conservative rule (guiding principle 4; `Triangulation` in Attribution).
    public struct IsolationComparison: Codable, Sendable, Equatable {
        /// The KPI (outcome column).
        public let kpi: String
        /// "increase" when a higher KPI is a benefit, "decrease" when a lower one is.
        public let direction: String
        /// Every method's estimate, in the order the study lists them.
        public let methods: [IsolationRow]
        /// Index of the headline in `methods`.
        public let headlineIndex: Int
        /// Why the headline was chosen, in words.
        public let reason: String

        /// A value from its parts.
        public init(kpi: String, direction: String, methods: [IsolationRow], headlineIndex: Int, reason: String) {
            precondition(methods.indices.contains(headlineIndex), "the headline must be one of the methods")
            self.kpi = kpi
            self.direction = direction
            self.methods = methods
            self.headlineIndex = headlineIndex
            self.reason = reason
        }

        /// The headline row.
        public var headline: IsolationRow { methods[headlineIndex] }

        /// `reason` ending with exactly one full stop, for the end of a sentence.
        public var reasonSentence: String {
            let trimmed = reason.trimmingCharacters(in: .whitespaces)
            return trimmed.hasSuffix(".") ? trimmed : trimmed + "."
        }
    }

    /// One isolation method's estimate of the effect per treated unit per month.
    public struct IsolationRow: Codable, Sendable, Equatable {
        /// Short method name, e.g. "Callaway–Sant'Anna".
        public let method: String
        /// The method with its identifying choices, e.g. "Callaway–Sant'Anna, not-yet-treated controls".
        public let label: String
        /// Effect per treated unit per month.
        public let estimate: Double
        /// Standard error, when the method has one.
        public let standardError: Double?
        /// The method's interval (bootstrap when it has replicates, else analytic).
        public let interval: Interval
        /// Bootstrap replicates behind the interval (0 for an analytic interval).
        public let replicates: Int
        /// Observations (rows, respondents or periods) the estimate used.
        public let observations: Int?
        /// Caveats the method reported (warnings, dropped rows, assumptions in brief).
        public let notes: [String]

        /// A value from its parts.
        public init(
            method: String, label: String, estimate: Double, standardError: Double?, interval: Interval, replicates: Int,
            observations: Int?, notes: [String] = []
        ) {
            self.method = method
            self.label = label
            self.estimate = estimate
            self.standardError = standardError
            self.interval = interval
            self.replicates = replicates
            self.observations = observations
            self.notes = notes
        }
    }

    /// The chain of impact of the ROI Methodology: levels 1–5, and the intangibles (listed, not
    /// priced; guiding principle 11). Phillips & Phillips, *Show Me the Money* (2007), ch. 1.
    public struct ChainOfImpactSection: Codable, Sendable, Equatable {
        /// Levels 1 to 5, in order; a level not collected is present with status "not collected".
        public let levels: [ImpactLevel]
        /// Benefits not converted to money, as the study lists them.
        public let intangibles: [String]

        /// A value from its parts.
        public init(levels: [ImpactLevel], intangibles: [String]) {
            self.levels = levels
            self.intangibles = intangibles
        }
    }

    /// One level of the chain of impact.
    public struct ImpactLevel: Codable, Sendable, Equatable {
        /// 1 reaction, 2 learning, 3 application, 4 impact, 5 ROI.
        public let level: Int
        /// e.g. "Reaction and planned action".
        public let name: String
        /// Whether the level was measured.
        public let measured: Bool
        /// The level's key measures; empty when not measured.
        public let measures: [ImpactMeasure]
        /// Where the level's data came from (file or "isolation step"), when measured.
        public let source: String?

        /// A value from its parts.
        public init(level: Int, name: String, measured: Bool, measures: [ImpactMeasure], source: String?) {
            precondition((1...5).contains(level), "levels run from 1 to 5")
            self.level = level
            self.name = name
            self.measured = measured
            self.measures = measures
            self.source = source
        }
    }

    /// One measure of a level, e.g. "mean satisfaction (1–5)" = 4.3 with n = 212.
    public struct ImpactMeasure: Codable, Sendable, Equatable {
        /// What is measured.
        public let label: String
        /// Its value, when numeric.
        public let value: Double?
        /// Its interval, when it has one.
        public let interval: Interval?
        /// Further detail in words (n, test, effect size, share above a threshold).
        public let detail: String?

        /// A value from its parts.
        public init(label: String, value: Double?, interval: Interval? = nil, detail: String? = nil) {
            self.label = label
            self.value = value
            self.interval = interval
            self.detail = detail
        }
    }

    /// One row of the monetary conversion table.
    public struct ConversionRow: Codable, Sendable, Equatable {
        /// The KPI converted.
        public let kpi: String
        /// Money per unit of the KPI (point value).
        public let valuePerUnit: Double
        /// What one unit is.
        public let unit: String
        /// Where the value comes from.
        public let source: String?
        /// Credibility of the source, e.g. "standard value (high)".
        public let credibility: String?
        /// The value's uncertainty as sampled in the bootstrap, e.g. "uniform 0.25 to 0.35"; nil when fixed.
        public let uncertainty: String?
        /// How a standard conversion was built, e.g. "hour saved = full hourly cost (48 USD)".
        public let derivation: String?

        /// A value from its parts.
        public init(
            kpi: String, valuePerUnit: Double, unit: String, source: String?, credibility: String?, uncertainty: String?,
            derivation: String?
        ) {
            self.kpi = kpi
            self.valuePerUnit = valuePerUnit
            self.unit = unit
            self.source = source
            self.credibility = credibility
            self.uncertainty = uncertainty
            self.derivation = derivation
        }
    }

    /// How the ROI depends on the study's assumptions.
    public struct SensitivitySection: Codable, Sendable, Equatable {
        /// ROI interval as a function of the parallel-trends violation M̄ (Rambachan & Roth 2023).
        public let breakdown: BreakdownCurve?
        /// One bar per assumption range (tornado), sorted by swing, widest first.
        public let tornado: [TornadoRow]
        /// The study's ROI at its base assumptions (the tornado's centre line).
        public let baseROIPercent: Double?
        /// The effect of each guiding-principle adjustment on the ROI, before and after.
        public let principleAdjustments: [PrincipleAdjustmentRow]

        /// A value from its parts.
        public init(
            breakdown: BreakdownCurve?, tornado: [TornadoRow], baseROIPercent: Double?,
            principleAdjustments: [PrincipleAdjustmentRow]
        ) {
            self.breakdown = breakdown
            self.tornado = tornado
            self.baseROIPercent = baseROIPercent
            self.principleAdjustments = principleAdjustments
        }
    }

    /// The ROI interval along a grid of M̄ values, and the breakdown M̄ where it first includes 0.
    public struct BreakdownCurve: Codable, Sendable, Equatable {
        /// Grid points in increasing M̄.
        public let points: [BreakdownPoint]
        /// Smallest M̄ at which the ROI interval includes 0 (nil when it never does on the grid).
        public let breakdownMBar: Double?
        /// What the curve assumes, in words.
        public let note: String

        /// A value from its parts.
        public init(points: [BreakdownPoint], breakdownMBar: Double?, note: String) {
            self.points = points
            self.breakdownMBar = breakdownMBar
            self.note = note
        }
    }

    /// The ROI interval at one M̄.
    public struct BreakdownPoint: Codable, Sendable, Equatable {
        public let mBar: Double
        /// ROI (%) at the lower and upper ends of the robust effect interval.
        public let roiLower: Double
        public let roiUpper: Double

        /// A value from its parts.
        public init(mBar: Double, roiLower: Double, roiUpper: Double) {
            self.mBar = mBar
            self.roiLower = roiLower
            self.roiUpper = roiUpper
        }
    }

    /// One tornado bar: the ROI at the low and high ends of one assumption's range.
    public struct TornadoRow: Codable, Sendable, Equatable {
        /// The assumption, e.g. "value per unit".
        public let assumption: String
        /// The range's ends as written, e.g. "0.25" and "0.35".
        public let low: String
        public let high: String
        /// ROI (%) with the assumption at its low and high end, all else at base.
        public let roiAtLow: Double
        public let roiAtHigh: Double

        /// A value from its parts.
        public init(assumption: String, low: String, high: String, roiAtLow: Double, roiAtHigh: Double) {
            self.assumption = assumption
            self.low = low
            self.high = high
            self.roiAtLow = roiAtLow
            self.roiAtHigh = roiAtHigh
        }
    }

    /// The ROI with and without one guiding-principle adjustment.
    public struct PrincipleAdjustmentRow: Codable, Sendable, Equatable {
        /// Principle number (1–12).
        public let principle: Int
        /// What the adjustment did, e.g. "benefits counted for the first year only".
        public let adjustment: String
        /// ROI (%) without and with the adjustment.
        public let roiBefore: Double
        public let roiAfter: Double

        /// A value from its parts.
        public init(principle: Int, adjustment: String, roiBefore: Double, roiAfter: Double) {
            self.principle = principle
            self.adjustment = adjustment
            self.roiBefore = roiBefore
            self.roiAfter = roiAfter
        }
    }

    /// The effect by event time (an event-study plot with confidence bands).
    public struct EventStudySection: Codable, Sendable, Equatable {
        /// The estimator, e.g. "Callaway–Sant'Anna, dynamic aggregation".
        public let estimator: String
        /// The omitted (normalised) event time, when there is one.
        public let referencePeriod: Int?
        /// Confidence level of the bands.
        public let level: Double
        /// One point per event time, in increasing event time.
        public let points: [EventTimePoint]
        /// Joint test that every pre-period effect is zero, when run.
        public let preTrend: PreTrendTest?

        /// A value from its parts.
        public init(estimator: String, referencePeriod: Int?, level: Double, points: [EventTimePoint], preTrend: PreTrendTest?) {
            self.estimator = estimator
            self.referencePeriod = referencePeriod
            self.level = level
            self.points = points
            self.preTrend = preTrend
        }
    }

    /// The effect at one event time with its pointwise (and, when computed, uniform) band.
    public struct EventTimePoint: Codable, Sendable, Equatable {
        public let eventTime: Int
        public let estimate: Double
        public let lower: Double
        public let upper: Double
        /// Simultaneous (sup-t) band, when the estimator computed one.
        public let uniformLower: Double?
        public let uniformUpper: Double?

        /// A value from its parts.
        public init(eventTime: Int, estimate: Double, lower: Double, upper: Double, uniformLower: Double? = nil, uniformUpper: Double? = nil) {
            self.eventTime = eventTime
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
            self.uniformLower = uniformLower
            self.uniformUpper = uniformUpper
        }
    }

    /// A joint Wald test of no pre-period effects.
    public struct PreTrendTest: Codable, Sendable, Equatable {
        /// e.g. "Wald χ²" or "F".
        public let statistic: String
        public let value: Double
        public let degreesOfFreedom: Int
        public let pValue: Double

        /// A value from its parts.
        public init(statistic: String, value: Double, degreesOfFreedom: Int, pValue: Double) {
            self.statistic = statistic
            self.value = value
            self.degreesOfFreedom = degreesOfFreedom
            self.pValue = pValue
        }
    }

    /// Mean outcome by period for the treated and comparison groups.
    public struct TrendSection: Codable, Sendable, Equatable {
        /// The time column.
        public let time: String
        /// One series per group (e.g. "Trained", "Comparison"; or one per cohort).
        public let series: [TrendSeries]
        /// First treated period(s), marked on the plot.
        public let treatmentStarts: [Double]

        /// A value from its parts.
        public init(time: String, series: [TrendSeries], treatmentStarts: [Double]) {
            self.time = time
            self.series = series
            self.treatmentStarts = treatmentStarts
        }
    }

    /// One group's mean outcome by period.
    public struct TrendSeries: Codable, Sendable, Equatable {
        public let name: String
        /// Periods (time values; dates as days since 1970-01-01) and the group's mean outcome in each.
        public let times: [Double]
        public let means: [Double]

        /// A value from its parts.
        public init(name: String, times: [Double], means: [Double]) {
            precondition(times.count == means.count, "one mean per period")
            self.name = name
            self.times = times
            self.means = means
        }
    }

    /// Covariate balance between treated and comparison units before and after adjustment.
    public struct BalanceSection: Codable, Sendable, Equatable {
        /// The adjustment, e.g. "1:1 nearest-neighbour matching" or "inverse probability weighting".
        public let adjustment: String
        /// One row per covariate.
        public let rows: [BalanceRow]
        /// The |standardised difference| regarded as balanced (0.1; Austin 2009).
        public let threshold: Double

        /// A value from its parts.
        public init(adjustment: String, rows: [BalanceRow], threshold: Double) {
            self.adjustment = adjustment
            self.rows = rows
            self.threshold = threshold
        }
    }

    /// Standardised mean differences of one covariate.
    public struct BalanceRow: Codable, Sendable, Equatable {
        public let covariate: String
        /// Before adjustment.
        public let before: Double
        /// After adjustment (nil when no adjustment was made).
        public let after: Double?

        /// A value from its parts.
        public init(covariate: String, before: Double, after: Double?) {
            self.covariate = covariate
            self.before = before
            self.after = after
        }
    }

    /// A diagnostic check's outcome.
    public enum DiagnosticStatus: String, Codable, Sendable, Equatable {
        case pass, fail, warning
        /// The check could not be run on this study (the reason is in `value`).
        case notRun = "not run"
    }

    /// One diagnostic with its pass/fail verdict, e.g. "pre-trend test: p = 0.41 ≥ 0.05, pass".
    public struct DiagnosticCheck: Codable, Sendable, Equatable {
        /// What is checked, e.g. "Parallel pre-trends".
        public let name: String
        public let status: DiagnosticStatus
        /// The observed value in words, e.g. "Wald χ²(11) = 9.8, p = 0.55".
        public let value: String
        /// The rule, e.g. "pass when p ≥ 0.05".
        public let rule: String
        /// What to do when it does not pass (docs/diagnostics.md has more).
        public let advice: String

        /// A value from its parts.
        public init(name: String, status: DiagnosticStatus, value: String, rule: String, advice: String) {
            self.name = name
            self.status = status
            self.value = value
            self.rule = rule
            self.advice = advice
        }
    }
}
