import Attribution
import Inference
import Reporting

/// The text `roi` prints for an `ROIChainResult`: the chain's inputs, each figure with its
/// interval, the probabilities, failed replicates and the guiding-principles log.
///
/// Presentation only: every number is read from the result (house style 10), formatted
/// locale-independently with `NumberText`.
struct ROIText {
    let result: ROIChainResult
    let coefficient: String
    let settings: ROIChain.Settings
    /// What `costs(…)` said: a file name or a stated total.
    let costSource: String

    var text: String {
        let stream = settings.stream
        let conversion = stream.conversion
        let level = NumberText.level(result.level)
        var lines = ["ROI of \(coefficient): \(result.scheme); seed \(result.seed)"]
        let horizon = NumberText.statistic(stream.horizonMonths)
        lines.append(
            "Chain: effect per unit per month × \(NumberText.statistic(conversion.valuePerUnit)) per \(conversion.unitDescription)"
                + " × population \(NumberText.statistic(stream.population)) × \(horizon) months"
                + (settings.horizonIsFirstYearDefault ? " (first year only: principle 9 default)" : ""))
        if let source = conversion.source { lines.append("Value source: \(source)") }
        if stream.decayRate > 0 || stream.discountRate > 0 {
            lines.append(
                "Annual decay \(NumberText.percent(stream.decayRate * 100)), discount \(NumberText.percent(stream.discountRate * 100))")
        }
        let ledger = settings.ledger
        let currency = ledger.currency.map { " \($0)" } ?? ""
        let categories = CostCategory.allCases.filter { ledger.subtotal($0) > 0 }
            .map { "\($0.rawValue) \(NumberText.money(ledger.subtotal($0)))" }
        lines.append(
            "Costs\(currency): \(NumberText.money(ledger.total)) from \(costSource) (\(ledger.items.count) item"
                + (ledger.items.count == 1 ? "" : "s") + (categories.isEmpty ? "" : ": " + categories.joined(separator: ", ")) + ")")
        lines.append("")
        let rows: [(String, ROIEstimate, (Double) -> String)] = [
            ("Effect", result.effect, { NumberText.statistic($0, significant: 6) }),
            ("Value per unit", result.valuePerUnit, { NumberText.statistic($0, significant: 6) }),
            ("Benefits", result.benefits, NumberText.money),
            ("Costs", result.costs, NumberText.money),
            ("Net benefits", result.netBenefits, NumberText.money),
            ("ROI", result.roiPercent, NumberText.percent),
            ("BCR", result.benefitCostRatio, { NumberText.grouped($0, decimals: 2) }),
            ("Payback (months)", result.paybackMonths, { NumberText.grouped($0, decimals: 1) }),
            ("NPV", result.netPresentValue, NumberText.money),
        ]
        var extremes = false
        let table = rows.map { name, estimate, format -> [String] in
            extremes = extremes || estimate.interval.usesExtremes
            let mark = estimate.interval.usesExtremes ? "*" : ""
            return [name, format(estimate.point), "[\(format(estimate.interval.lower)), \(format(estimate.interval.upper))]\(mark)"]
        }
        lines.append(
            RegressionBootstrapResult.aligned(
                header: ["Figure", "Estimate", "\(result.method.label) \(level) CI"], rows: table))
        if extremes { lines.append("* an endpoint is an extreme order statistic: too few replicates for this level.") }
        var chances = "P(ROI > 0) = \(NumberText.grouped(result.probabilityROIPositive, decimals: 3))"
        if let hurdle = result.hurdlePercent, let above = result.probabilityROIAboveHurdle {
            chances += "; P(ROI > \(NumberText.percent(hurdle))) = \(NumberText.grouped(above, decimals: 3))"
        }
        lines.append(chances)
        lines.append("Replicates: \(result.replicatesUsed) used, \(result.failedReplicates) failed")
        var reasons: [String: Int] = [:]
        for failure in result.failures { reasons[failure.reason, default: 0] += 1 }
        for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) { lines.append("  \(count) × \(reason)") }
        lines.append("Guiding principles applied:")
        for entry in result.principles.entries {
            var line = "  \(entry.principle.rawValue). \(entry.rule) (\(entry.location))"
            if let quantity = entry.quantity, let before = entry.before, let after = entry.after {
                line += ": \(quantity) \(NumberText.money(before)) → \(NumberText.money(after))"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
