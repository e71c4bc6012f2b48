import Distributions
import Estimators
import Foundation
import Inference
import Testing

/// A simulated panel, clustered by the simulated cluster when `clustered`.
func csBootstrapPanel(_ design: StaggeredPanelSimulation, seed: UInt64, clustered: Bool) throws -> StaggeredPanel {
    let (panel, clusterOfUnit) = design.simulate(seed: seed)
    guard clustered else { return panel }
    var ids: [String] = []
    var time: [Double] = []
    var cohort: [Double] = []
    var outcome: [Double] = []
    var cluster: [String] = []
    for i in 0..<panel.unitCount {
        for (p, t) in panel.periods.enumerated() {
            ids.append(panel.unitIDs[i])
            time.append(t)
            cohort.append(panel.cohorts[i] ?? 0)
            outcome.append(panel.outcome(unit: i, period: p))
            cluster.append(String(clusterOfUnit[i]))
        }
    }
    return try StaggeredPanel(unit: ids, time: time, cohort: cohort, outcome: outcome, cluster: cluster, clusterName: "site")
}

@Suite struct CallawaySantAnnaBootstrapTests {
    static let specifications: [CallawaySantAnnaSpecification] = [
        .init(), .init(controlGroup: .notYetTreated), .init(basePeriod: .universal),
        .init(controlGroup: .notYetTreated, anticipation: 1, basePeriod: .universal),
    ]

    @Test("aggregated influence functions reproduce aggregate(_:): estimates and analytic SEs", arguments: [false, true])
    func aggregateInfluenceMatchesAggregate(clustered: Bool) throws {
        let panel = try csBootstrapPanel(StaggeredPanelSimulation(units: 400, clusters: 40), seed: 5, clustered: clustered)
        for specification in Self.specifications {
            let result = try CallawaySantAnna.estimate(panel, specification: specification)
            for kind in CallawaySantAnnaAggregate.Kind.allCases {
                let want = result.aggregate(kind)
                let got = result.aggregateInfluence(kind)
                let draws = MultiplierBootstrap.run(
                    columns: got.elementInfluence + [got.overallInfluence], clusters: panel.clusterOfUnit,
                    replicates: 2, seed: 1)
                #expect(abs(got.overall - want.overall) <= 1e-12, "\(kind) overall")
                #expect(abs(draws.analyticStandardErrors.last! - want.overallStandardError!) <= 1e-12, "\(kind) overall SE")
                #expect(got.labels == want.elements.map(\.label))
                for (j, element) in want.elements.enumerated() {
                    #expect(abs(got.estimates[j] - element.estimate) <= 1e-12, "\(kind) \(element.label)")
                    let se = draws.analyticStandardErrors[j]
                    #expect(element.standardError.map { abs(se - $0) <= 1e-12 } ?? (se < 1e-7), "\(kind) SE \(element.label)")
                }
            }
        }
    }

    @Test("bootstrap SEs within Monte Carlo tolerance of the analytic SEs on a large panel", arguments: [false, true])
    func bootstrapStandardErrorsMatchAnalytic(clustered: Bool) throws {
        let design = StaggeredPanelSimulation(units: 2000, clusters: 200)
        let result = try CallawaySantAnna.estimate(try csBootstrapPanel(design, seed: 12, clustered: clustered))
        let options = CallawaySantAnnaBootstrapOptions(seed: 2026, replicates: 4000)
        let cells = result.bootstrapBands(options: options)
        let dynamic = result.bootstrapBands(.dynamic, options: options)
        #expect(cells.clusterCount == (clustered ? 200 : 2000))
        // Relative SD of the normalized IQR at B = 4000 is ≈ 1.17/sqrt(B) ≈ 1.8%; 7% is 3.8 SDs.
        for row in cells.rows + dynamic.rows + [dynamic.overall!] {
            let analytic = try #require(row.analyticStandardError)
            let se = try #require(row.standardError)
            #expect(abs(se / analytic - 1) < 0.07, "\(row.cohort ?? .nan), \(row.label ?? .nan): \(se) vs \(analytic)")
        }
        for (row, effect) in zip(cells.rows, result.effects) {
            #expect(row.cohort == effect.cohort && row.label == effect.period && row.estimate == effect.estimate)
            #expect(row.analyticStandardError.map { abs($0 - effect.standardError!) <= 1e-12 } ?? false)
        }
    }

    @Test("uniform critical value lies between the pointwise z and Bonferroni")
    func criticalValueBounds() throws {
        let result = try CallawaySantAnna.estimate(StaggeredPanelSimulation(units: 600).simulate(seed: 4).panel)
        let options = CallawaySantAnnaBootstrapOptions(seed: 7, replicates: 4000)
        let z = Normal().quantile(0.975)
        for bands in [
            result.bootstrapBands(options: options), result.bootstrapBands(postTreatmentOnly: true, options: options),
            result.bootstrapBands(.dynamic, options: options), result.bootstrapBands(.calendar, options: options),
        ] {
            let inBand = bands.rows.indices.filter { bands.rows[$0].standardError != nil }
            let c = try #require(bands.simultaneousCriticalValue)
            // Exact on the draws: between the largest marginal 95% quantile of |t_j| and the largest
            // marginal 1 − 0.05/K quantile (union bound over the empirical distribution).
            let marginal = { (j: Int, p: Double) -> Double in
                let se = bands.draws.standardError(j)!
                let t = bands.draws.deviations(j).map { abs($0 / se) }.sorted()
                return MultiplierBootstrapDraws.quantileType1(sorted: t, p)
            }
            #expect(c >= inBand.map { marginal($0, 0.95) }.max()!)
            #expect(c <= inBand.map { marginal($0, 1 - 0.05 / Double(inBand.count)) }.max()!)
            // Normal theory: at least z, at most Bonferroni up to Monte Carlo error (estimated SEs have
            // relative SD 1.17/sqrt(B) ≈ 1.8% at B = 4000; 4 of them is 7.4%).
            #expect(c >= z)
            #expect(c <= Normal().quantile(1 - 0.05 / Double(2 * inBand.count)) * 1.074)
            #expect(bands.bandCriticalValue == c)
            for row in bands.rows {
                let se = try #require(row.standardError)
                let band = try #require(row.simultaneous)
                #expect(abs(band.upperBound - row.estimate - c * se) <= 1e-12 * max(1, abs(row.estimate)))
                #expect(abs(row.pointwise!.upperBound - row.estimate - z * se) <= 1e-12 * max(1, abs(row.estimate)))
            }
        }
    }

    @Test("post-treatment band: only t ≥ g rows, and never wider than the band over all cells")
    func postTreatmentBand() throws {
        let result = try CallawaySantAnna.estimate(StaggeredPanelSimulation(units: 500).simulate(seed: 8).panel)
        let options = CallawaySantAnnaBootstrapOptions(seed: 3)
        let all = result.bootstrapBands(options: options)
        let post = result.bootstrapBands(postTreatmentOnly: true, options: options)
        #expect(all.rows.count == result.effects.count)
        #expect(post.rows.count == result.effects.filter(\.isPostTreatment).count)
        #expect(post.rows.allSatisfy { $0.label! >= $0.cohort! })
        // The multipliers depend on (seed, replicate) only, so each replicate's maximum over the
        // post cells is at most its maximum over all cells.
        #expect(post.simultaneousCriticalValue! <= all.simultaneousCriticalValue!)
    }

    @Test("bit-identical results on 1 and 2 threads", arguments: [false, true])
    func threadIndependence(clustered: Bool) throws {
        let panel = try csBootstrapPanel(StaggeredPanelSimulation(units: 300, clusters: 30), seed: 6, clustered: clustered)
        let result = try CallawaySantAnna.estimate(panel)
        for threads in [1, 2] {
            let one = CallawaySantAnnaBootstrapOptions(seed: 41, replicates: 499, threads: 1)
            let many = CallawaySantAnnaBootstrapOptions(seed: 41, replicates: 499, threads: threads)
            #expect(result.bootstrapBands(options: one) == result.bootstrapBands(options: many))
            #expect(result.bootstrapBands(.group, options: one) == result.bootstrapBands(.group, options: many))
        }
    }

    @Test("clustered: one multiplier per cluster, applied to every unit of the cluster")
    func clusteredMultipliers() throws {
        let panel = try csBootstrapPanel(StaggeredPanelSimulation(units: 200, clusters: 20), seed: 3, clustered: true)
        let result = try CallawaySantAnna.estimate(panel)
        let bands = result.bootstrapBands(options: .init(seed: 17, replicates: 6))
        let codes = try #require(panel.clusterOfUnit)
        #expect(bands.clusterCount == 20 && bands.clusterName == "site")
        let width = bands.draws.statisticCount
        for r in 0..<6 {
            let v = MultiplierBootstrap.multipliers(forReplicate: r, count: 20, seed: 17)
            for (k, column) in result.influence.enumerated() {
                var total = 0.0
                for i in 0..<panel.unitCount { total += v[codes[i]] * column[i] }
                #expect(abs(bands.draws.values[r * width + k] - total / Double(panel.unitCount)) <= 1e-12)
            }
        }
    }

    @Test("universal base: reference cells have no SE and stay out of the band")
    func universalReferenceCells() throws {
        let result = try CallawaySantAnna.estimate(
            StaggeredPanelSimulation(units: 400).simulate(seed: 9).panel, specification: .init(basePeriod: .universal))
        let bands = result.bootstrapBands(options: .init(seed: 1))
        let references = bands.rows.filter { $0.label! == $0.cohort! - 1 }
        #expect(!references.isEmpty)
        #expect(references.allSatisfy { $0.standardError == nil && $0.simultaneous == nil && $0.estimate == 0 })
        let dynamic = result.bootstrapBands(.dynamic, options: .init(seed: 1))
        #expect(dynamic.rows.first { $0.label == -1 }?.standardError == nil)
    }

    /// The true dynamic effect at event time e: cohorts are equally likely in the simulation, so the
    /// cohort-share weights of the estimand are equal across the cohorts observed at e.
    static func trueDynamicEffect(_ design: StaggeredPanelSimulation, _ result: CallawaySantAnnaResult, _ e: Double) -> Double {
        let cohorts = result.effects.filter { $0.eventTime == e }.map { Int($0.cohort) }
        return cohorts.map { design.trueEffect(cohort: $0, period: $0 + Int(e)) }.reduce(0, +) / Double(cohorts.count)
    }

    @Test("the simultaneous dynamic band covers all true event-time effects jointly at about the nominal rate")
    func uniformBandCoverage() throws {
        let design = StaggeredPanelSimulation(
            units: 300, periods: 6, cohorts: [3, 5], cohortEffects: [1, 2], clusters: 300, clusterSD: 0)
        let panels = 100
        var jointUniform = 0
        var jointPointwise = 0
        for seed in 0..<panels {
            let result = try CallawaySantAnna.estimate(design.simulate(seed: UInt64(1000 + seed)).panel)
            let bands = result.bootstrapBands(.dynamic, options: .init(seed: UInt64(seed), replicates: 299))
            let truths = bands.rows.map { Self.trueDynamicEffect(design, result, $0.label!) }
            if zip(bands.rows, truths).allSatisfy({ $0.simultaneous!.contains($1) }) { jointUniform += 1 }
            if zip(bands.rows, truths).allSatisfy({ $0.pointwise!.contains($1) }) { jointPointwise += 1 }
        }
        // Joint coverage 95% over 100 panels: SD 2.2 panels, so ≥ 88 is 3.2 SDs below the mean. The
        // seven pointwise intervals cover jointly less often, which is why the band exists.
        #expect(jointUniform >= 88, "uniform band covered \(jointUniform) of \(panels)")
        #expect(jointPointwise < jointUniform)
    }

    @Test("summary states the bootstrap, the seed, the clusters and which intervals are simultaneous")
    func summaryText() throws {
        let panel = try csBootstrapPanel(StaggeredPanelSimulation(units: 300, clusters: 20), seed: 2, clustered: true)
        let result = try CallawaySantAnna.estimate(panel)
        let text = result.bootstrapBands(.dynamic, options: .init(seed: 123, replicates: 999)).summary
        #expect(text.contains("dynamic aggregation, multiplier bootstrap"))
        #expect(text.contains("B = 999, Rademacher weights, seed 123"))
        #expect(text.contains("one multiplier per cluster of site (G = 20)"))
        #expect(text.contains("simultaneous 95% band"))
        #expect(text.contains("overall"))
        #expect(text.contains("Only 20 clusters"))
    }
}
