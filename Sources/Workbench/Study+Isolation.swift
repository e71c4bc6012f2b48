import Attribution
import Estimators

extension Study {
    /// The isolation methods a study file can name (`isolation[].method`), strongest designs first
    /// in the order docs/study-file.md lists them (guiding principle 5: isolate the effect).
    public enum IsolationMethodName: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
        /// Two groups × two periods difference-in-differences (Card & Krueger 1994; Angrist & Pischke 2009 §5.2).
        case did2x2
        /// Two-way fixed effects on a 0/1 treatment column (`y ~ d | unit + time`).
        case twfe
        /// Callaway & Sant'Anna (2021) staggered DiD, simple aggregate ATT.
        case callawaySantAnna = "callaway_santanna"
        /// Sun & Abraham (2021) interaction-weighted event study, overall ATT.
        case sunAbraham = "sun_abraham"
        /// Borusyak, Jaravel & Spiess (2024) imputation estimator.
        case imputation
        /// Control-group comparison adjusted for covariates (regression adjustment, IPW, AIPW).
        case controlGroup = "control_group"
        /// Trend-line projection of the trained group's mean (Wagner et al. 2002); analytic only.
        case interruptedTimeSeries = "interrupted_time_series"
        /// Participant estimates from a survey (Phillips & Phillips 2007, ch. 6).
        case participantEstimates = "participant_estimates"

        public var description: String {
            switch self {
            case .did2x2: return "2×2 difference-in-differences"
            case .twfe: return "two-way fixed effects"
            case .callawaySantAnna: return "Callaway–Sant'Anna"
            case .sunAbraham: return "Sun–Abraham"
            case .imputation: return "imputation (Borusyak–Jaravel–Spiess)"
            case .controlGroup: return "control-group comparison"
            case .interruptedTimeSeries: return "trend-line projection (interrupted time series)"
            case .participantEstimates: return "participant estimates"
            }
        }
    }

    /// Where the staggered estimators read each unit's treatment timing.
    public enum CohortColumn: Sendable, Equatable {
        /// First treated period per unit; 0 or empty = never treated (`cohort:`).
        case cohort(String)
        /// A 0/1 treated-in-this-period indicator, from which the cohort is derived (`treatment:`).
        case treatment(String)

        /// The column name.
        public var column: String {
            switch self {
            case .cohort(let c), .treatment(let c): return c
            }
        }
    }

    /// A participant-estimate survey (`isolation[].survey` and its columns).
    public struct Survey: Sendable, Equatable {
        /// The CSV file as written, and resolved against the study file's directory.
        public let pathAsWritten: String
        /// The CSV file resolved against the study file's directory.
        public let path: String
        /// Stated improvement (in the KPI's units, positive = in the direction of benefit).
        public let improvement: String
        /// Share attributed to the training, 0–100 %.
        public let share: String
        /// Confidence in the share, 0–100 %.
        public let confidence: String
        /// Claims above this multiple of the median |improvement| are left out (guiding principle 8).
        public let extremeMultiple: Double

        /// A value from its parts.
        public init(
            pathAsWritten: String, path: String, improvement: String, share: String, confidence: String,
            extremeMultiple: Double = 3
        ) {
            self.pathAsWritten = pathAsWritten
            self.path = path
            self.improvement = improvement
            self.share = share
            self.confidence = confidence
            self.extremeMultiple = extremeMultiple
        }
    }

    /// The estimator of a `control_group` isolation method (`isolation[].estimator`).
    ///
    /// The three covariate adjustments of `ControlGroupComparison` are refit in every bootstrap
    /// replicate; matching is not (the naive bootstrap is invalid for it, Abadie & Imbens 2008), so
    /// it runs as `IsolationMatching` with the Abadie–Imbens variance and the Otsu–Rai weighted
    /// bootstrap.
    public enum ControlGroupEstimator: Sendable, Equatable, CustomStringConvertible {
        /// Separate outcome regressions per arm, ATT (`estimator: regression`).
        case regressionAdjustment
        /// Normalized inverse-probability weighting, ATT (`estimator: ipw`).
        case inverseProbabilityWeighting
        /// Augmented IPW, ATE (`estimator: aipw`).
        case augmentedInverseProbabilityWeighting
        /// Nearest-neighbour matching on the propensity score, ATT (`estimator: matching`).
        case matching(NearestNeighbourMatchingSpecification)

        /// The `ControlGroupComparison` method of a covariate adjustment; `nil` for matching.
        public var comparisonMethod: ControlGroupMethod? {
            switch self {
            case .regressionAdjustment: return .regressionAdjustment
            case .inverseProbabilityWeighting: return .inverseProbabilityWeighting
            case .augmentedInverseProbabilityWeighting: return .augmentedInverseProbabilityWeighting
            case .matching: return nil
            }
        }

        /// The estimator's name as `ControlGroupMethod` and `NearestNeighbourMatchingSpecification` word it.
        public var description: String {
            switch self {
            case .regressionAdjustment: return ControlGroupMethod.regressionAdjustment.description
            case .inverseProbabilityWeighting: return ControlGroupMethod.inverseProbabilityWeighting.description
            case .augmentedInverseProbabilityWeighting: return ControlGroupMethod.augmentedInverseProbabilityWeighting.description
            case .matching(let specification): return specification.description
            }
        }
    }

    /// What one isolation method needs beyond the panel, by method.
    public enum IsolationDetail: Sendable, Equatable {
        /// A 2×2 design: treated group and post period.
        case did2x2(Design)
        /// TWFE on a 0/1 treated-and-post column.
        case twfe(treatment: String)
        /// Callaway–Sant'Anna: treatment timing, comparison units and anticipation periods.
        case callawaySantAnna(
            timing: CohortColumn, controlGroup: CallawaySantAnnaSpecification.ControlGroup, anticipation: Int)
        /// Sun–Abraham on a first-treated-period column.
        case sunAbraham(cohort: String)
        /// The imputation estimator on a first-treated-period column, with anticipation periods.
        case imputation(cohort: String, anticipation: Int)
        /// Comparison of `treated` (0/1) with untreated rows, adjusted for `covariates`.
        case controlGroup(treated: String, covariates: [String], estimator: ControlGroupEstimator)
        /// The mean outcome of the rows with `treatedGroup` = 1 (all rows when nil) by period,
        /// interrupted at `interruption`.
        case interruptedTimeSeries(treatedGroup: String?, interruption: TimePoint)
        /// A participant-estimate survey.
        case participantEstimates(Survey)
    }

    /// One isolation method as the study file states it.
    public struct IsolationSpec: Sendable, Equatable {
        /// The method.
        public let method: IsolationMethodName
        /// Its parameters.
        public let detail: IsolationDetail
        /// Key path of the item (`isolation[2]`, or `design` for the legacy key), for messages.
        public let keyPath: String

        /// A value from its parts.
        public init(method: IsolationMethodName, detail: IsolationDetail, keyPath: String) {
            self.method = method
            self.detail = detail
            self.keyPath = keyPath
        }

        /// The 2×2 design when this method is one.
        public var did2x2Design: Design? {
            if case .did2x2(let design) = detail { return design }
            return nil
        }
    }

    /// The first 2×2 design among the isolation methods, if any (the report's means table reads it).
    public var did2x2Design: Design? { isolation.lazy.compactMap(\.did2x2Design).first }
}
