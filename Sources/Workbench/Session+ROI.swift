import Attribution
import DataFrameModule
import Foundation
import Inference

extension Session {
    /// The usage line of `roi`.
    static let roiUsage =
        "roi COEF, value(V) population(N) costs(FILE.csv | AMOUNT) [unit(\"…\")] [source(\"…\")] [currency(USD)] "
        + "[horizon(12)] [hurdle(25)] [type(percentile|basic|normal)] [decay(0.2)] [discount(0.05)]"

    /// The options `roi` takes.
    static let roiOptions = [
        "value", "unit", "source", "currency", "population", "horizon", "costs", "hurdle", "type", "decay", "discount",
    ]

    /// `roi COEF, value(V) population(N) costs(…) …`: carries the last bootstrap's estimate of
    /// COEF (the point and every replicate) through `ROIChain.run` and prints ROI, BCR, net
    /// benefits, payback and NPV with intervals, P(ROI > 0), P(ROI > hurdle), failed replicates and
    /// the guiding-principles log.
    ///
    /// The coefficient is read as the effect per unit of the population per month; benefits =
    /// effect × value × population over the horizon (12 months by default: guiding principle 9,
    /// logged). The replicates' intervals use the bootstrap's level and seed.
    mutating func roi(_ rest: String) throws -> String {
        guard let estimate = record.lastEstimate else { throw SessionAnalysisError.noBootstrap }
        let (name, optionText) = StataOptions.splitAtComma(rest)
        let usage = Session.roiUsage
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
            throw SessionError.usage(command: "roi", problem: "name one coefficient of the last bootstrap", usage: usage)
        }
        let names = estimate.coefficients.map(\.name)
        guard let coefficient = estimate.coefficient(name) else {
            throw SessionAnalysisError.unknownCoefficient(
                name: name, suggestion: closestName(to: name, among: names), available: names)
        }
        let options = try StataOptions.parse(optionText, command: "roi", allowed: Session.roiOptions, usage: usage)
        let settings = try Session.roiSettings(options, estimate: estimate)
        let result = try ROIChain.run(
            effect: .constant(coefficient.estimate), replicates: coefficient.replicates.map { .constant($0) },
            settings: settings)
        return ROIText(result: result, coefficient: name, settings: settings, costSource: options["costs"]!).text
    }

    /// The chain's settings from `roi`'s options and the bootstrap's level, seed and scheme.
    static func roiSettings(_ options: StataOptions, estimate: RegressionBootstrapResult) throws -> ROIChain.Settings {
        let usage = roiUsage
        func required(_ name: String, _ example: String) throws -> Double {
            guard let value = try options.number(name, command: "roi", usage: usage) else {
                throw SessionAnalysisError.missingOption(command: "roi", option: name, example: example)
            }
            return value
        }
        let value = try required("value", "value(0.30) for a 30 % gross margin on sales")
        let population = try required("population", "population(300) trained employees observed")
        guard let costs = options["costs"] else {
            throw SessionAnalysisError.missingOption(command: "roi", option: "costs", example: "costs(costs.csv) or costs(16000)")
        }
        let ledger: CostLedger
        if let total = Double(costs.replacingOccurrences(of: "_", with: "")) {
            ledger = try CostLedger(items: [CostItem(name: "Program costs (stated total)", category: .direct, amount: .fixed(total))])
        } else {
            ledger = try CostLedgerFile.read(path: costs)
        }
        let conversion = try MonetaryConversion(
            valuePerUnit: value, unitDescription: options["unit"] ?? "unit of the outcome", source: options["source"])
        let horizon = try options.number("horizon", command: "roi", usage: usage)
        let stream = try BenefitStream(
            population: population, horizonMonths: horizon ?? 12, conversion: conversion,
            decayRate: try rate(options, "decay"), discountRate: try rate(options, "discount"))
        let method: BootstrapIntervalMethod
        switch (options["type"] ?? "percentile").lowercased() {
        case "percentile", "perc": method = .percentile
        case "basic": method = .basic
        case "normal", "norm": method = .normal
        case let other:
            // BCa and studentized intervals need jackknife values or variances of every ROI figure.
            throw SessionError.usage(
                command: "roi", problem: "type(\(other)) is not available for ROI figures; use percentile, basic or normal",
                usage: usage)
        }
        return ROIChain.Settings(
            stream: stream, ledger: ledger, level: estimate.specification.level, method: method,
            hurdlePercent: try options.number("hurdle", command: "roi", usage: usage), seed: estimate.specification.seed,
            scheme: estimate.scheme, horizonIsFirstYearDefault: horizon == nil,
            benefitCurrency: options["currency"]?.uppercased())
    }

    /// An annual rate written as a fraction (0.2) or a percentage (20%); 0 when not given.
    static func rate(_ options: StataOptions, _ name: String) throws -> Double {
        guard var text = options[name]?.trimmingCharacters(in: .whitespaces) else { return 0 }
        let percent = text.hasSuffix("%")
        if percent { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard let value = Double(text), value.isFinite else {
            throw SessionError.usage(command: "roi", problem: "\(name)(\(options[name]!)) is not a rate", usage: roiUsage)
        }
        return percent ? value / 100 : value
    }
}
