/// A one-at-a-time sensitivity (tornado) of the ROI chain: each assumption at the low and high end
/// of its stated range with every other at its central value, bars sorted by swing, largest first.
///
///     swing_a = |M(x_a = high, x_−a central) − M(x_a = low, x_−a central)|
///
/// with M the chosen metric (ROI % by default). The chain is the point chain of `ROIChain` (the
/// benefit schedule of `BenefitStream`, fully loaded `CostLedger` total, `ROIChainFigures`). ROI is
/// linear in the value per unit, the population share and the effect, so those swings are exact
/// differences; horizon, decay and costs act non-linearly. Ties keep the order given.
/// Reference: the tornado diagram of deterministic sensitivity analysis (Eschenbach 1992,
/// "Spiderplots versus tornado diagrams for sensitivity analysis", *Interfaces* 22(6)).
public struct TornadoAnalysis: Sendable, Equatable, Codable {
    /// The figures with every assumption central.
    public let central: ROIChainFigures
    /// The ranking metric.
    public let metric: TornadoMetric
    /// One bar per assumption, largest swing first.
    public let bars: [TornadoBar]

    /// The tornado of `assumptions` around `effect`, `stream` and `ledger`.
    ///
    /// - Throws: `SensitivityError.noAssumptions`, `.invalidRange` (an end not finite, or low > high),
    ///   `.duplicateAssumption`, `.unknownCostItem`; `AttributionError` when an end is outside the
    ///   setting's domain (a rate ≥ 1, a negative cost, a horizon beyond the data with no
    ///   extrapolation chosen) or the total cost at an end is zero.
    public init(
        effect: EffectPath, stream: BenefitStream, ledger: CostLedger, assumptions: [TornadoAssumption],
        metric: TornadoMetric = .roiPercent
    ) throws {
        guard !assumptions.isEmpty else { throw SensitivityError.noAssumptions }
        var seen: Set<String> = []
        for assumption in assumptions {
            let (low, high) = assumption.range
            guard low.isFinite, high.isFinite, low <= high else {
                throw SensitivityError.invalidRange(assumption: assumption.name, low: low, high: high)
            }
            guard seen.insert(assumption.name).inserted else { throw SensitivityError.duplicateAssumption(name: assumption.name) }
            if case .costItem(let name, _, _) = assumption, !ledger.items.contains(where: { $0.name == name }) {
                throw SensitivityError.unknownCostItem(name: name, known: ledger.items.map(\.name))
            }
        }
        let central = try Self.figures(effect: effect, stream: stream, ledger: ledger)
        var bars: [TornadoBar] = []
        for assumption in assumptions {
            let (low, high) = assumption.range
            let atLow = try Self.figures(varying: assumption, to: low, effect: effect, stream: stream, ledger: ledger)
            let atHigh = try Self.figures(varying: assumption, to: high, effect: effect, stream: stream, ledger: ledger)
            bars.append(
                TornadoBar(
                    assumption: assumption, low: atLow, high: atHigh, metricAtLow: metric.value(atLow),
                    metricAtHigh: metric.value(atHigh)))
        }
        // A stable sort: equal swings keep the order the assumptions were given in.
        self.bars = bars.enumerated().sorted { a, b in
            a.element.swing != b.element.swing ? a.element.swing > b.element.swing : a.offset < b.offset
        }.map(\.element)
        self.central = central
        self.metric = metric
    }

    /// The point figures of `effect` through `stream` against `ledger`.
    static func figures(effect: EffectPath, stream: BenefitStream, ledger: CostLedger) throws -> ROIChainFigures {
        let value = stream.conversion.valuePerUnit
        let schedule = try stream.schedule(path: effect, valuePerUnit: value)
        return try ROIChainFigures.compute(
            effect: ROIChain.summary(effect, stream), valuePerUnit: value, schedule: schedule, costs: ledger.total)
    }

    /// The point figures with `assumption` set to `x` and everything else central.
    static func figures(
        varying assumption: TornadoAssumption, to x: Double, effect: EffectPath, stream: BenefitStream, ledger: CostLedger
    ) throws -> ROIChainFigures {
        var population = stream.population
        var horizon = stream.horizonMonths
        var decay = stream.decayRate
        var discount = stream.discountRate
        var conversion = stream.conversion
        var path = effect
        var items = ledger.items
        switch assumption {
        case .valuePerUnit:
            // The point figures use the value itself; its sampling distribution plays no part here.
            conversion = try MonetaryConversion(
                valuePerUnit: x, unitDescription: conversion.unitDescription, source: conversion.source,
                credibility: conversion.credibility)
        case .populationShare: population = stream.population * x
        case .horizonMonths: horizon = x
        case .decayRate: decay = x
        case .discountRate: discount = x
        case .costItem(let name, _, _):
            let index = items.firstIndex { $0.name == name }!
            let item = items[index]
            items[index] = CostItem(
                name: item.name, category: item.category, amount: .fixed(x), source: item.source, currency: item.currency,
                period: item.period)
        case .effect:
            switch effect {
            case .constant: path = .constant(x)
            case .eventTime(let values):
                // Shift every month so the path's summary (its mean over the horizon) equals x.
                let shift = x - ROIChain.summary(effect, stream)
                path = .eventTime(values.map { $0 + shift })
            }
        }
        // The trained population only feeds the principle-6 log, which a tornado does not report.
        let varied = try BenefitStream(
            population: population, horizonMonths: horizon, conversion: conversion, decayRate: decay, discountRate: discount,
            trainedPopulation: nil, dataSupportMonths: stream.dataSupportMonths, extrapolation: stream.extrapolation)
        return try figures(effect: path, stream: varied, ledger: CostLedger(items: items))
    }

    /// A plain-text tornado table: the central metric, then each bar's ends and swing.
    public var summary: String {
        var lines = [
            "Tornado of \(metric.rawValue): one assumption at a time, the others central (central \(format(metric.value(central))))",
            "assumption                              low end       high end   metric at low  metric at high       swing",
        ]
        for bar in bars {
            let (low, high) = bar.assumption.range
            let name = bar.assumption.name
            lines.append(
                name + String(repeating: " ", count: max(1, 34 - name.count))
                    + [low, high, bar.metricAtLow, bar.metricAtHigh, bar.swing].map { pad(format($0)) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double) -> String {
        let rounded = (x * 10_000).rounded() / 10_000
        return "\(rounded == 0 ? 0 : rounded)"
    }

    private func pad(_ s: String) -> String { String(repeating: " ", count: max(0, 14 - s.count)) + s }
}
