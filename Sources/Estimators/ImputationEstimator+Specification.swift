import Inference

extension ImputationEstimator {
    /// What the imputation estimator of Borusyak, Jaravel & Spiess (2024) estimates: the panel's
    /// columns, covariates of the untreated-outcome model, anticipation, the event-time horizon, the
    /// pre-trend leads and the variance's averaging rule.
    ///
    /// A unit first treated in period `cohort` (E_i) counts as treated from period `E_i − anticipation`
    /// on: `D_it = 1[t ≥ E_i − anticipation]`. The untreated-outcome model
    /// `Y_it(0) = α_i + λ_t + X_it'β + ε_it` is fitted on the untreated observations (never treated and
    /// not yet treated); event time is `h = t − E_i`, so with anticipation the first estimated event
    /// time is `−anticipation` (Stata `did_imputation`'s `shift` labels these relative to the shifted
    /// date instead).
    public struct Specification: Sendable, Equatable {
        /// The outcome column (numeric).
        public var outcome: String
        /// The unit id column (any type); its fixed effect α_i is in the untreated-outcome model.
        public var unit: String
        /// The period column: numeric with integer values, so that `t − cohort` counts periods.
        public var time: String
        /// The cohort column: the first treated period E_i of each unit, constant within a unit.
        public var cohort: String
        /// The cluster column of the variance (default: the unit, as BJS and `did_imputation`).
        public var cluster: String
        /// Time-varying numeric covariates X_it of the untreated-outcome model (default none).
        public var covariates: [String]
        /// Periods of anticipation a ≥ 0: observations from E_i − a on count as treated.
        public var anticipation: Int
        /// H: the latest event time reported (default `nil`: every event time in the data). Treated
        /// observations beyond H still enter the overall ATT.
        public var horizon: Int?
        /// K: the pre-trend test uses lead indicators for event times −a−1 … −a−K (0 = no test).
        public var preTrendLeads: Int
        /// Which cohort values mark a never-treated unit (default: 0 or missing).
        public var neverTreated: NeverTreatedCoding
        /// Confidence level of the normal intervals (default 0.95).
        public var level: Double
        /// How the treatment effects are averaged for the variance's residuals (default: by cohort ×
        /// event time, as R `didimputation`).
        public var averaging: Averaging
        /// What happens to treated observations whose Y(0) cannot be imputed (default: left out of
        /// every estimand and counted in the result).
        public var unimputable: UnimputablePolicy
        /// Settings of the pre-trend regression (fixest's conventions, singletons dropped).
        public var absorption: AbsorptionOptions

        /// A specification; traps unless `anticipation ≥ 0`, `horizon ≥ −anticipation`,
        /// `preTrendLeads ≥ 0` and `0 < level < 1` (choices of the analyst, not properties of the data).
        public init(
            outcome: String, unit: String, time: String, cohort: String, cluster: String? = nil,
            covariates: [String] = [], anticipation: Int = 0, horizon: Int? = nil, preTrendLeads: Int = 3,
            neverTreated: NeverTreatedCoding = .zeroOrMissing, level: Double = 0.95,
            averaging: Averaging = .cohortEventTime,
            unimputable: UnimputablePolicy = .excludeAndReport,
            absorption: AbsorptionOptions = .init()
        ) {
            precondition(anticipation >= 0, "anticipation cannot be negative")
            precondition(horizon.map { $0 >= -anticipation } ?? true, "the horizon must be at least −anticipation")
            precondition(preTrendLeads >= 0, "preTrendLeads cannot be negative")
            precondition(level > 0 && level < 1, "The confidence level must lie strictly between 0 and 1")
            self.outcome = outcome
            self.unit = unit
            self.time = time
            self.cohort = cohort
            self.cluster = cluster ?? unit
            self.covariates = covariates
            self.anticipation = anticipation
            self.horizon = horizon
            self.preTrendLeads = preTrendLeads
            self.neverTreated = neverTreated
            self.level = level
            self.averaging = averaging
            self.unimputable = unimputable
            self.absorption = absorption
        }

        /// The event times of the pre-trend leads, −a−1 … −a−K (nearest first).
        public var preTrendEventTimes: [Int] { (0..<preTrendLeads).map { -anticipation - 1 - $0 } }
    }

    /// How the variance of BJS Theorem 3 replaces the unknown τ_it in the treated observations'
    /// residuals `ε̃_it = τ̂_it − τ̃_it`.
    ///
    /// Averaging within groups (BJS §4.3) makes the variance conservative when effects vary within a
    /// group and consistent when they do not; too small groups overfit and bias it down, which the
    /// leave-out version avoids.
    public enum Averaging: Sendable, Equatable, CustomStringConvertible {
        /// τ̃ is the mean of τ̂ over the observation's cohort × event-time cell (R `didimputation`
        /// `se_inner`, whose v²-weighted mean is the plain mean for the equal-weight estimands here).
        case cohortEventTime
        /// τ̃ is that mean over the cell's observations outside the observation's own cluster, so an
        /// observation's own noise does not shrink its residual (the leave-out refinement BJS 2024
        /// propose for small cells, offered by Stata `did_imputation` as `leaveout`; this equal-weight
        /// version is checked against the numpy reference only). Needs two clusters per cell.
        case leaveOutCohortEventTime

        /// `by cohort × event time` or `by cohort × event time, leaving out the own cluster`.
        public var description: String {
            switch self {
            case .cohortEventTime: return "by cohort × event time"
            case .leaveOutCohortEventTime: return "by cohort × event time, leaving out the own cluster"
            }
        }
    }

    /// What the imputation estimator does with treated observations whose untreated outcome cannot be
    /// imputed (their unit has no untreated observation, their period has none, or the two are not
    /// linked through untreated observations).
    public enum UnimputablePolicy: Sendable, Equatable {
        /// Leave them out of every estimand (the estimand changes) and count them in
        /// `ImputationEstimator.Result.coverage` and its warnings (Stata `did_imputation, autosample`).
        case excludeAndReport
        /// Throw `ImputationEstimatorError.cannotImpute` (Stata `did_imputation`'s default).
        case fail
    }
}
