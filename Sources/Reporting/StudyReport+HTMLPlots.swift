/// The inline SVG plots of the HTML study report. Each reads values from the report (or the
/// supplement's replicates) and draws them with `SVGPlot`; nothing is estimated here.
extension StudyReport {
    /// Treated and comparison means before and after, one line per group (the 2×2 means table as a
    /// trend plot; the gap between the changes is the difference in differences).
    var meansPlot: String {
        guard let means else { return "" }
        let groups = [("treated", "Treated", SVGPlot.palette[0], false), ("control", "Comparison", SVGPlot.palette[1], true)]
        let values = means.cells.map(\.mean)
        guard !values.isEmpty else { return "" }
        var plot = SVGPlot(
            title: "Mean \(design.outcome) by group, before and after", x: .categories(["pre", "post"]),
            y: .nice(covering: values), xTitle: "period", yTitle: "mean \(design.outcome)", height: 240)
        for (group, _, color, dashed) in groups {
            let points = ["pre", "post"].enumerated().compactMap { k, period in
                means.cell(group: group, period: period).map { (x: Double(k), y: $0.mean) }
            }
            plot.line(points, color: color, dashed: dashed)
        }
        plot.legend(groups.map { (name: $0.1, color: $0.2) })
        return Self.figure(
            plot.svg,
            caption: "Means of \(design.outcome) in the pre and post periods; treated solid, comparison dashed. "
                + "Difference in differences: \(NumberText.grouped(means.doubleDifference, decimals: 2)).")
    }

    /// The effect with its analytic and bootstrap intervals (a two-row forest plot), with zero marked.
    var effectPlot: String {
        let rows = [("Analytic", effect.analytic), ("Bootstrap", effect.bootstrap)]
        let x = SVGAxis.nice(covering: rows.flatMap { [$0.1.lower, $0.1.upper] } + [effect.estimate], including: [0])
        var plot = SVGPlot(
            title: "Effect on \(design.outcome) with \(NumberText.level(effect.analytic.level)) intervals", x: x,
            y: .categories(rows.map(\.0)), xTitle: effect.unitDescription, height: 150, leftMargin: 80)
        plot.pointsWithErrorBars(
            rows.enumerated().map { k, row in
                (position: Double(k), estimate: effect.estimate, lower: row.1.lower, upper: row.1.upper)
            }, horizontal: true, color: SVGPlot.palette[0])
        return Self.figure(
            plot.svg,
            caption: "Point estimate \(NumberText.statistic(effect.estimate)); bars show the analytic (\(effect.analytic.method)) "
                + "and bootstrap (\(effect.bootstrap.method)) intervals.")
    }

    /// Fully loaded costs by category as horizontal bars, each labelled with its amount.
    var costPlot: String {
        guard !costs.subtotals.isEmpty else { return "" }
        let amounts = costs.subtotals.map(\.amount)
        var plot = SVGPlot(
            title: "Fully loaded costs by category", x: .nice(covering: amounts, including: [0]),
            y: .categories(costs.subtotals.map(\.category)), xTitle: "cost", height: 66 + 30 * Double(amounts.count),
            leftMargin: 90)
        plot.horizontalBars(amounts, labels: amounts.map(NumberText.money), color: SVGPlot.palette[2])
        return Self.figure(plot.svg, caption: "Subtotals by category; total \(NumberText.money(costs.total)).")
    }

    /// The bootstrap distribution of the ROI as a histogram, with the interval shaded and its ends
    /// and the point estimate marked.
    func htmlBootstrap(_ supplement: HTMLSupplement?) -> String {
        let rows = [
            ["Scheme", bootstrap.scheme], ["Interval", bootstrap.interval],
            ["Replicates", NumberText.grouped(Double(bootstrap.replicates))], ["Failed replicates", String(bootstrap.failed)],
            ["Seed", String(bootstrap.seed)], ["Level", NumberText.level(bootstrap.level)],
        ]
        var body = Self.table(header: ["Bootstrap", ""], rows: rows)
        if bootstrap.usesExtremes {
            body += Self.paragraph(
                "Extreme order statistics were used as interval endpoints: use more replicates for this level.", cssClass: "warning")
        }
        if let replicates = supplement?.roiReplicates, !replicates.isEmpty {
            body += roiHistogram(replicates)
        } else {
            body += Self.paragraph("The ROI replicates were not supplied to the renderer, so their histogram is not shown.")
        }
        return Self.section("bootstrap", "Bootstrap distribution of ROI", body)
    }

    private func roiHistogram(_ replicates: [Double]) -> String {
        let bins = SVGHistogram(values: replicates)
        let r = roi.roiPercent
        let x = SVGAxis.nice(covering: bins.edges + [r.lower, r.upper, r.point])
        let y = SVGAxis.nice(covering: bins.counts.map(Double.init), including: [0], targetTicks: 4)
        var plot = SVGPlot(
            title: "Bootstrap distribution of ROI (%)", x: x, y: y, xTitle: "ROI (%)", yTitle: "replicates", height: 260)
        if r.lower.isFinite && r.upper.isFinite { plot.verticalBand(from: r.lower, to: r.upper, color: SVGPlot.palette[0]) }
        plot.histogram(bins, color: SVGPlot.palette[5])
        for (value, label) in [(r.lower, "lower"), (r.upper, "upper")] where value.isFinite {
            plot.verticalRule(at: value, label: label, color: SVGPlot.palette[0])
        }
        if r.point.isFinite { plot.verticalRule(at: r.point, label: "point", color: SVGPlot.palette[1], dashed: false) }
        var caption = "\(NumberText.grouped(Double(replicates.count - bins.excluded))) replicate ROIs; shaded: the "
        caption += "\(NumberText.level(roi.level)) \(bootstrap.interval) interval \(NumberText.percent(r.lower)) to "
        caption += "\(NumberText.percent(r.upper)); point estimate \(NumberText.percent(r.point))."
        if bins.excluded > 0 { caption += " \(bins.excluded) non-finite replicate value(s) are not drawn." }
        return Self.figure(plot.svg, caption: caption)
    }
}
