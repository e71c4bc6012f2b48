import Attribution
import Distributions
import Estimators
import Inference
import Reporting

/// The Codable report of a study run: values copied from the result, plus the assumptions and
/// guiding principles stated in words. Nothing is estimated here.
extension StudyResult {
    /// The report the Markdown, HTML and JSON writers format, with the run's sections
    /// (`sections`), the chain of impact (levels 4 and 5 from the headline row and the ROI) and the
    /// diagnostics of every ingredient the run has (`diagnosticIngredients`).
    public var report: StudyReport {
        let level = study.bootstrap.level
        let isolation = isolationSection
        let roi = roiSection
        let estimate = headline.estimate
        let analytic = headline.analytic
        return StudyReport(
            title: study.title, studyFile: study.file, dataFile: study.dataPathAsWritten,
            design: designSection, observations: observationSection, means: meansSection,
            effect: StudyReport.Effect(
                estimate: estimate.effect, standardError: analytic.standardError, pValue: headlinePValue,
                unitDescription: "\(study.outcome) per \(study.panel.unit) per \(study.panel.timeUnit.rawValue)",
                analytic: .init(lower: analytic.lower, upper: analytic.upper, level: analytic.level, method: analyticLabel),
                bootstrap: .init(
                    lower: estimate.lower, upper: estimate.upper, level: level,
                    method: "\(schemeLabel), \(BootstrapIntervalMethod.percentile.label)")),
            conversion: .init(valuePerUnit: conversion.valuePerUnit, unit: conversion.unitDescription, source: conversion.source),
            benefits: .init(
                effectPerUnitPerMonth: chain.effect.point, population: benefitStream.population,
                populationBasis: populationBasis, horizonMonths: benefitStream.horizonMonths,
                monthlyBenefits: chain.schedule.monthly.first ?? 0, totalBenefits: chain.benefits.point),
            costs: costSection, roi: roi,
            bootstrap: .init(
                scheme: schemeLabel, interval: chain.method.label, replicates: study.bootstrap.replicates,
                failed: chain.failedReplicates, seed: seed, level: level,
                usesExtremes: chain.effect.interval.usesExtremes || chain.roiPercent.interval.usesExtremes),
            assumptions: assumptions, principles: principles, defaultsApplied: study.defaultsApplied,
            warnings: warnings, isolation: isolation, chainOfImpact: chainOfImpactSection(isolation: isolation, roi: roi),
            conversions: conversionRows, sensitivity: sections.sensitivity, eventStudy: sections.eventStudy,
            trends: sections.trends, balance: sections.balance,
            diagnostics: StudyReportSections.diagnostics(diagnosticIngredients(isolation: isolation)))
    }

    /// Who the benefits are summed over, in words.
    var populationBasis: String {
        if case .treatedUnitsObservedPost = study.benefits.population, headline.spec.method == .participantEstimates {
            return "trained participants listed in the survey (non-respondents count as zero)"
        }
        return study.benefits.population.description
    }

    /// The headline's resampling scheme, naming the study's cluster column when the method resamples it.
    var schemeLabel: String {
        let scheme = headline.estimate.replicates?.scheme ?? headline.estimate.inference
        switch headline.spec.method {
        case .did2x2, .twfe, .sunAbraham, .imputation: return "\(scheme) over \(study.panel.cluster)"
        default: return scheme
        }
    }

    /// The analytic interval's method: the 2×2 fit's t with G − 1 df, else the estimator's own label.
    var analyticLabel: String {
        if headline.spec.method == .did2x2, let did {
            return "t(\(StatisticsText.count(did.regression.inferenceDegreesOfFreedom))), \(did.regression.covarianceLabel)"
        }
        return headline.analytic.inference
    }

    /// The 2×2 fit's exact p-value, else the two-sided normal p-value of the analytic estimate.
    var headlinePValue: Double {
        if headline.spec.method == .did2x2, let did { return did.pValue }
        let a = headline.analytic
        guard a.standardError > 0 else { return a.effect == 0 ? 1 : 0 }
        return 2 * Normal().survival(abs(a.effect / a.standardError))
    }

    private var designSection: StudyReport.Design {
        let words = StudyDesignWords(study: study, spec: headline.spec)
        return StudyReport.Design(
            method: headline.spec.method.description, outcome: study.outcome, unit: study.panel.unit,
            time: study.panel.time, cluster: study.panel.cluster, treatedGroup: words.treatedGroup, period: words.period,
            controlGroup: words.controlGroup,
            covariance: headline.spec.method == .did2x2 ? did?.regression.covarianceLabel ?? headline.analytic.inference : headline.analytic.inference)
    }

    private var observationSection: StudyReport.Observations {
        let treated = did?.treatedUnits ?? headline.treatedUnitsObservedPost ?? 0
        return StudyReport.Observations(
            totalRows: observations.totalRows, usedRows: observations.usedRows,
            dropped: observations.dropped.map { .init(reason: $0.reason.description, count: $0.count) },
            clusters: clusterCount, treatedUnits: treated, controlUnits: did?.controlUnits ?? max(0, unitCount - treated))
    }

    /// The 2×2 table of means, only when a 2×2 design is among the methods.
    private var meansSection: StudyReport.MeansTable? {
        guard let m = did?.meansTable else { return nil }
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

    var roiSection: StudyReport.ROI {
        func figure(_ e: ROIEstimate) -> StudyReport.Figure {
            .init(point: e.point, lower: e.interval.lower, upper: e.interval.upper)
        }
        return StudyReport.ROI(
            level: chain.level, benefits: figure(chain.benefits), costs: chain.costs.point,
            netBenefits: figure(chain.netBenefits), roiPercent: figure(chain.roiPercent),
            benefitCostRatio: figure(chain.benefitCostRatio), paybackMonths: figure(chain.paybackMonths),
            probabilityPositive: chain.probabilityROIPositive, netPresentValue: figure(chain.netPresentValue),
            hurdlePercent: chain.hurdlePercent, probabilityAboveHurdle: chain.probabilityROIAboveHurdle)
    }
}
