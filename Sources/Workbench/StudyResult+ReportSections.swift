import Attribution
import Foundation
import Inference
import Reporting

/// The report sections of the attribution chain: isolation methods side by side, the conversion
/// table, assumptions and the guiding-principles log. Values are copied, never estimated.
extension StudyResult {
    /// Every method's row, the headline and why (guiding principle 4).
    var isolationSection: StudyReport.IsolationComparison {
        let rows = methods.map { run -> StudyReport.IsolationRow in
            let e = run.estimate
            return StudyReport.IsolationRow(
                method: run.spec.method.description, label: e.method, estimate: e.effect, standardError: e.standardError,
                interval: .init(lower: e.lower, upper: e.upper, level: e.level, method: e.inference),
                replicates: e.replicates.map { $0.replicates - $0.failed } ?? 0, observations: run.observations,
                notes: e.notes)
        }
        return StudyReport.IsolationComparison(
            kpi: study.outcome, direction: study.direction.rawValue, methods: rows,
            headlineIndex: triangulation.headlineIndex, reason: triangulation.reason)
    }

    /// The conversion table's one row, with how a standard conversion was built.
    var conversionRows: [StudyReport.ConversionRow] {
        let c = study.conversion
        let currency = c.currency.map { " \($0)" } ?? ""
        let n = Self.plain
        var derivation: String?
        switch c.base {
        case .value: derivation = nil
        case .hourSaved(let cost, let units):
            derivation = "hour saved = full hourly cost (\(n(cost))\(currency)) ÷ \(n(units)) units per hour"
        case .errorAvoided(let hours, let rate, let material):
            derivation = "error avoided = \(n(hours)) h to fix × \(n(rate))\(currency)/h + \(n(material))\(currency) material"
        case .salesMargin(let margin):
            derivation = "sales → gross margin \(n(margin * 100)) %"
        }
        if c.volumePerMonth != 1 {
            derivation = (derivation.map { "(\($0))" } ?? n(c.base.perUnit)) + " × \(n(c.volumePerMonth)) per unit-month"
        }
        let uncertainty = conversion.uncertainty.map { u -> String in
            let stated = c.uncertainty.map(Self.describe) ?? ""
            return "\(Self.describe(u)) per unit (stated: \(stated)), sampled in every replicate"
        }
        return [
            StudyReport.ConversionRow(
                kpi: study.outcome, valuePerUnit: conversion.valuePerUnit, unit: conversion.unitDescription,
                source: conversion.source, credibility: conversion.credibility.map(String.init(describing:)),
                uncertainty: uncertainty, derivation: derivation)
        ]
    }

    /// A number with up to 6 significant digits and no trailing zeros (0.6667, 54, 2239).
    static func plain(_ x: Double) -> String { String(format: "%.6g", x) }

    static func describe(_ u: ValueUncertainty) -> String {
        let n = plain
        switch u {
        case .uniform(let a, let b): return "uniform \(n(a)) to \(n(b))"
        case .triangular(let a, let m, let b): return "triangular \(n(a)), mode \(n(m)), \(n(b))"
        case .normal(let mu, let sd): return "normal mean \(n(mu)), SD \(n(sd))"
        }
    }

    /// Identifying and monetary assumptions, in words (house style 11).
    var assumptions: [String] {
        // With one method its assumptions stand alone; with several each is prefixed by its method.
        var list = methods.flatMap { run in
            StudyDesignWords(study: study, spec: run.spec).assumptions.map {
                methods.count == 1 ? $0 : "\(run.spec.method.description): \($0)"
            }
        }
        list.append(
            "Clusters (\(study.panel.cluster)) are independent; units within a cluster may share shocks, so the panel "
                + "methods cluster their standard errors and resample whole clusters.")
        list.append(
            "The headline effect per \(study.panel.unit) is a constant per month after training"
                + (study.benefits.decayPerYear > 0 ? ", decaying at \(Self.plain(study.benefits.decayPerYear * 100)) % a year" : "")
                + ", for each of the \(Int(benefitStream.population)) benefiting units over the \(study.benefits.horizonMonths)-month horizon.")
        list.append(
            conversion.uncertainty == nil
                ? "The conversion value and the costs are taken as known: the intervals carry the sampling uncertainty of the effect only."
                : "The conversion value is drawn from its stated distribution in every replicate; the costs are taken as known.")
        return list
    }

    /// The guiding principles applied: the chain's log (with the numbers each rule changed), plus
    /// how the study sourced its figures (3) and isolated the effect (5).
    var principles: [StudyReport.Principle] {
        var texts: [Int: [String]] = [:]
        let unsourced = study.costs.filter { $0.source == nil }.count + (study.conversion.source == nil ? 1 : 0)
        texts[3] = [
            unsourced == 0
                ? "Every cost item and the conversion value state their source."
                : "\(unsourced) figure(s) lack a source; see the warnings."
        ]
        let names = methods.map(\.spec.method.description).joined(separator: ", ")
        texts[5] = ["Isolation by \(methods.count) method(s): \(names)."]
        for entry in chain.principles.entries {
            var text = "\(entry.rule) (\(entry.location))"
            if let q = entry.quantity, let before = entry.before, let after = entry.after {
                text += ": \(q) \(Self.plain(before)) → \(Self.plain(after))"
            }
            texts[entry.principle.rawValue, default: []].append(text)
        }
        if texts[9] == nil {
            texts[9] = [
                study.benefits.horizonMonths <= Study.defaultHorizonMonths
                    ? "Benefits counted over \(study.benefits.horizonMonths) months, as the study file states (within the first year)."
                    : "Benefits counted over \(study.benefits.horizonMonths) months, as the study file states (beyond the first year; see the warnings)."
            ]
        }
        return texts.keys.sorted().map { number in
            StudyReport.Principle(
                number: number, title: GuidingPrinciple(rawValue: number)!.title,
                application: texts[number]!.joined(separator: "; "))
        }
    }
}
