import Distributions
import Inference

/// The multiplier bootstrap of Callaway & Sant'Anna (2021), §4.1 and Algorithm 1, as R `did`'s
/// `mboot` and Python `csdid` 0.4.3's `utils/mboot.py`: one Rademacher multiplier per unit, or per
/// cluster applied to the cluster sums of the influence functions (Remark 10), bootstrap SEs from
/// the normalized interquartile range and the sup-t critical value for simultaneous bands
/// (`MultiplierBootstrap`). Checked against `csdid` with B = 20,000
/// (`datasets/reference/cs_bootstrap.json`) at a stated Monte Carlo tolerance.
///
/// Differences from did, by design: an aggregation's element SEs, overall SE and band come from one
/// set of draws (did calls `mboot` once per element and once for the band; the two agree in
/// distribution), and the draws use the workbench's own seeded streams.
extension CallawaySantAnnaResult {
    /// ATT(g,t) with bootstrap SEs, pointwise intervals and a simultaneous band over the cells.
    ///
    /// With `postTreatmentOnly` the band (and the rows) cover the cells with t ≥ g only, which is
    /// narrower when the pre-treatment cells serve only as placebo checks; otherwise every cell, as
    /// did's `att_gt(…, cband = TRUE)`. Cells with no variation (universal-base reference cells)
    /// have no SE and are left out of the band.
    public func bootstrapBands(
        postTreatmentOnly: Bool = false, options: CallawaySantAnnaBootstrapOptions
    ) -> CallawaySantAnnaBootstrapBands {
        let cells = effects.indices.filter { !postTreatmentOnly || effects[$0].isPostTreatment }
        precondition(!cells.isEmpty, "there are no post-treatment cells to bootstrap")
        let parts = cells.map {
            BandInput(
                label: effects[$0].period, cohort: effects[$0].cohort, estimate: effects[$0].estimate,
                influence: influence[$0])
        }
        return bands(target: .groupTime(postTreatmentOnly: postTreatmentOnly), parts: parts, overall: nil, options: options)
    }

    /// An aggregation's elements with bootstrap SEs, pointwise intervals and a simultaneous band
    /// over all elements (did's `aggte(…, cband = TRUE)`; for `dynamic` this includes the
    /// pre-treatment event times), plus the overall effect with a bootstrap SE and pointwise interval.
    /// - Parameter eventTimes: for `dynamic`, the event times to report and cover (did's `min_e`,
    ///   `max_e`); a shorter window gives a narrower band. `nil` = all.
    public func bootstrapBands(
        _ kind: CallawaySantAnnaAggregate.Kind, eventTimes: ClosedRange<Double>? = nil,
        options: CallawaySantAnnaBootstrapOptions
    ) -> CallawaySantAnnaBootstrapBands {
        let aggregate = aggregateInfluence(kind, eventTimes: eventTimes)
        let parts = aggregate.labels.indices.map {
            BandInput(
                label: aggregate.labels[$0], cohort: nil, estimate: aggregate.estimates[$0],
                influence: aggregate.elementInfluence[$0])
        }
        let overall = BandInput(label: nil, cohort: nil, estimate: aggregate.overall, influence: aggregate.overallInfluence)
        return bands(target: .aggregate(kind), parts: parts, overall: overall, options: options)
    }

    /// One effect to bootstrap.
    private struct BandInput {
        let label: Double?
        let cohort: Double?
        let estimate: Double
        let influence: [Double]
    }

    private func bands(
        target: CallawaySantAnnaBootstrapBands.Target, parts: [BandInput], overall: BandInput?,
        options: CallawaySantAnnaBootstrapOptions
    ) -> CallawaySantAnnaBootstrapBands {
        let inputs = parts + (overall.map { [$0] } ?? [])
        let draws = MultiplierBootstrap.run(
            columns: inputs.map(\.influence), clusters: unitClusters, replicates: options.replicates,
            seed: options.seed, weights: options.weights, threads: options.threads)
        let z = Normal().quantile(1 - (1 - options.level) / 2)
        let band = Array(parts.indices)
        let critical = band.isEmpty ? nil : draws.uniformCriticalValue(level: options.level, over: band)
        let used = critical.map { max($0, z) }
        var warnings: [String] = []
        if let critical, critical < z {
            warnings.append(
                "The simultaneous critical value \(StatisticsText.number(critical, significant: 4)) is below the pointwise "
                    + "\(StatisticsText.number(z, significant: 4)) (Monte Carlo noise with few rows); the band uses the "
                    + "pointwise value, as R did does. More replicates settle it.")
        }
        if let critical, critical >= 7 {
            // did's warning: so large a value usually means tiny groups or little outcome variation.
            warnings.append(
                "The simultaneous critical value \(StatisticsText.number(critical, significant: 4)) is too large to be "
                    + "reliable; this usually means few units per cohort or little variation in the outcome.")
        }
        if let clusterName, clusterCount < 30 {
            warnings.append(
                "Only \(clusterCount) clusters (\(clusterName)) share the multipliers: with fewer than about 30 the "
                    + "bootstrap distribution is coarse and the band can be too narrow (Cameron & Miller 2015).")
        }
        func row(_ j: Int, _ input: BandInput, bandValue: Double?) -> CallawaySantAnnaBootstrapBands.Row {
            let se = draws.standardError(j)
            let analytic = draws.analyticStandardErrors[j]
            let interval = { (c: Double) -> ClosedRange<Double>? in
                se.map { (input.estimate - c * $0)...(input.estimate + c * $0) }
            }
            return .init(
                label: input.label, cohort: input.cohort, estimate: input.estimate,
                // R did's rule: an SE at most 10·sqrt(ε) is reported as NA.
                analyticStandardError: analytic > 10 * Double.ulpOfOne.squareRoot() ? analytic : nil,
                standardError: se, pointwise: interval(z), simultaneous: bandValue.flatMap(interval))
        }
        let rows = parts.enumerated().map { row($0.offset, $0.element, bandValue: used) }
        // A single effect's simultaneous interval is its pointwise one.
        let overallRow = overall.map { row(parts.count, $0, bandValue: z) }
        return CallawaySantAnnaBootstrapBands(
            target: target, specification: specification, rows: rows, overall: overallRow, level: options.level,
            pointwiseCriticalValue: z, simultaneousCriticalValue: critical, bandCriticalValue: used, draws: draws,
            clusterName: clusterName, warnings: warnings)
    }
}
