import Inference
import LinearAlgebra

extension ImputationEstimator {
    /// One aggregated effect of the imputation estimator: the overall ATT or the ATT at an event time.
    public struct Effect: Sendable, Equatable {
        /// The event time h = t − E_i, or `nil` for the overall ATT.
        public let eventTime: Int?
        /// τ̂_w = Σ w_it τ̂_it, the equal-weight mean of τ̂_it over the estimand's treated observations.
        public let estimate: Double
        /// BJS Theorem 3 standard error, `sqrt(Σ_c (Σ_{it ∈ c} v_it ε̃_it)²)` (no small-sample factor).
        public let standardError: Double
        /// z = estimate / standard error.
        public let statistic: Double
        /// Two-sided p-value from the standard normal (BJS Theorem 3's asymptotics).
        public let pValue: Double
        /// Lower normal confidence limit `τ̂ − z_{1−α/2} · se`.
        public let lower: Double
        /// Upper normal confidence limit.
        public let upper: Double
        /// Treated observations averaged.
        public let observations: Int
    }

    /// Treated observations whose untreated outcome could not be imputed, by reason; they are in no
    /// estimand (BJS 2024 §3; Stata `did_imputation`, "What if imputation is not possible").
    public struct Coverage: Sendable, Equatable {
        /// Treated observations whose unit has no untreated observation (e.g. treated from before the
        /// first period).
        public let unitWithoutUntreated: Int
        /// Treated observations in a period without untreated observations (every unit treated by then).
        public let periodWithoutUntreated: Int
        /// Treated observations whose unit and period are not linked by untreated observations.
        public let disconnected: Int
        /// Units with at least one unimputable treated observation.
        public let units: [String]

        /// All unimputable treated observations.
        public var total: Int { unitWithoutUntreated + periodWithoutUntreated + disconnected }
    }

    /// The result of `ImputationEstimator.estimate`: the overall ATT, event-time ATTs with their joint
    /// covariance, the pre-trend test, per-observation effects and what could not be imputed.
    public struct Result: Sendable {
        /// The specification that was estimated.
        public let specification: Specification
        /// The ATT over every imputable treated observation, equally weighted.
        public let overall: Effect
        /// The ATT at each event time −a … H that has imputable treated observations, in order.
        public let eventTimes: [Effect]
        /// Event times in −a … H without any imputable treated observation (no estimate).
        public let emptyEventTimes: [Int]
        /// Covariance of the event-time estimates, in the order of `eventTimes`:
        /// `Σ_c s_c s_c'` with `s_c[h] = Σ_{it ∈ c} v^h_it ε̃_it` (BJS Theorem 3, jointly).
        public let covariance: Matrix
        /// Joint Wald test that the pre-trend leads are 0, from the regression of untreated outcomes on
        /// lead indicators with the model's fixed effects and covariates (BJS 2024 §4.4, Test 1);
        /// `nil` when no leads were asked for.
        public let preTrendTest: WaldTest?
        /// The pre-trend regression (coefficient `preJ` for event time −a−J), `nil` when not run.
        public let preTrendRegression: RegressionFit?
        /// The event times whose leads the pre-trend test covers (those with untreated observations
        /// that the fixed effects do not absorb).
        public let preTrendEventTimes: [Int]
        /// Treated observations whose Y(0) was not imputed, by reason.
        public let coverage: Coverage
        /// τ̂_it per imputable treated observation, with its source row in the data.
        public let treatedEffects: [(row: Int, eventTime: Int, effect: Double)]
        /// β̂ of the covariates in the untreated-outcome model (order of `specification.covariates`).
        public let covariateCoefficients: [Double]
        /// Untreated observations the model of Y(0) was fitted on.
        public let untreatedObservations: Int
        /// Imputable treated observations.
        public let treatedObservations: Int
        /// Rows left out for a missing outcome, unit, period, cluster or covariate.
        public let rowsWithMissingValues: Int
        /// Number of clusters of the variance.
        public let clusterCount: Int

        /// The estimate at event time `h`, `nil` if there is none.
        public func eventTime(_ h: Int) -> Effect? { eventTimes.first { $0.eventTime == h } }

        /// Warnings: unimputable observations, empty event times, few clusters.
        public var warnings: [String] {
            var lines: [String] = []
            if coverage.total > 0 {
                lines.append(
                    "Y(0) could not be imputed for \(coverage.total) treated observation(s) of \(coverage.units.count) unit(s) "
                        + "(\(coverage.unitWithoutUntreated) without an untreated period of their unit, "
                        + "\(coverage.periodWithoutUntreated) in a period without untreated units, \(coverage.disconnected) "
                        + "not linked); they are left out of every estimate, which changes the estimand.")
            }
            if !emptyEventTimes.isEmpty {
                lines.append("No imputable treated observation at event time(s) \(emptyEventTimes); no estimate there.")
            }
            if preTrendEventTimes.count < specification.preTrendLeads {
                lines.append(
                    "The pre-trend test covers \(preTrendEventTimes.count) of the \(specification.preTrendLeads) leads "
                        + "(event times \(preTrendEventTimes)); the others have no untreated observations or are absorbed by "
                        + "the unit effects (use fewer leads than pre-treatment periods).")
            }
            if clusterCount < 30 {
                lines.append(
                    "Only \(clusterCount) clusters: the normal approximation of BJS Theorem 3 may be poor with few clusters.")
            }
            return lines
        }

        /// The identifying choices in words.
        public var assumptions: [String] {
            let spec = specification
            return [
                "Model of Y(0): unit and period fixed effects"
                    + (spec.covariates.isEmpty ? "" : " and covariates \(spec.covariates.joined(separator: ", "))")
                    + ", fitted on \(StatisticsText.count(untreatedObservations)) untreated observations (never treated "
                    + "(\(spec.neverTreated)) and not yet treated).",
                "Parallel trends of Y(0) and no anticipation beyond \(spec.anticipation) period(s): observations from "
                    + "E_i − \(spec.anticipation) on count as treated.",
                "Effects may vary freely across units and periods; estimates weight treated observations equally.",
                "Variance: BJS (2024) Theorem 3, clustered by \(spec.cluster), G = \(clusterCount), residuals of treated "
                    + "observations centred \(spec.averaging) (conservative when effects vary within those cells); "
                    + "normal intervals at \(StatisticsText.compact(spec.level * 100))%.",
            ]
        }
    }
}
