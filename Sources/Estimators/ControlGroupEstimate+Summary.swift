import Distributions
import Inference

extension ControlGroupEstimate {
    /// A plain-text report: estimator and target, the identifying assumptions, counts, the effect and
    /// the two potential-outcome means with SE, z, p and a normal interval, the covariance label and
    /// warnings.
    ///
    /// Formatting only; every number is read from the estimate.
    public func summary(level: Double = 0.95) -> String {
        let population = target == .averageTreatmentEffect ? "all units" : "the treated"
        var lines = [
            "Control-group comparison: \(method), \(target) (average effect over \(population))",
            "Assumptions:  unconfoundedness given the covariates; overlap (0 < p(x) < 1)",
            "Observations: \(StatisticsText.count(n)) (\(StatisticsText.count(treatedCount)) treated, "
                + "\(StatisticsText.count(controlCount)) control)",
            "Covariance:   \(covarianceLabel); normal (z) inference",
            "",
        ]
        let scaled = level * 100
        let percent = scaled == scaled.rounded() ? String(Int(scaled)) : StatisticsText.number(scaled, significant: 4)
        let z = Normal().quantile(0.5 + level / 2)
        var rows: [[String]] = []
        for (name, value, se) in [
            (target.rawValue, effect, standardError), ("POM0", controlMean, controlMeanStandardError),
            ("POM1", treatedMean, treatedMeanStandardError),
        ] {
            rows.append([
                name, StatisticsText.number(value), StatisticsText.number(se), StatisticsText.number(value / se),
                StatisticsText.pValue(Normal().twoSidedPValue(value / se)), StatisticsText.number(value - z * se),
                StatisticsText.number(value + z * se),
            ])
        }
        lines.append(
            StatisticsText.alignedTable(
                header: ["", "estimate", "std. error", "z", "p", "[\(percent)%", "\(percent)%]"], rows: rows))
        lines.append("POM0/POM1: mean potential outcome without/with treatment over \(population).")
        for warning in warnings { lines.append("Warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
