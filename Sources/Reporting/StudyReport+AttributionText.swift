/// The attribution sections as text rows and sentences, shared by the Markdown and HTML writers so
/// that both show the same figures with the same formatting. Formatting only: every number is read
/// from the report (house style 10); nothing here is estimated.
extension StudyReport {
    /// The ROI's probabilities and NPV in words: P(ROI > 0) always; P(ROI > hurdle) and the NPV
    /// range when the study states a hurdle and a discount rate.
    ///
    /// P(ROI > 0) is the share of bootstrap replicates with positive net benefits (ROI > 0 exactly
    /// when benefits exceed costs), so the sentence names it both ways.
    public var roiProbabilitiesInWords: String {
        var text = "The ROI was above 0 % (net benefits positive) in \(NumberText.percent(roi.probabilityPositive * 100)) "
        text += "of the bootstrap replicates"
        if let hurdle = roi.hurdlePercent, let share = roi.probabilityAboveHurdle {
            text += " and above the hurdle of \(NumberText.percent(hurdle)) in \(NumberText.percent(share * 100))"
        } else if let hurdle = roi.hurdlePercent {
            text += "; the share above the hurdle of \(NumberText.percent(hurdle)) was not computed"
        }
        text += "."
        if let npv = roi.netPresentValue {
            text += " Net present value: \(NumberText.money(npv.point)) (\(NumberText.level(roi.level)) interval "
            text += "\(NumberText.money(npv.lower)) to \(NumberText.money(npv.upper)))."
        }
        return text
    }

    /// The headline isolation method and why it was chosen (guiding principle 4); `nil` when the
    /// study compared no isolation methods.
    public var headlineMethodInWords: String? {
        guard let isolation else { return nil }
        let row = isolation.headline
        var text = "Headline isolation method: \(row.label), effect \(NumberText.statistic(row.estimate)) "
        text += "(\(NumberText.level(row.interval.level)) interval \(NumberText.statistic(row.interval.lower)) to "
        text += "\(NumberText.statistic(row.interval.upper))), chosen from \(isolation.methods.count) "
        text += isolation.methods.count == 1 ? "method" : "methods"
        return text + " because: \(isolation.reasonSentence)"
    }

    /// One measure of a level in words: "label: value (95 % interval a to b; detail)".
    static func measureText(_ m: ImpactMeasure) -> String {
        var parts: [String] = []
        if let i = m.interval {
            parts.append("\(NumberText.level(i.level)) interval \(NumberText.statistic(i.lower)) to \(NumberText.statistic(i.upper))")
        }
        if let detail = m.detail { parts.append(detail) }
        var text = m.label
        if let value = m.value { text += ": \(NumberText.statistic(value))" }
        return parts.isEmpty ? text : text + " (\(parts.joined(separator: "; ")))"
    }

    /// Header of the isolation table.
    static let isolationHeader = ["Method", "Estimate", "SE", "Lower", "Upper", "Interval", "Replicates", "N", "Notes"]

    /// One row per isolation method; the headline's method cell ends with "(headline)", so the
    /// choice reads without colour.
    static func isolationRows(_ s: IsolationComparison) -> [[String]] {
        s.methods.enumerated().map { k, m in
            [
                m.label + (k == s.headlineIndex ? " (headline)" : ""), NumberText.statistic(m.estimate),
                m.standardError.map { NumberText.statistic($0) } ?? "—", NumberText.statistic(m.interval.lower),
                NumberText.statistic(m.interval.upper), "\(NumberText.level(m.interval.level)) \(m.interval.method)",
                m.replicates > 0 ? NumberText.grouped(Double(m.replicates)) : "analytic",
                m.observations.map { NumberText.grouped(Double($0)) } ?? "—", m.notes.isEmpty ? "—" : m.notes.joined(separator: "; "),
            ]
        }
    }

    /// Header of the chain-of-impact table.
    static let chainHeader = ["Level", "Name", "Status", "Key measures", "Source"]

    /// Status, measures and source of one level; a level not measured says "not collected".
    static func chainCells(_ l: ImpactLevel) -> (status: String, measures: [String], source: String) {
        let source = l.source ?? (l.measured ? "not stated" : "—")
        return (l.measured ? "measured" : "not collected", l.measures.map(measureText), source)
    }

    /// The heading of the intangibles list.
    static let intangiblesHeading = "Intangibles: not converted to money (guiding principle 11)"

    /// Header of the conversion table.
    static let conversionHeader = ["KPI", "Value per unit", "Unit", "Source", "Credibility", "Uncertainty", "Derivation"]

    /// One row per conversion; an unstated source or credibility says so, a fixed value says "fixed".
    static func conversionRows(_ rows: [ConversionRow]) -> [[String]] {
        rows.map {
            [
                $0.kpi, NumberText.statistic($0.valuePerUnit), $0.unit, $0.source ?? "not stated", $0.credibility ?? "not stated",
                $0.uncertainty ?? "fixed", $0.derivation ?? "—",
            ]
        }
    }

    /// Header of the event-study table; the uniform band's columns only when some point has one.
    static func eventStudyHeader(_ s: EventStudySection) -> [String] {
        let base = ["Event time", "Estimate", "Lower", "Upper"]
        return hasUniformBand(s) ? base + ["Uniform lower", "Uniform upper"] : base
    }

    static func hasUniformBand(_ s: EventStudySection) -> Bool {
        s.points.contains { $0.uniformLower != nil && $0.uniformUpper != nil }
    }

    /// One row per event time; the reference period is marked.
    static func eventStudyRows(_ s: EventStudySection) -> [[String]] {
        let uniform = hasUniformBand(s)
        return s.points.map { p in
            var row = [
                NumberText.grouped(Double(p.eventTime)) + (p.eventTime == s.referencePeriod ? " (reference)" : ""), NumberText.statistic(p.estimate),
                NumberText.statistic(p.lower), NumberText.statistic(p.upper),
            ]
            if uniform { row += [p.uniformLower, p.uniformUpper].map { $0.map { NumberText.statistic($0) } ?? "—" } }
            return row
        }
    }

    /// The pre-trend test in words, or that it was not run.
    static func preTrendText(_ s: EventStudySection) -> String {
        guard let t = s.preTrend else { return "No joint pre-trend test was run." }
        return "Joint test of no pre-period effects: \(t.statistic)(\(t.degreesOfFreedom)) = "
            + "\(NumberText.grouped(t.value, decimals: 2)), \(NumberText.pEquation(t.pValue))."
    }

    /// Header of the balance table.
    static func balanceHeader(_ s: BalanceSection) -> [String] {
        ["Covariate", "SMD before", "SMD after", "Balanced (|SMD| ≤ \(NumberText.statistic(s.threshold)))"]
    }

    /// One row per covariate; "balanced" judges the adjusted difference, or the raw one when no
    /// adjustment was made.
    static func balanceRows(_ s: BalanceSection) -> [[String]] {
        s.rows.map { r in
            let judged = r.after ?? r.before
            return [
                r.covariate, NumberText.grouped(r.before, decimals: 3), r.after.map { NumberText.grouped($0, decimals: 3) } ?? "—",
                abs(judged) <= s.threshold ? "yes" : "no",
            ]
        }
    }

    /// Header of the breakdown table.
    static let breakdownHeader = ["M̄", "ROI lower", "ROI upper"]

    static func breakdownRows(_ c: BreakdownCurve) -> [[String]] {
        c.points.map { [NumberText.statistic($0.mBar), NumberText.percent($0.roiLower), NumberText.percent($0.roiUpper)] }
    }

    /// The breakdown M̄ in words.
    static func breakdownText(_ c: BreakdownCurve) -> String {
        let value =
            c.breakdownMBar.map { "The ROI interval first includes 0 % at M̄ = \(NumberText.statistic($0))." }
            ?? "The ROI interval excludes 0 % at every M̄ on the grid."
        return value + " Curve: \(c.note)."
    }

    /// Tornado rows, widest swing first (stable for equal swings), as the section promises.
    static func tornadoSorted(_ rows: [TornadoRow]) -> [TornadoRow] {
        rows.enumerated().sorted { a, b in
            let (sa, sb) = (abs(a.element.roiAtHigh - a.element.roiAtLow), abs(b.element.roiAtHigh - b.element.roiAtLow))
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
    }

    /// Header of the tornado table.
    static let tornadoHeader = ["Assumption", "Low", "High", "ROI at low", "ROI at high"]

    static func tornadoRows(_ rows: [TornadoRow]) -> [[String]] {
        tornadoSorted(rows).map { [$0.assumption, $0.low, $0.high, NumberText.percent($0.roiAtLow), NumberText.percent($0.roiAtHigh)] }
    }

    /// Header of the guiding-principle adjustments table.
    static let adjustmentHeader = ["Principle", "Adjustment", "ROI before", "ROI after"]

    static func adjustmentRows(_ rows: [PrincipleAdjustmentRow]) -> [[String]] {
        rows.map { [String($0.principle), $0.adjustment, NumberText.percent($0.roiBefore), NumberText.percent($0.roiAfter)] }
    }

    /// Header of the diagnostics table.
    static let diagnosticsHeader = ["Check", "Result", "Value", "Rule", "Advice"]

    /// The word shown for a status (with a symbol, so that it reads without colour).
    static func statusWord(_ s: DiagnosticStatus) -> String {
        switch s {
        case .pass: "✓ pass"
        case .fail: "✗ fail"
        case .warning: "! warning"
        case .notRun: "– not run"
        }
    }

    static func diagnosticRows(_ checks: [DiagnosticCheck]) -> [[String]] {
        checks.map { [$0.name, statusWord($0.status), $0.value, $0.rule, $0.advice] }
    }

    /// A time value as text: an ISO date when every time of the section reads as a day count
    /// (`SVGAxis.looksLikeDays`), else the number.
    static func timeText(_ t: Double, asDate: Bool) -> String {
        asDate ? SVGAxis.isoDate(days: Int(t.rounded())) : NumberText.statistic(t)
    }
}
