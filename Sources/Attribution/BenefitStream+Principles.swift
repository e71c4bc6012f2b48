extension BenefitStream {
    /// The guiding principles the stream applies to `path` at the point value, each with the
    /// monetary benefits (undiscounted total) before and after:
    ///
    /// - principle 6: trained units without outcome data count as zero, before = benefits had every
    ///   trained unit improved (N = trained), after = benefits over the observed N; and, with
    ///   `.assumeNoEffect`, months beyond the data count as zero, before = benefits with the last
    ///   effect carried forward, after = benefits with none;
    /// - principle 9: when `firstYearDefault` (the study did not state a horizon), only the first
    ///   year is counted; before = benefits over every month the data support, when more than the
    ///   horizon, after = first-year benefits (no numbers when the data support no more).
    public func principlesLog(path: EffectPath, firstYearDefault: Bool) throws -> PrinciplesLog {
        var log = PrinciplesLog()
        let after = try schedule(path: path, valuePerUnit: conversion.valuePerUnit).total
        if let trainedPopulation, trainedPopulation > population {
            let all = try copy(population: trainedPopulation).schedule(path: path, valuePerUnit: conversion.valuePerUnit).total
            log.record(
                PrincipleApplication(
                    principle: .noDataNoImprovement,
                    rule: "\(format(trainedPopulation - population)) trained units without outcome data counted as no improvement",
                    location: "benefit stream: population", quantity: "monetary benefits", before: all, after: after))
        }
        let beyond = monthsBeyondData(for: path)
        if beyond > 0 && extrapolation == .assumeNoEffect {
            let carried = try copy(extrapolation: .carryLastEffectForward)
                .schedule(path: path, valuePerUnit: conversion.valuePerUnit).total
            log.record(
                PrincipleApplication(
                    principle: .noDataNoImprovement, rule: "no effect assumed in the \(beyond) horizon months beyond the data",
                    location: "benefit stream: horizon", quantity: "monetary benefits", before: carried, after: after))
        }
        if firstYearDefault {
            let supported = path.estimatedMonths ?? dataSupportMonths ?? 0
            if supported > monthsCounted {
                let longer = try copy(horizonMonths: Double(supported))
                    .schedule(path: path, valuePerUnit: conversion.valuePerUnit).total
                log.record(
                    PrincipleApplication(
                        principle: .firstYearOnly,
                        rule: "benefits counted for the first \(format(horizonMonths)) of \(supported) months the data support",
                        location: "benefit stream: horizon", quantity: "monetary benefits", before: longer, after: after))
            } else {
                log.record(
                    PrincipleApplication(
                        principle: .firstYearOnly, rule: "benefits counted for the first \(format(horizonMonths)) months only",
                        location: "benefit stream: horizon"))
            }
        }
        return log
    }

    /// The same stream with one setting changed (for before/after figures).
    func copy(population: Double? = nil, horizonMonths: Double? = nil, extrapolation: ExtrapolationChoice? = nil) throws
        -> BenefitStream
    {
        try BenefitStream(
            population: population ?? self.population, horizonMonths: horizonMonths ?? self.horizonMonths,
            conversion: conversion, decayRate: decayRate, discountRate: discountRate, trainedPopulation: nil,
            dataSupportMonths: dataSupportMonths, extrapolation: extrapolation ?? self.extrapolation)
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
