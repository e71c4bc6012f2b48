/// The identification evidence of the HTML study report, as plots with their tables: treated vs
/// comparison trends, the event-study path with its bands, and covariate balance (a love plot).
/// Every value is read from the report; a section whose data are absent is left out.
extension StudyReport {
    var htmlTrends: String {
        guard let trends, trends.series.contains(where: { !$0.times.isEmpty }) else { return "" }
        return Self.section("trends", "Treated vs comparison trends of \(design.outcome)", trendsPlot(trends))
    }

    /// The trends chart in a figure whose caption lists the treatment starts.
    func trendsPlot(_ s: TrendSection) -> String {
        let asDate = SVGAxis.looksLikeDays(s.series.flatMap(\.times) + s.treatmentStarts)
        let starts = s.treatmentStarts.map { Self.timeText($0, asDate: asDate) }.joined(separator: ", ")
        return Self.figure(
            trendsChart(s).svg,
            caption: "Mean \(design.outcome) by \(s.time) for each group; vertical lines mark the treatment start"
                + (s.treatmentStarts.count == 1 ? "" : "s") + (starts.isEmpty ? "" : " (\(starts))") + ".")
    }

    /// One line per series over time; the treatment start(s) marked with vertical rules.
    func trendsChart(_ s: TrendSection) -> SVGPlot {
        let allTimes = s.series.flatMap(\.times) + s.treatmentStarts
        // Day counts are labelled as ISO dates; the rule (whole values ≥ 3650) is `SVGAxis.looksLikeDays`.
        let asDate = SVGAxis.looksLikeDays(allTimes)
        // Every other series dashed, so that two groups stay apart in grey-scale print.
        let styles = s.series.indices.map { (color: SVGPlot.palette[$0 % SVGPlot.palette.count], dashed: $0 % 2 == 1) }
        var legend = zip(s.series, styles).map { SVGLegendEntry(name: $0.name, color: $1.color, key: .line(dashed: $1.dashed)) }
        // The starts are keyed in the legend rather than labelled on the plot, where the labels of
        // close starts (staggered cohorts a month apart) would overlap.
        if !s.treatmentStarts.isEmpty {
            let name = s.treatmentStarts.count == 1 ? "treatment start" : "treatment starts"
            legend.append(.init(name: name, color: "#555555", key: .line(dashed: true)))
        }
        var plot = SVGPlot(
            title: "Mean \(design.outcome) by period and group", x: .time(covering: allTimes),
            y: .nice(covering: s.series.flatMap(\.means)), xTitle: s.time + (asDate ? " (date)" : ""),
            yTitle: "mean \(design.outcome)", height: 280, topMargin: SVGPlot.legendAboveMargin(legend) + 6)
        for (series, style) in zip(s.series, styles) {
            plot.line(
                zip(series.times, series.means).map { (x: $0, y: $1) }, color: style.color, dashed: style.dashed,
                markers: series.times.count <= 24)
        }
        for start in s.treatmentStarts { plot.verticalRule(at: start, color: "#555555") }
        plot.legendAbove(legend)
        return plot
    }

    var htmlEventStudy: String {
        guard let eventStudy, !eventStudy.points.isEmpty else { return "" }
        var body = eventStudyPlot(eventStudy) + Self.paragraph(Self.preTrendText(eventStudy))
        body += Self.table(
            header: Self.eventStudyHeader(eventStudy), rows: Self.eventStudyRows(eventStudy),
            numeric: Set(1..<Self.eventStudyHeader(eventStudy).count))
        return Self.section("event-study", "Effect by event time (\(eventStudy.estimator))", body)
    }

    /// The event-study chart in a figure with its caption.
    func eventStudyPlot(_ s: EventStudySection) -> String {
        let level = NumberText.level(s.level)
        var caption = "\(s.estimator). Shaded: the \(level) pointwise band"
        caption += Self.hasUniformBand(s) ? " (dark) and the \(level) uniform (simultaneous) band (light)" : ""
        caption += s.referencePeriod.map { "; event time \(NumberText.grouped(Double($0))) is the reference period" } ?? ""
        return Self.figure(eventStudyChart(s).svg, caption: caption + ".")
    }

    /// Estimates by event time over a shaded pointwise band and, when present, the wider uniform
    /// band; zero and the reference period marked, the reference point hollow (it is normalised,
    /// not estimated).
    func eventStudyChart(_ s: EventStudySection) -> SVGPlot {
        let times = s.points.map { Double($0.eventTime) }
        let uniform = Self.hasUniformBand(s)
        var values = s.points.flatMap { [$0.estimate, $0.lower, $0.upper] }
        if uniform { values += s.points.flatMap { [$0.uniformLower, $0.uniformUpper].compactMap { $0 } } }
        var plot = SVGPlot(
            title: "Effect on \(design.outcome) by event time",
            x: Self.eventTimeAxis(times + [s.referencePeriod].compactMap { $0.map(Double.init) }), y: .nice(covering: values, including: [0]),
            xTitle: "event time (periods since treatment)", yTitle: "effect on \(design.outcome)", height: 280, topMargin: 30)
        let level = NumberText.level(s.level)
        var legend: [SVGLegendEntry] = [.init(name: "estimate", color: SVGPlot.palette[0], key: .point(hollow: false))]
        if uniform {
            let withBand = s.points.filter { $0.uniformLower != nil && $0.uniformUpper != nil }
            plot.band(
                x: withBand.map { Double($0.eventTime) }, lower: withBand.map { $0.uniformLower! }, upper: withBand.map { $0.uniformUpper! },
                color: SVGPlot.palette[5])
            legend.append(.init(name: "uniform \(level)", color: SVGPlot.palette[5], key: .swatch(opacity: 0.2)))
        }
        plot.band(x: times, lower: s.points.map(\.lower), upper: s.points.map(\.upper), color: SVGPlot.palette[0])
        legend.insert(.init(name: "pointwise \(level)", color: SVGPlot.palette[0], key: .swatch(opacity: 0.35)), at: 1)
        plot.horizontalRule(at: 0, color: "#666666", dashed: false)
        if let reference = s.referencePeriod {
            plot.verticalRule(at: Double(reference), label: "reference", color: "#555555")
        }
        let estimated = s.points.filter { $0.eventTime != s.referencePeriod }
        plot.line(zip(times, s.points.map(\.estimate)).map { (x: $0, y: $1) }, color: SVGPlot.palette[0], markers: false)
        plot.points(estimated.map { (x: Double($0.eventTime), y: $0.estimate) }, color: SVGPlot.palette[0])
        if let reference = s.referencePeriod {
            // An omitted reference period is zero by the normalisation, so it is drawn at 0 when the
            // estimator did not list it among the points.
            let y = s.points.first { $0.eventTime == reference }?.estimate ?? 0
            plot.points([(x: Double(reference), y: y)], color: SVGPlot.palette[0], hollow: true)
            legend.append(.init(name: "reference", color: SVGPlot.palette[0], key: .point(hollow: true)))
        }
        plot.legendAbove(legend)
        return plot
    }

    /// Event times as integers: one tick per period for up to 16 periods, with half a period of
    /// room at each end so that the first and last points do not sit on the frame; nice ticks beyond.
    static func eventTimeAxis(_ times: [Double]) -> SVGAxis {
        guard let low = times.min(), let high = times.max(), high - low <= 16 else { return .nice(covering: times) }
        let ticks = stride(from: low, through: high, by: 1).map { $0 }
        return SVGAxis(lower: low - 0.5, upper: high + 0.5, ticks: ticks, labels: ticks.map { NumberText.grouped($0) })
    }

    var htmlBalance: String {
        guard let balance, !balance.rows.isEmpty else { return "" }
        let body =
            Self.paragraph("Adjustment: \(balance.adjustment).") + lovePlot(balance)
            + Self.table(header: Self.balanceHeader(balance), rows: Self.balanceRows(balance), numeric: [1, 2])
        return Self.section("balance", "Covariate balance", body)
    }

    /// |standardised mean difference| per covariate before (hollow) and after (filled) adjustment,
    /// joined by a thin line, with the balance threshold marked (a love plot; Ahmed et al. 2006, cobalt).
    func lovePlot(_ s: BalanceSection) -> String {
        let names = s.rows.map { Self.axisLabel($0.covariate, limit: 30) }
        let values = s.rows.flatMap { [abs($0.before)] + ($0.after.map { [abs($0)] } ?? []) }
        var plot = SVGPlot(
            title: "Standardised mean differences before and after adjustment", x: .nice(covering: values + [s.threshold], including: [0]),
            y: .categories(names), xTitle: "|standardised mean difference|", height: 88 + 28 * Double(names.count),
            leftMargin: Self.leftMargin(for: names), topMargin: 30)
        // A covariate without an adjusted value gets a non-finite range, which `rangeBars` leaves out.
        plot.rangeBars(
            s.rows.map { r in r.after.map { (low: abs(r.before), high: abs($0)) } ?? (low: .nan, high: .nan) }, color: "#999999",
            thickness: 2, opacity: 1)
        plot.verticalRule(at: s.threshold, label: NumberText.statistic(s.threshold), color: "#555555")
        plot.points(s.rows.enumerated().map { (x: abs($1.before), y: Double($0)) }, color: SVGPlot.palette[1], hollow: true)
        plot.points(s.rows.enumerated().compactMap { k, r in r.after.map { (x: abs($0), y: Double(k)) } }, color: SVGPlot.palette[0])
        plot.legendAbove([
            .init(name: "before", color: SVGPlot.palette[1], key: .point(hollow: true)),
            .init(name: "after adjustment", color: SVGPlot.palette[0], key: .point(hollow: false)),
            .init(name: "threshold", color: "#555555", key: .line(dashed: true)),
        ])
        return Self.figure(
            plot.svg,
            caption: "Hollow: before adjustment; filled: after \(s.adjustment). The dashed line is the balance threshold "
                + "|SMD| = \(NumberText.statistic(s.threshold)).")
    }
}
