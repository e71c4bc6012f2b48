import Foundation

/// Markdown rendering of a study report. Formatting only: every number is read from the report.
///
/// Layout follows the ROI Institute's impact-study outline (Phillips & Phillips, *The Value of
/// Learning*, ch. 9): headline range first, then the isolation evidence, the money, the
/// assumptions and the principles applied; summaries state N, clusters, seed and method (house style 11).
extension StudyReport {
    /// The one-sentence result: "ROI between A % and B % (95 % cluster-bootstrap percentile interval,
    /// 999 replicates, seed S); point estimate C %."
    public var headline: String {
        var provenance =
            "\(NumberText.level(roi.level)) \(bootstrapKind) \(bootstrap.interval) interval, "
            + "\(NumberText.grouped(Double(bootstrap.replicates))) replicates"
        if bootstrap.failed > 0 { provenance += " (\(bootstrap.failed) failed)" }
        provenance += ", seed \(bootstrap.seed)"
        return "ROI between \(NumberText.percent(roi.roiPercent.lower)) and \(NumberText.percent(roi.roiPercent.upper)) "
            + "(\(provenance)); point estimate \(NumberText.percent(roi.roiPercent.point))."
    }

    /// The resampling scheme as an adjective for the headline: the scheme's name before its
    /// details, hyphenated ("cluster bootstrap (G = 30) over team_id" → "cluster-bootstrap",
    /// "stratified bootstrap (2 strata, n = 445)" → "stratified-bootstrap").
    var bootstrapKind: String {
        let name = bootstrap.scheme.components(separatedBy: " (").first?.trimmingCharacters(in: .whitespaces) ?? ""
        guard name.hasSuffix("bootstrap"), !name.isEmpty else { return "bootstrap" }
        return name.replacingOccurrences(of: " ", with: "-")
    }

    /// The full report as GitHub-flavoured Markdown.
    public var markdown: String {
        var out = "# \(title)\n\n**\(headline)**\n\n"
        out += summarySection + markdownChainOfImpact + designSection + observationsSection + meansSection
        out += markdownTrends + markdownEventStudy + markdownIsolation + markdownBalance + effectSection
        out += benefitsSection + markdownConversionTable + costsSection + roiSection + bootstrapSection
        out += markdownSensitivity + markdownDiagnostics + closingSections
        return out
    }

    private var levelText: String { NumberText.level(roi.level) }

    private var summarySection: String {
        let bullets = [
            "Effect on \(effect.unitDescription): \(NumberText.statistic(effect.estimate)) "
                + "(\(levelText) CI \(NumberText.statistic(effect.analytic.lower)) to \(NumberText.statistic(effect.analytic.upper)), "
                + "\(design.covariance))",
            "Benefits over \(NumberText.grouped(benefits.horizonMonths, decimals: 0)) months: \(NumberText.money(roi.benefits.point)) "
                + "(\(NumberText.money(roi.benefits.lower)) to \(NumberText.money(roi.benefits.upper)))",
            "Fully loaded costs: \(NumberText.money(costs.total))",
            "ROI: \(NumberText.percent(roi.roiPercent.point)) (\(NumberText.percent(roi.roiPercent.lower)) to \(NumberText.percent(roi.roiPercent.upper)))",
            "Benefit–cost ratio: \(NumberText.grouped(roi.benefitCostRatio.point, decimals: 2)) "
                + "(\(NumberText.grouped(roi.benefitCostRatio.lower, decimals: 2)) to \(NumberText.grouped(roi.benefitCostRatio.upper, decimals: 2)))",
            "Payback: \(NumberText.grouped(roi.paybackMonths.point, decimals: 1)) months "
                + "(\(NumberText.grouped(roi.paybackMonths.lower, decimals: 1)) to \(NumberText.grouped(roi.paybackMonths.upper, decimals: 1)))",
            "N = \(NumberText.grouped(Double(observations.usedRows))) of \(NumberText.grouped(Double(observations.totalRows))) rows, "
                + "\(observations.clusters) clusters (\(design.cluster)), seed \(bootstrap.seed)",
        ]
        var out = "## Summary\n\n" + bullets.map { "- \($0)\n" }.joined() + "\n" + roiProbabilitiesInWords + "\n\n"
        if let method = headlineMethodInWords { out += method + "\n\n" }
        return out
    }

    private var designSection: String {
        var table = MarkdownTable(header: ["Design", ""], alignments: [.left, .left])
        table.append(["Method", design.method])
        table.append(["Outcome", design.outcome])
        table.append(["Unit", design.unit])
        table.append(["Time", design.time])
        table.append(["Treated group", design.treatedGroup])
        table.append(["Post period", design.period])
        table.append(["Control group", design.controlGroup])
        table.append(["Cluster", design.cluster])
        table.append(["Covariance", design.covariance])
        return "## Design\n\n" + table.markdown + "\n"
    }

    private var observationsSection: String {
        var out = "## Observations\n\n"
        out +=
            "N = \(NumberText.grouped(Double(observations.usedRows))) of \(NumberText.grouped(Double(observations.totalRows))) rows used; "
        out += "\(observations.clusters) clusters (\(design.cluster)); "
        out += "\(observations.treatedUnits) treated and \(observations.controlUnits) control units (\(design.unit)).\n\n"
        if observations.dropped.isEmpty {
            out += "No rows were dropped.\n\n"
        } else {
            var table = MarkdownTable(header: ["Dropped rows: reason", "Rows"])
            for d in observations.dropped { table.append([d.reason, NumberText.grouped(Double(d.count))]) }
            table.append(["Total dropped", NumberText.grouped(Double(observations.droppedCount))])
            out += table.markdown + "\n"
        }
        return out
    }

    /// The 2×2 means table; empty when the study ran no 2×2 difference-in-differences.
    private var meansSection: String {
        guard let means else { return "" }
        var table = MarkdownTable(header: ["Group", "Pre mean", "Pre N", "Post mean", "Post N", "Change"])
        for (group, change) in [("treated", means.treatedChange), ("control", means.controlChange)] {
            let pre = means.cell(group: group, period: "pre")
            let post = means.cell(group: group, period: "post")
            table.append([
                group, pre.map { NumberText.grouped($0.mean, decimals: 2) } ?? "n/a",
                pre.map { NumberText.grouped(Double($0.count)) } ?? "0",
                post.map { NumberText.grouped($0.mean, decimals: 2) } ?? "n/a",
                post.map { NumberText.grouped(Double($0.count)) } ?? "0", NumberText.grouped(change, decimals: 2),
            ])
        }
        return "## 2×2 means of \(design.outcome)\n\n" + table.markdown
            + "\nDifference in differences: \(NumberText.grouped(means.doubleDifference, decimals: 2)).\n\n"
    }

    private var effectSection: String {
        var table = MarkdownTable(
            header: ["Effect", "Estimate", "SE", "Lower", "Upper", "Method"],
            alignments: [.left, .right, .right, .right, .right, .left])
        table.append([
            "Analytic", NumberText.statistic(effect.estimate), NumberText.statistic(effect.standardError),
            NumberText.statistic(effect.analytic.lower), NumberText.statistic(effect.analytic.upper), effect.analytic.method,
        ])
        table.append([
            "Bootstrap", NumberText.statistic(effect.estimate), "",
            NumberText.statistic(effect.bootstrap.lower), NumberText.statistic(effect.bootstrap.upper), effect.bootstrap.method,
        ])
        return "## Effect (\(effect.unitDescription))\n\n" + table.markdown
            + "\nIntervals at \(levelText); analytic test of no effect: \(NumberText.pEquation(effect.pValue)).\n\n"
    }

    private var benefitsSection: String {
        var out = "## Monetary benefits\n\n"
        out += "One unit (\(conversion.unit)) is worth \(NumberText.statistic(conversion.valuePerUnit)); "
        out += "source: \(conversion.source ?? "not stated").\n\n"
        var table = MarkdownTable(header: ["Benefit chain", "Value"])
        table.append(["Effect per unit per month", NumberText.statistic(benefits.effectPerUnitPerMonth)])
        table.append(["Value per unit of outcome", NumberText.statistic(conversion.valuePerUnit)])
        table.append(["Population (\(benefits.populationBasis))", NumberText.grouped(benefits.population, decimals: 0)])
        table.append(["Monthly benefits", NumberText.money(benefits.monthlyBenefits)])
        table.append(["Horizon (months)", NumberText.grouped(benefits.horizonMonths, decimals: 0)])
        table.append(["Total benefits", NumberText.money(benefits.totalBenefits)])
        return out + table.markdown + "\n"
    }

    private var costsSection: String {
        var table = MarkdownTable(
            header: ["Category", "Item", "Hours", "Rate", "Amount", "Source"],
            alignments: [.left, .left, .right, .right, .right, .left])
        for line in costs.items {
            table.append([
                line.category, line.item, line.hours.map { NumberText.grouped($0, decimals: 0) } ?? "",
                line.rate.map { NumberText.money($0) } ?? "", NumberText.money(line.amount), line.source ?? "not stated",
            ])
        }
        for subtotal in costs.subtotals {
            table.append([subtotal.category, "Subtotal", "", "", NumberText.money(subtotal.amount), ""])
        }
        table.append(["All", "Total fully loaded costs", "", "", NumberText.money(costs.total), ""])
        return "## Costs (fully loaded)\n\n" + table.markdown + "\n"
    }

    private var roiSection: String {
        var table = MarkdownTable(header: ["Figure", "Point", "Lower", "Upper"])
        func row(_ name: String, _ f: Figure, _ format: (Double) -> String) {
            table.append([name, format(f.point), format(f.lower), format(f.upper)])
        }
        row("Benefits", roi.benefits, NumberText.money)
        table.append(["Costs", NumberText.money(roi.costs), NumberText.money(roi.costs), NumberText.money(roi.costs)])
        row("Net benefits", roi.netBenefits, NumberText.money)
        row("ROI", roi.roiPercent, NumberText.percent)
        row("Benefit–cost ratio", roi.benefitCostRatio) { NumberText.grouped($0, decimals: 2) }
        row("Payback (months)", roi.paybackMonths) { NumberText.grouped($0, decimals: 1) }
        return "## Return on investment\n\n" + table.markdown
            + "\nIntervals: \(levelText) \(bootstrap.scheme) \(bootstrap.interval) intervals from the same replicates as the effect; "
            + "costs are fixed. Share of replicates with positive net benefits: \(NumberText.percent(roi.probabilityPositive * 100)).\n\n"
    }

    private var bootstrapSection: String {
        var table = MarkdownTable(header: ["Bootstrap", ""], alignments: [.left, .left])
        table.append(["Scheme", bootstrap.scheme])
        table.append(["Interval", bootstrap.interval])
        table.append(["Replicates", NumberText.grouped(Double(bootstrap.replicates))])
        table.append(["Failed replicates", String(bootstrap.failed)])
        table.append(["Seed", String(bootstrap.seed)])
        table.append(["Level", levelText])
        var out = "## Bootstrap\n\n" + table.markdown + "\n"
        if bootstrap.usesExtremes {
            out += "Extreme order statistics were used as interval endpoints: use more replicates for this level.\n\n"
        }
        return out
    }

    private var closingSections: String {
        var out = "## Assumptions\n\n" + assumptions.map { "- \($0)\n" }.joined() + "\n"
        out += "## Guiding principles applied\n\n"
        out += principles.map { "- \($0.number). \($0.title): \($0.application)\n" }.joined() + "\n"
        if !defaultsApplied.isEmpty {
            out += "## Defaults applied\n\n" + defaultsApplied.map { "- \($0)\n" }.joined() + "\n"
        }
        out += "## Warnings\n\n"
        out += warnings.isEmpty ? "None.\n" : warnings.map { "- \($0)\n" }.joined()
        return out
    }
}
