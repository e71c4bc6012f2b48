/// The text and table sections of the HTML study report. Formatting only: numbers are read from
/// the report and formatted with `NumberText`, as in the Markdown report.
extension StudyReport {
    private var htmlLevel: String { NumberText.level(roi.level) }

    /// The ROI range in words, with the reading of its sign that guiding principle 4 (the most
    /// conservative alternative) asks for: the lower end is the figure to quote.
    public var roiRangeInWords: String {
        let r = roi.roiPercent
        var text = "At the \(htmlLevel) level, the program returned between \(NumberText.percent(r.lower)) and "
        text += "\(NumberText.percent(r.upper)) on its fully loaded costs of \(NumberText.money(roi.costs)): each unit of money "
        text += "invested came back as between \(NumberText.grouped(roi.benefitCostRatio.lower, decimals: 2)) and "
        text += "\(NumberText.grouped(roi.benefitCostRatio.upper, decimals: 2)) in benefits over "
        text += "\(NumberText.grouped(benefits.horizonMonths, decimals: 0)) months. "
        if r.lower > 0 {
            text += "Even the conservative lower end is a gain: the program more than pays for itself."
        } else if r.upper < 0 {
            text += "Even the upper end is a loss: the program does not recover its costs over the horizon."
        } else {
            text += "The range includes both a loss and a gain: the data do not establish that the program pays for itself."
        }
        return text
    }

    var htmlSummary: String {
        let items = [
            "Effect on \(effect.unitDescription): \(NumberText.statistic(effect.estimate)) "
                + "(\(htmlLevel) CI \(NumberText.statistic(effect.analytic.lower)) to \(NumberText.statistic(effect.analytic.upper)), "
                + "\(design.covariance)).",
            "Benefits over \(NumberText.grouped(benefits.horizonMonths, decimals: 0)) months: \(NumberText.money(roi.benefits.point)) "
                + "(\(NumberText.money(roi.benefits.lower)) to \(NumberText.money(roi.benefits.upper))); "
                + "fully loaded costs: \(NumberText.money(costs.total)).",
            "Payback: \(NumberText.grouped(roi.paybackMonths.point, decimals: 1)) months "
                + "(\(NumberText.grouped(roi.paybackMonths.lower, decimals: 1)) to \(NumberText.grouped(roi.paybackMonths.upper, decimals: 1))).",
        ]
        var body = Self.paragraph(roiRangeInWords) + Self.paragraph(roiProbabilitiesInWords)
        if let method = headlineMethodInWords { body += Self.paragraph(method) }
        return Self.section("summary", "Executive summary", body + Self.list(items))
    }

    var htmlDesign: String {
        let rows = [
            ["Method", design.method], ["Outcome", design.outcome], ["Unit", design.unit], ["Time", design.time],
            ["Treated group", design.treatedGroup], ["Post period", design.period], ["Control group", design.controlGroup],
            ["Cluster", design.cluster], ["Covariance", design.covariance],
        ]
        return Self.section("design", "Design", Self.table(header: ["Design", ""], rows: rows))
    }

    var htmlObservations: String {
        var body = Self.paragraph(
            "N = \(NumberText.grouped(Double(observations.usedRows))) of \(NumberText.grouped(Double(observations.totalRows))) rows used; "
                + "\(observations.clusters) clusters (\(design.cluster)); \(observations.treatedUnits) treated and "
                + "\(observations.controlUnits) control units (\(design.unit)).")
        if observations.dropped.isEmpty {
            body += Self.paragraph("No rows were dropped.")
        } else {
            var rows = observations.dropped.map { [$0.reason, NumberText.grouped(Double($0.count))] }
            rows.append(["Total dropped", NumberText.grouped(Double(observations.droppedCount))])
            body += Self.table(header: ["Dropped rows: reason", "Rows"], rows: rows, numeric: [1], totals: [rows.count - 1])
        }
        return Self.section("observations", "Observations", body)
    }

    var htmlMeans: String {
        guard let means else { return "" }
        var rows: [[String]] = []
        for (group, change) in [("treated", means.treatedChange), ("control", means.controlChange)] {
            let pre = means.cell(group: group, period: "pre")
            let post = means.cell(group: group, period: "post")
            rows.append([
                group, pre.map { NumberText.grouped($0.mean, decimals: 2) } ?? "n/a",
                pre.map { NumberText.grouped(Double($0.count)) } ?? "0",
                post.map { NumberText.grouped($0.mean, decimals: 2) } ?? "n/a",
                post.map { NumberText.grouped(Double($0.count)) } ?? "0", NumberText.grouped(change, decimals: 2),
            ])
        }
        var body = Self.table(
            header: ["Group", "Pre mean", "Pre N", "Post mean", "Post N", "Change"], rows: rows, numeric: [1, 2, 3, 4, 5])
        body += Self.paragraph("Difference in differences: \(NumberText.grouped(means.doubleDifference, decimals: 2)).")
        body += meansPlot
        return Self.section("means", "Treated vs comparison means of \(design.outcome)", body)
    }

    var htmlEffect: String {
        let rows = [
            [
                "Analytic", NumberText.statistic(effect.estimate), NumberText.statistic(effect.standardError),
                NumberText.statistic(effect.analytic.lower), NumberText.statistic(effect.analytic.upper), effect.analytic.method,
            ],
            [
                "Bootstrap", NumberText.statistic(effect.estimate), "", NumberText.statistic(effect.bootstrap.lower),
                NumberText.statistic(effect.bootstrap.upper), effect.bootstrap.method,
            ],
        ]
        var body = Self.table(header: ["Effect", "Estimate", "SE", "Lower", "Upper", "Method"], rows: rows, numeric: [1, 2, 3, 4])
        body += Self.paragraph("Intervals at \(htmlLevel); analytic test of no effect: \(NumberText.pEquation(effect.pValue)).")
        body += effectPlot
        return Self.section("effect", "Effect (\(effect.unitDescription))", body)
    }

    var htmlConversion: String {
        let rows = [
            ["Effect per unit per month", NumberText.statistic(benefits.effectPerUnitPerMonth), ""],
            [
                "Value per unit of outcome (\(conversion.unit))", NumberText.statistic(conversion.valuePerUnit),
                conversion.source ?? "not stated",
            ],
            ["Population (\(benefits.populationBasis))", NumberText.grouped(benefits.population, decimals: 0), ""],
            ["Monthly benefits", NumberText.money(benefits.monthlyBenefits), ""],
            ["Horizon (months)", NumberText.grouped(benefits.horizonMonths, decimals: 0), ""],
            ["Total benefits", NumberText.money(benefits.totalBenefits), ""],
        ]
        return Self.section(
            "conversion", "Conversion to money and benefits",
            Self.table(header: ["Benefit chain", "Value", "Source"], rows: rows, numeric: [1], totals: [rows.count - 1]))
    }

    var htmlCosts: String {
        var rows = costs.items.map { line in
            [
                line.category, line.item, line.hours.map { NumberText.grouped($0, decimals: 0) } ?? "",
                line.rate.map { NumberText.money($0) } ?? "", NumberText.money(line.amount), line.source ?? "not stated",
            ]
        }
        for s in costs.subtotals { rows.append([s.category, "Subtotal", "", "", NumberText.money(s.amount), ""]) }
        rows.append(["All", "Total fully loaded costs", "", "", NumberText.money(costs.total), ""])
        let body = Self.table(
            header: ["Category", "Item", "Hours", "Rate", "Amount", "Source"], rows: rows, numeric: [2, 3, 4],
            totals: [rows.count - 1])
        return Self.section("costs", "Costs (fully loaded)", body + costPlot)
    }

    var htmlROI: String {
        func row(_ name: String, _ f: Figure, _ format: (Double) -> String) -> [String] {
            [name, format(f.point), format(f.lower), format(f.upper)]
        }
        let rows = [
            row("Benefits", roi.benefits, NumberText.money),
            ["Costs", NumberText.money(roi.costs), NumberText.money(roi.costs), NumberText.money(roi.costs)],
            row("Net benefits", roi.netBenefits, NumberText.money), row("ROI", roi.roiPercent, NumberText.percent),
            row("Benefit–cost ratio", roi.benefitCostRatio) { NumberText.grouped($0, decimals: 2) },
            row("Payback (months)", roi.paybackMonths) { NumberText.grouped($0, decimals: 1) },
        ]
        var body = Self.table(header: ["Figure", "Point", "Lower", "Upper"], rows: rows, numeric: [1, 2, 3])
        body += Self.paragraph(
            "Intervals: \(htmlLevel) \(bootstrap.scheme) \(bootstrap.interval) intervals from the same replicates as the effect; "
                + "costs are fixed. Share of replicates with positive net benefits: \(NumberText.percent(roi.probabilityPositive * 100)).")
        return Self.section("roi", "ROI, benefit–cost ratio and payback", body)
    }

    var htmlAssumptions: String {
        var body = Self.list(assumptions)
        if !defaultsApplied.isEmpty {
            body += "<h3>Defaults applied</h3>\n" + Self.list(defaultsApplied)
        }
        return Self.section("assumptions", "Assumptions", body)
    }

    var htmlPrinciples: String {
        let rows = principles.map { [String($0.number), $0.title, $0.application] }
        return Self.section(
            "principles", "Guiding principles applied",
            Self.table(header: ["#", "Principle", "How this study applied it"], rows: rows, numeric: [0]))
    }

    var htmlWarnings: String {
        Self.section("warnings", "Warnings", warnings.isEmpty ? Self.paragraph("None.") : Self.list(warnings, cssClass: "warning"))
    }

    func htmlReproducibility(_ supplement: HTMLSupplement?) -> String {
        let rows = [
            ["Tool", supplement?.toolVersion ?? "not recorded"],
            ["Study file", studyFile],
            ["Data file", dataFile],
            ["Data SHA-256", supplement?.dataSHA256 ?? "not recorded"],
            ["Seed", String(bootstrap.seed)],
            ["Replicates", "\(NumberText.grouped(Double(bootstrap.replicates))) (\(bootstrap.failed) failed)"],
            ["Command", supplement?.command ?? "not recorded"],
        ]
        let body =
            Self.table(header: ["Reproducibility", ""], rows: rows)
            + Self.paragraph(
                "Rerunning the command with the same study file on a data file with this SHA-256 reproduces every figure; "
                    + "results do not depend on the number of threads.")
        return "<footer>\n" + Self.section("reproducibility", "Reproducibility", body) + "</footer>\n"
    }
}
