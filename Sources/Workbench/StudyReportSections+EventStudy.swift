import Distributions
import Estimators
import Inference
import Reporting

extension StudyReportSections {
    /// The event-time section of a TWFE event study: one point per event time of the window with
    /// the result's pointwise interval `β̂_k ± t_{1−α/2, G−1}·se_k`; the reference period is drawn
    /// at 0 with a zero-width band (it is normalised, not estimated). The pre-trend test is the
    /// result's joint Wald test of the leads as F(q, G − 1) (`EventStudyResult.preTrendTest`),
    /// the small-cluster form of Stata's `testparm`.
    public static func eventStudySection(_ result: EventStudyResult) -> StudyReport.EventStudySection {
        let points = result.eventTimes.map { e in
            // The reference period has no interval: its coefficient is 0 by normalisation.
            StudyReport.EventTimePoint(
                eventTime: e.eventTime, estimate: e.estimate, lower: e.lower ?? e.estimate, upper: e.upper ?? e.estimate)
        }
        return StudyReport.EventStudySection(
            estimator: "Event study, two-way fixed effects (\(result.covarianceLabel))",
            referencePeriod: result.specification.referencePeriod, level: result.specification.level, points: points,
            preTrend: result.preTrendTest.map(preTrendTest))
    }

    /// A joint Wald test as the report's pre-trend test: F = χ²/q with (q, df) degrees of freedom,
    /// q the rank actually tested, and its p-value.
    public static func preTrendTest(_ test: WaldTest) -> StudyReport.PreTrendTest {
        StudyReport.PreTrendTest(
            statistic: "F(\(test.rank), \(NumberText.statistic(test.denominatorDegreesOfFreedom)))", value: test.fStatistic,
            degreesOfFreedom: test.rank, pValue: test.fPValue)
    }

    /// The event-time section of Callaway–Sant'Anna's dynamic aggregation (R `did::aggte(type = "dynamic")`).
    ///
    /// With `bands` (from `bootstrapBands(.dynamic, options:)`), each point is a band row: the
    /// pointwise interval `θ̂_e ± z·se_e` and the simultaneous (sup-t) band `θ̂_e ± c·se_e` from the
    /// multiplier bootstrap, at the bands' level; a row with no bootstrap SE gets a zero-width band.
    /// Without, the analytic influence-function SEs of `aggregate(.dynamic)` give
    /// `θ̂_e ± z_{1−α/2}·se_e` at `level`, and no uniform band. The universal base period
    /// (e = −1 − anticipation) is the reference; with a varying base there is none. The result
    /// carries no pre-trend test; pass one (`preTrend`) when it was run separately.
    public static func eventStudySection(
        _ result: CallawaySantAnnaResult, bands: CallawaySantAnnaBootstrapBands?, level: Double = 0.95,
        preTrend: WaldTest? = nil
    ) -> StudyReport.EventStudySection {
        precondition(level > 0 && level < 1, "the level lies strictly between 0 and 1")
        let spec = result.specification
        let reference = spec.basePeriod == .universal ? -1 - spec.anticipation : nil
        var estimator = "Callaway–Sant'Anna, dynamic aggregation (\(spec.summary); \(spec.estimatorLabel))"
        let points: [StudyReport.EventTimePoint]
        let bandLevel: Double
        if let bands {
            precondition(bands.target == .aggregate(.dynamic), "the bands must be those of the dynamic aggregation")
            bandLevel = bands.level
            estimator += "; multiplier bootstrap, B = \(bands.replicates), seed \(bands.seed), simultaneous band"
            points = bands.rows.map { row in
                let e = eventTime(row.label!)
                return StudyReport.EventTimePoint(
                    eventTime: e, estimate: row.estimate, lower: row.pointwise?.lowerBound ?? row.estimate,
                    upper: row.pointwise?.upperBound ?? row.estimate, uniformLower: row.simultaneous?.lowerBound,
                    uniformUpper: row.simultaneous?.upperBound)
            }
        } else {
            bandLevel = level
            estimator += "; analytic influence-function SEs, pointwise intervals"
            let z = Normal().quantile(1 - (1 - level) / 2)
            points = result.aggregate(.dynamic).elements.map { element in
                let se = element.standardError ?? 0
                return StudyReport.EventTimePoint(
                    eventTime: eventTime(element.label), estimate: element.estimate, lower: element.estimate - z * se,
                    upper: element.estimate + z * se)
            }
        }
        return StudyReport.EventStudySection(
            estimator: estimator, referencePeriod: reference, level: bandLevel, points: points,
            preTrend: preTrend.map(preTrendTest))
    }

    /// An event time held as a Double (t − g of integer periods) as an Int.
    static func eventTime(_ value: Double) -> Int {
        precondition(value == value.rounded() && abs(value) < 1e9, "event times are whole periods")
        return Int(value)
    }
}
