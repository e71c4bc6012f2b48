import Distributions
import LinearAlgebra

/// A linear combination of coefficients `θ = cᵀb` with its standard error, t test of `θ = r` and
/// confidence interval, e.g. the average of several event-time effects.
///
/// `se = √(cᵀVc)`, `t = (θ − r)/se`, `p = 2·P(T_df > |t|)`, `CI = θ ± t_{df,(1+level)/2} · se` (the
/// interval is for θ itself, not for θ − r). This is statsmodels `results.t_test((R, q))` with R one
/// row (its `effect`, `sd`, `tvalue`, `pvalue`, `conf_int`), Stata `lincom`, and with
/// Satterthwaite df R `clubSandwich::linear_contrast(test = "Satterthwaite")`.
public struct LinearCombination: Sendable, CustomStringConvertible {
    /// One coefficient and its weight c_j.
    public struct Term: Sendable, Equatable {
        /// The coefficient's design-column name.
        public let name: String
        /// Its weight c_j.
        public let weight: Double

        /// A term `weight · name`.
        public init(name: String, weight: Double) {
            self.name = name
            self.weight = weight
        }
    }

    /// The terms, in design-column order.
    public let terms: [Term]
    /// The hypothesized value r of the combination (0 unless given).
    public let value: Double
    /// `θ = cᵀb`.
    public let estimate: Double
    /// `√(cᵀVc)`.
    public let standardError: Double
    /// `(θ − r) / se`.
    public let statistic: Double
    /// Degrees of freedom of the reference t (`.infinity` gives the normal).
    public let degreesOfFreedom: Double
    /// How `degreesOfFreedom` was chosen: the covariance's df or Satterthwaite's.
    public let degreesOfFreedomSource: String
    /// Two-sided p-value of `θ = r`.
    public let pValue: Double
    /// Confidence level of the interval, e.g. 0.95.
    public let level: Double
    /// Lower confidence limit for θ.
    public let lower: Double
    /// Upper confidence limit for θ.
    public let upper: Double
    /// The covariance label, e.g. `"Clustered (firm), G = 15, CR2 (Bell–McCaffrey)"`.
    public let covarianceLabel: String

    /// Computes the combination `contrast` (one weight per estimate) of `estimates` with covariance
    /// `covariance`.
    ///
    /// - Precondition: dimensions agree, `level` in (0, 1), `degreesOfFreedom > 0`.
    public init(
        terms: [Term], contrast: [Double], estimates: [Double], covariance: Matrix, value: Double = 0,
        degreesOfFreedom: Double, degreesOfFreedomSource: String = "covariance", level: Double = 0.95,
        covarianceLabel: String = ""
    ) {
        let k = estimates.count
        precondition(contrast.count == k, "One weight per estimate is required")
        precondition(covariance.rows == k && covariance.columns == k, "Covariance must be k × k")
        precondition(level > 0 && level < 1, "Confidence level must lie strictly between 0 and 1")
        precondition(degreesOfFreedom > 0, "Degrees of freedom must be positive")
        var theta = 0.0
        for j in 0..<k { theta += contrast[j] * estimates[j] }
        let vc = covariance.times(contrast)
        var variance = 0.0
        for j in 0..<k { variance += contrast[j] * vc[j] }
        // A negative variance (possible only with an unrepaired multi-way sum) has no standard error.
        let se = variance >= 0 ? variance.squareRoot() : .nan
        let t = StudentT(degreesOfFreedom: degreesOfFreedom)
        let critical = t.inverseSurvival((1 - level) / 2)
        self.terms = terms
        self.value = value
        self.estimate = theta
        self.standardError = se
        self.statistic = (theta - value) / se
        self.degreesOfFreedom = degreesOfFreedom
        self.degreesOfFreedomSource = degreesOfFreedomSource
        self.pValue = t.twoSidedPValue(statistic)
        self.level = level
        self.lower = theta - critical * se
        self.upper = theta + critical * se
        self.covarianceLabel = covarianceLabel
    }

    /// The combination as written: `0.5·x1 + 0.5·x2`.
    public var expression: String {
        terms.enumerated().map { i, term in
            let magnitude = StatisticsText.compact(abs(term.weight))
            let sign = term.weight < 0 ? (i == 0 ? "−" : " − ") : (i == 0 ? "" : " + ")
            return "\(sign)\(magnitude == "1" ? "" : magnitude + "·")\(term.name)"
        }.joined()
    }

    /// `0.5·x1 + 0.5·x2 = 0: estimate 0.0765, SE 0.0856, t(14) = 0.893, p = 0.3868, 95% CI [−0.107, 0.260]`.
    public var description: String {
        let percent = StatisticsText.compact((level * 1000).rounded() / 10)
        return "\(expression) = \(StatisticsText.compact(value)): estimate \(formatStatistic(estimate)), "
            + "SE \(formatStatistic(standardError)), t(\(formatCount(degreesOfFreedom))) = \(formatStatistic(statistic)), "
            + "p = \(formatPValue(pValue)), \(percent)% CI [\(formatStatistic(lower)), \(formatStatistic(upper))]"
    }
}
