/// The attribution sections of the Markdown study report, as tables where the HTML report has a
/// plot (a plot has no Markdown form). Rows come from `StudyReport+AttributionText.swift`, shared
/// with the HTML report, so both show the same figures. A section whose data are absent is left
/// out; diagnostics says "None run." instead.
extension StudyReport {
    /// A Markdown table from a header and rows; columns in `right` are right-aligned.
    private static func markdownTable(_ header: [String], _ rows: [[String]], right: Set<Int>) -> String {
        var table = MarkdownTable(header: header, alignments: header.indices.map { right.contains($0) ? .right : .left })
        for row in rows { table.append(row) }
        return table.markdown + "\n"
    }

    var markdownChainOfImpact: String {
        guard let chain = chainOfImpact else { return "" }
        let rows = chain.levels.map { l -> [String] in
            let c = Self.chainCells(l)
            return [String(l.level), l.name, c.status, c.measures.isEmpty ? "—" : c.measures.joined(separator: "; "), c.source]
        }
        var out = "## Chain of impact (levels 1–5)\n\n" + Self.markdownTable(Self.chainHeader, rows, right: [0])
        out += "### \(Self.intangiblesHeading)\n\n"
        out += chain.intangibles.isEmpty ? "None listed.\n\n" : chain.intangibles.map { "- \($0)\n" }.joined() + "\n"
        return out
    }

    var markdownTrends: String {
        guard let trends, trends.series.contains(where: { !$0.times.isEmpty }) else { return "" }
        let asDate = SVGAxis.looksLikeDays(trends.series.flatMap(\.times) + trends.treatmentStarts)
        // One row per period of any series, in time order; a series without that period shows "—".
        let times = Array(Set(trends.series.flatMap(\.times))).sorted()
        let rows = times.map { t in
            [Self.timeText(t, asDate: asDate)]
                + trends.series.map { s in s.times.firstIndex(of: t).map { NumberText.grouped(s.means[$0], decimals: 2) } ?? "—" }
        }
        var out = "## Treated vs comparison trends of \(design.outcome)\n\n"
        out += Self.markdownTable([trends.time] + trends.series.map(\.name), rows, right: Set(1...trends.series.count))
        if !trends.treatmentStarts.isEmpty {
            out += "Treatment starts: \(trends.treatmentStarts.map { Self.timeText($0, asDate: asDate) }.joined(separator: ", ")).\n\n"
        }
        return out
    }

    var markdownEventStudy: String {
        guard let eventStudy, !eventStudy.points.isEmpty else { return "" }
        let header = Self.eventStudyHeader(eventStudy)
        var out = "## Effect by event time (\(eventStudy.estimator))\n\n"
        out += Self.markdownTable(header, Self.eventStudyRows(eventStudy), right: Set(1..<header.count))
        out += "Bands at \(NumberText.level(eventStudy.level)); \(Self.preTrendText(eventStudy))\n\n"
        return out
    }

    var markdownIsolation: String {
        guard let isolation else { return "" }
        var out = "## Isolation methods side by side (\(isolation.kpi))\n\n"
        out += Self.markdownTable(Self.isolationHeader, Self.isolationRows(isolation), right: [1, 2, 3, 4, 6, 7])
        return out + "Headline: \(isolation.headline.label), because \(isolation.reasonSentence)\n\n"
    }

    var markdownBalance: String {
        guard let balance, !balance.rows.isEmpty else { return "" }
        return "## Covariate balance\n\nAdjustment: \(balance.adjustment).\n\n"
            + Self.markdownTable(Self.balanceHeader(balance), Self.balanceRows(balance), right: [1, 2])
    }

    var markdownConversionTable: String {
        guard let conversions, !conversions.isEmpty else { return "" }
        return "## Conversion table\n\n" + Self.markdownTable(Self.conversionHeader, Self.conversionRows(conversions), right: [1])
    }

    var markdownSensitivity: String {
        guard let sensitivity else { return "" }
        var out = ""
        if let curve = sensitivity.breakdown, !curve.points.isEmpty {
            out += "### ROI interval under violations of parallel trends\n\n"
            out += Self.markdownTable(Self.breakdownHeader, Self.breakdownRows(curve), right: [0, 1, 2])
            out += Self.breakdownText(curve) + "\n\n"
        }
        if !sensitivity.tornado.isEmpty {
            out += "### Tornado: ROI over each assumption's range\n\n"
            if let base = sensitivity.baseROIPercent { out += "Base ROI: \(NumberText.percent(base)).\n\n" }
            out += Self.markdownTable(Self.tornadoHeader, Self.tornadoRows(sensitivity.tornado), right: [1, 2, 3, 4])
        }
        if !sensitivity.principleAdjustments.isEmpty {
            out += "### Guiding-principle adjustments (before → after)\n\n"
            out += Self.markdownTable(Self.adjustmentHeader, Self.adjustmentRows(sensitivity.principleAdjustments), right: [0, 2, 3])
        }
        return out.isEmpty ? "" : "## Sensitivity of the ROI\n\n" + out
    }

    var markdownDiagnostics: String {
        guard !diagnostics.isEmpty else { return "## Diagnostics\n\nNone run.\n\n" }
        return "## Diagnostics\n\n" + Self.markdownTable(Self.diagnosticsHeader, Self.diagnosticRows(diagnostics), right: [])
    }
}
