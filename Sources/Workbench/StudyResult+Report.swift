import Attribution
import Estimators
import Inference
import Reporting

/// The Codable report of a study run: values copied from the result, plus the assumptions and
/// guiding principles stated in words. Nothing is estimated here.
extension StudyResult {
    /// The report the Markdown and JSON writers format.
    public var report: StudyReport {
        let level = study.bootstrap.level
        let interval = "percentile"
        return StudyReport(
            title: study.title, studyFile: study.file, dataFile: study.dataPathAsWritten,
            design: designSection, observations: observationSection, means: meansSection,
            effect: StudyReport.Effect(
                estimate: did.effect, standardError: did.standardError, pValue: did.pValue,
                unitDescription: "\(study.outcome) per \(study.panel.unit) per month",
                analytic: .init(
                    lower: did.confidenceInterval.lower, upper: did.confidenceInterval.upper, level: level,
                    method: "t(\(StatisticsText.count(did.regression.inferenceDegreesOfFreedom))), \(did.regression.covarianceLabel)"),
                bootstrap: .init(
                    lower: roi.effectInterval.lower, upper: roi.effectInterval.upper, level: level,
                    method: "\(replicates.scheme), \(interval)")),
            conversion: .init(
                valuePerUnit: benefitStream.conversion.valuePerUnit, unit: benefitStream.conversion.unitDescription,
                source: benefitStream.conversion.source),
            benefits: .init(
                effectPerUnitPerMonth: roi.effect, population: benefitStream.population,
                populationBasis: study.benefits.population.description, horizonMonths: benefitStream.horizonMonths,
                monthlyBenefits: benefitStream.monthlyBenefits(effect: roi.effect), totalBenefits: roi.point.benefits),
            costs: costSection, roi: roiSection,
            bootstrap: .init(
                scheme: replicates.scheme, interval: interval, replicates: replicates.replicates,
                failed: roi.failedReplicates, seed: replicates.seed, level: level,
                usesExtremes: roi.effectInterval.usesExtremes || roi.roiInterval.usesExtremes),
            assumptions: assumptions, principles: principles, defaultsApplied: study.defaultsApplied,
            warnings: warnings)
    }

    private var designSection: StudyReport.Design {
        StudyReport.Design(
            method: study.design.method.description, outcome: study.outcome, unit: study.panel.unit,
            time: study.panel.time, cluster: study.panel.cluster, treatedGroup: "\(study.design.treatedGroup) = 1",
            period: study.design.period.condition(time: study.panel.time),
            controlGroup: "never-trained units (\(study.design.treatedGroup) = 0), observed over the same periods",
            covariance: did.regression.covarianceLabel)
    }

    private var observationSection: StudyReport.Observations {
        StudyReport.Observations(
            totalRows: observations.totalRows, usedRows: observations.usedRows,
            dropped: observations.dropped.map { .init(reason: $0.reason.description, count: $0.count) },
            clusters: clusterCount, treatedUnits: did.treatedUnits, controlUnits: did.controlUnits)
    }

    private var meansSection: StudyReport.MeansTable {
        let m = did.meansTable
        return StudyReport.MeansTable(
            cells: [
                .init(group: "treated", period: "pre", mean: m.treatedPre.mean, count: m.treatedPre.count),
                .init(group: "treated", period: "post", mean: m.treatedPost.mean, count: m.treatedPost.count),
                .init(group: "control", period: "pre", mean: m.controlPre.mean, count: m.controlPre.count),
                .init(group: "control", period: "post", mean: m.controlPost.mean, count: m.controlPost.count),
            ],
            treatedChange: m.treatedChange, controlChange: m.controlChange, doubleDifference: m.doubleDifference)
    }

    private var costSection: StudyReport.Costs {
        let lines = ledger.items.map { item -> StudyReport.CostLine in
            switch item.amount {
            // A shared (prorated) cost is reported by the amount this program bears.
            case .fixed, .shared:
                return .init(
                    item: item.name, category: item.category.rawValue, amount: item.total, hours: nil, rate: nil, source: item.source)
            case .hours(let hours, let rate):
                return .init(
                    item: item.name, category: item.category.rawValue, amount: item.total, hours: hours, rate: rate, source: item.source)
            }
        }
        let subtotals = CostCategory.allCases.map { StudyReport.CostSubtotal(category: $0.rawValue, amount: ledger.subtotal($0)) }
        return StudyReport.Costs(items: lines, subtotals: subtotals, total: ledger.total)
    }

    private var roiSection: StudyReport.ROI {
        func figure(_ point: Double, _ i: PercentileInterval) -> StudyReport.Figure {
            .init(point: point, lower: i.lower, upper: i.upper)
        }
        let p = roi.point
        return StudyReport.ROI(
            level: roi.level, benefits: figure(p.benefits, roi.benefitsInterval), costs: p.costs,
            netBenefits: figure(p.netBenefits, roi.netBenefitsInterval), roiPercent: figure(p.roiPercent, roi.roiInterval),
            benefitCostRatio: figure(p.benefitCostRatio, roi.bcrInterval),
            paybackMonths: figure(p.paybackMonths, roi.paybackInterval), probabilityPositive: roi.probabilityROIPositive)
    }

    /// Identifying and monetary assumptions, in words (house style 11; `did`'s summaries do the same).
    private var assumptions: [String] {
        let treated = study.design.treatedGroup
        return [
            "Parallel trends: without the program, the mean \(study.outcome) of the trained group (\(treated) = 1) "
                + "would have changed as that of the comparison group did.",
            "No anticipation: \(study.outcome) was not affected by the program before the post period "
                + "(\(study.design.period.condition(time: study.panel.time))).",
            "Control group = never-trained units (\(treated) = 0); group membership is fixed over the panel; no covariates.",
            "Clusters (\(study.panel.cluster)) are independent; units within a cluster may share shocks, so standard "
                + "errors are clustered and the bootstrap resamples whole clusters.",
            "The panel's time unit is one month, and the estimated effect per \(study.panel.unit) per month persists, "
                + "unchanged, for each benefiting unit over the \(study.benefits.horizonMonths)-month horizon.",
            "Conversion value and costs are taken as known: the intervals carry the sampling uncertainty of the effect only.",
        ]
    }

    /// The guiding principles (ROI Institute) this run applied, and how.
    private var principles: [StudyReport.Principle] {
        let unsourced = study.costs.filter { $0.source == nil }.count + (study.conversion.source == nil ? 1 : 0)
        let emptyCategories = CostCategory.allCases.filter { c in !ledger.items.contains { $0.category == c } }
        let horizonIsDefault = study.defaultsApplied.contains { $0.hasPrefix("benefits.horizon_months") }
        let horizon =
            horizonIsDefault
            ? "Benefits counted over the first \(study.benefits.horizonMonths) months only (the default)."
            : "Benefits counted over \(study.benefits.horizonMonths) months, as the study file states."
        return [
            .init(
                number: 3, title: "Use only the most credible sources",
                application: unsourced == 0
                    ? "Every cost item and the conversion value state their source."
                    : "\(unsourced) figure(s) lack a source; see the warnings."),
            .init(
                number: 4, title: "Choose the most conservative alternative",
                application: "The headline is the ROI range of the \(NumberText.level(study.bootstrap.level)) bootstrap "
                    + "interval, not the point estimate; its lower end is the conservative figure."),
            .init(
                number: 5, title: "Isolate the effect of the program",
                application: "\(study.design.method.description) against never-trained units, with cluster-robust "
                    + "inference and a cluster bootstrap."),
            .init(number: 9, title: "Only the first year of benefits for short-term programs", application: horizon),
            .init(
                number: 10, title: "Fully load the costs",
                application: emptyCategories.isEmpty
                    ? "Direct, indirect (participants' time at loaded rates) and development costs are all included."
                    : "No \(emptyCategories.map(\.rawValue).joined(separator: " or ")) costs were listed; check that none were incurred."),
        ]
    }
}
