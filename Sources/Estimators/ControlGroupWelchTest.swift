import Distributions

/// Difference in outcome means between treated and control rows with Welch's unequal-variance t test.
///
/// `Δ = ȳ₁ − ȳ₀`, `SE = √(s₁²/n₁ + s₀²/n₀)` (sample variances, divisor `nₐ − 1`), `t = Δ/SE`, and the
/// Welch–Satterthwaite degrees of freedom `ν = (s₁²/n₁ + s₀²/n₀)² / [(s₁²/n₁)²/(n₁ − 1) + (s₀²/n₀)²/(n₀ − 1)]`
/// (Welch 1947). Matches scipy `ttest_ind(y1, y0, equal_var=False)` and R `t.test(y1, y0)`.
/// Without covariates this is the randomized-experiment comparison; with confounding it is biased.
public struct ControlGroupWelchTest: Sendable, Equatable {
    /// `ȳ₁ − ȳ₀`.
    public let difference: Double
    /// Mean outcome of treated rows.
    public let treatedMean: Double
    /// Mean outcome of control rows.
    public let controlMean: Double
    /// `√(s₁²/n₁ + s₀²/n₀)`.
    public let standardError: Double
    /// Welch–Satterthwaite degrees of freedom (not an integer in general).
    public let degreesOfFreedom: Double
    /// Number of treated rows.
    public let treatedCount: Int
    /// Number of control rows.
    public let controlCount: Int

    /// Computes the test from the outcomes of the two groups (each needs at least two values).
    public init(treated y1: [Double], control y0: [Double]) {
        precondition(y1.count >= 2 && y0.count >= 2, "Each group needs at least two outcomes")
        func meanAndVariance(_ v: [Double]) -> (Double, Double) {
            let mean = v.reduce(0, +) / Double(v.count)
            // Divisor n − 1: the unbiased sample variance, as scipy and R use for Welch's test.
            let ss = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return (mean, ss / Double(v.count - 1))
        }
        let (m1, s1) = meanAndVariance(y1)
        let (m0, s0) = meanAndVariance(y0)
        let a = s1 / Double(y1.count)
        let b = s0 / Double(y0.count)
        treatedMean = m1
        controlMean = m0
        difference = m1 - m0
        standardError = (a + b).squareRoot()
        degreesOfFreedom = (a + b) * (a + b) / (a * a / Double(y1.count - 1) + b * b / Double(y0.count - 1))
        treatedCount = y1.count
        controlCount = y0.count
    }

    /// `Δ / SE`.
    public var statistic: Double { difference / standardError }
    /// Two-sided p-value from Student's t with ``degreesOfFreedom``.
    public var pValue: Double { StudentT(degreesOfFreedom: degreesOfFreedom).twoSidedPValue(statistic) }
    /// `Δ ± t₁₋α/₂,ν SE`.
    public func confidenceInterval(level: Double = 0.95) -> (lower: Double, upper: Double) {
        precondition(level > 0 && level < 1, "Level must be in (0, 1)")
        let q = StudentT(degreesOfFreedom: degreesOfFreedom).quantile(0.5 + level / 2)
        return (difference - q * standardError, difference + q * standardError)
    }
}

extension ControlGroupComparison {
    /// Welch's t test of the raw outcome difference between the arms (no covariate adjustment).
    public func differenceInMeans() -> ControlGroupWelchTest {
        ControlGroupWelchTest(
            treated: rows(treated: true).map { outcome[$0] }, control: rows(treated: false).map { outcome[$0] })
    }
}
