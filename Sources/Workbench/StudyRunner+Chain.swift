import Attribution
import Inference

/// The ROI-chain settings a study describes: conversion, benefit stream, ledger, hurdle, interval.
extension StudyRunner {
    /// Settings of the chain (with the loaded chain of impact, whose principles 1, 2 and 11 the
    /// chain logs) and the whole months after training the headline's data support.
    static func chainInputs(
        study: Study, headline: StudyMethodRun, triangulation: Triangulation, runs: [StudyMethodRun],
        chainOfImpact: ChainOfImpact? = nil
    ) throws -> (settings: ROIChain.Settings, supportMonths: Int?) {
        let conversion = try monetaryConversion(study.conversion)
        let population: Int
        switch study.benefits.population {
        case .stated(let n): population = n
        case .treatedUnitsObservedPost:
            guard let n = headline.treatedUnitsObservedPost else {
                throw StudyError.missingKey(
                    study.location(of: "benefits.population"),
                    advice: "The headline method does not define the treated units; state 'population:'.")
            }
            population = n
        }
        let support = try supportedMonths(study: study, headline: headline)
        let b = study.benefits
        let stream = try BenefitStream(
            population: Double(population), horizonMonths: Double(b.horizonMonths), conversion: conversion,
            decayRate: b.decayPerYear, discountRate: b.discountRatePerYear, dataSupportMonths: support,
            extrapolation: b.extrapolation)
        let ledger = try CostLedger(items: study.costs.map(\.ledgerItem))
        var prior = triangulation.principles
        for run in runs { prior.append(contentsOf: run.principles) }
        if let uncertainty = conversion.uncertainty {
            // Principle 7: the conversion's potential error enters the intervals rather than being ignored.
            prior.record(
                PrincipleApplication(
                    principle: .adjustForError,
                    rule: "value per unit drawn from \(StudyResult.describe(uncertainty)) in every bootstrap replicate",
                    location: "conversion: \(study.outcome)"))
        }
        let settings = ROIChain.Settings(
            stream: stream, ledger: ledger, level: study.bootstrap.level, method: study.roi.interval,
            hurdlePercent: study.roi.hurdlePercent, seed: study.bootstrap.seed,
            scheme: headline.estimate.replicates?.scheme ?? headline.estimate.inference,
            horizonIsFirstYearDefault: b.horizonIsDefault, priorPrinciples: prior, chainOfImpact: chainOfImpact,
            benefitCurrency: study.conversion.currency)
        return (settings, support)
    }

    /// Whole months after training the headline's data observe; refuses a longer horizon unless
    /// the study chose an extrapolation (issue 5, bad input: a horizon beyond the data).
    static func supportedMonths(study: Study, headline: StudyMethodRun) throws -> Int? {
        guard let periods = headline.periodsAfterTraining else { return nil }
        let unit = study.panel.timeUnit
        let months = unit.wholeMonths(periods: periods)
        let horizon = study.benefits.horizonMonths
        if horizon > months && (study.benefits.extrapolation == .refuse || months == 0) {
            throw StudyError.invalidValue(
                study.location(of: "benefits.horizon_months"), value: "\(horizon)",
                advice: "The headline method's data observe \(periods) \(unit.rawValue)(s) after training, "
                    + "\(months) whole month(s). Shorten the horizon to \(months)"
                    + (months == 0
                        ? " or collect more post-training data."
                        : ", or set 'benefits.extrapolation' to assume_no_effect (guiding principle 6) or carry_last_effect_forward."))
        }
        return months
    }

    /// The study's conversion as an Attribution value: the standard conversion's inputs checked by
    /// the library's constructors, then scaled by the volume per month (uncertainty scaled alike).
    static func monetaryConversion(_ c: Study.Conversion) throws -> MonetaryConversion {
        switch c.base {
        case .value: break
        case .hourSaved(let cost, _): _ = try MonetaryConversion.hourSaved(fullHourlyCost: cost, source: c.source)
        case .errorAvoided(let hours, let rate, let material):
            _ = try MonetaryConversion.errorAvoided(hoursToFix: hours, hourlyCost: rate, materialCost: material, source: c.source)
        case .salesMargin(let margin):
            _ = try MonetaryConversion.salesMargin(marginRate: margin, currency: c.currency ?? "currency", source: c.source)
        }
        let k = c.scale
        let scaled: ValueUncertainty? = c.uncertainty.map {
            switch $0 {
            case .uniform(let a, let b): return .uniform(lower: a * k, upper: b * k)
            case .triangular(let a, let m, let b): return .triangular(lower: a * k, mode: m * k, upper: b * k)
            case .normal(let mu, let sd): return .normal(mean: mu * k, standardDeviation: sd * k)
            }
        }
        return try MonetaryConversion(
            valuePerUnit: c.valuePerUnit, unitDescription: c.unit, source: c.source, credibility: c.credibility,
            uncertainty: scaled)
    }

    /// ROI (%) of every usable replicate: the replicate's effect at its own conversion draw through
    /// the same stream and costs as `ROIChain.run` (failed replicates skipped, as the chain skips them).
    static func replicateROIs(_ paths: [EffectPath], settings: ROIChain.Settings) throws -> [Double] {
        var rois: [Double] = []
        for (r, path) in paths.enumerated() where path.isFinite {
            let value = settings.stream.conversion.value(replicate: r, seed: settings.seed)
            let schedule = try settings.stream.schedule(path: path, valuePerUnit: value)
            let figures = try ROIChainFigures.compute(
                effect: 0, valuePerUnit: value, schedule: schedule, costs: settings.ledger.total)
            rois.append(figures.roiPercent)
        }
        return rois
    }
}

extension Study.CostEntry {
    /// The entry as an Attribution ledger item.
    var ledgerItem: CostItem {
        CostItem(name: item, category: category, amount: amount, source: source, currency: currency)
    }
}
