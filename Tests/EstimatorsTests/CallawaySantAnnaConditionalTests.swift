import Estimators
import Foundation
import Testing

/// Known truth and failure modes of the covariate-adjusted Callaway–Sant'Anna estimators.
@Suite struct CallawaySantAnnaConditionalTests {
    /// Seeded panel, periods 1…4, cohort 3 or never treated. P(treated | x) = Λ(x − 0.3) and the
    /// untreated trend is (0.5 + x)·t, so parallel trends hold only conditional on x. The effect
    /// is 2 on impact and 3 one period later; the unconditional estimator is biased upward by
    /// E[x | treated] − E[x | never] per period of difference.
    func simulated(units: Int, seed: UInt64) throws -> StaggeredPanel {
        var random = SeededGenerator(seed: seed)
        var id: [String] = []
        var t: [Double] = []
        var g: [Double] = []
        var y: [Double] = []
        var x: [Double] = []
        var z: [Double] = []
        for i in 0..<units {
            let xi = random.normal()
            let zi = random.uniform() < 0.5 ? 1.0 : 0.0
            let treated = random.uniform() < 1 / (1 + exp(-(xi - 0.3 + 0.2 * zi)))
            let level = random.normal() + xi
            for period in 1...4 {
                let p = Double(period)
                var outcome = level + (0.5 + xi) * p + 0.2 * zi + random.normal()
                if treated && period >= 3 { outcome += period == 3 ? 2 : 3 }
                id.append("u\(i)")
                t.append(p)
                g.append(treated ? 3 : 0)
                y.append(outcome)
                x.append(xi)
                z.append(zi)
            }
        }
        return try StaggeredPanel(unit: id, time: t, cohort: g, outcome: y, covariates: ["x": x, "z": z])
    }

    @Test(arguments: CallawaySantAnnaSpecification.EstimationMethod.allCases)
    func covariateAdjustmentRemovesSelectionBias(method: CallawaySantAnnaSpecification.EstimationMethod) throws {
        let panel = try simulated(units: 4000, seed: 20_261_123)
        let adjusted = try CallawaySantAnna.estimate(
            panel, specification: .init(covariates: ["x", "z"], estimationMethod: method))
        let unconditional = try CallawaySantAnna.estimate(panel)
        for (period, truth) in [(3.0, 2.0), (4.0, 3.0)] {
            let cell = try #require(adjusted.effects.first { $0.period == period })
            let naive = try #require(unconditional.effects.first { $0.period == period })
            let se = try #require(cell.standardError)
            // Adjusted: within 4 standard errors of the truth; unconditional: off by more than 0.5.
            #expect(abs(cell.estimate - truth) < 4 * se, "\(method) ATT(3, \(period)) = \(cell.estimate) ± \(se)")
            #expect(naive.estimate - truth > 0.5, "unconditional ATT(3, \(period)) = \(naive.estimate)")
        }
        // The pre-period placebo ATT(3, 2) is near zero once x is conditioned on.
        let placebo = try #require(adjusted.effects.first { $0.period == 2 })
        #expect(abs(placebo.estimate) < 4 * (try #require(placebo.standardError)))
        #expect(adjusted.summary.contains(method.label) && adjusted.summary.contains("covariates: x, z"))
    }

    /// With covariates the three methods differ; without them they are the unconditional estimator.
    @Test func methodsCoincideWithoutCovariates() throws {
        let panel = try simulated(units: 300, seed: 7)
        let base = try CallawaySantAnna.estimate(panel)
        for method in CallawaySantAnnaSpecification.EstimationMethod.allCases {
            let other = try CallawaySantAnna.estimate(panel, specification: .init(estimationMethod: method))
            #expect(other.effects == base.effects)
        }
        let reg = try CallawaySantAnna.estimate(panel, specification: .init(covariates: ["x"], estimationMethod: .regression))
        let ipw = try CallawaySantAnna.estimate(
            panel, specification: .init(covariates: ["x"], estimationMethod: .inverseProbability))
        #expect(reg.effects[1].estimate != ipw.effects[1].estimate)
        #expect(base.summary.contains("unconditional (no covariates)"))
    }

    /// Covariates that change within units are used from each cell's earlier period, with a warning.
    @Test func timeVaryingCovariateWarns() throws {
        let panel = try simulated(units: 200, seed: 11)
        let steady = try CallawaySantAnna.estimate(panel, specification: .init(covariates: ["x"]))
        #expect(!steady.warnings.contains { $0.contains("vary within units") })
        let id: [String] = panel.unitIDs.flatMap { u in [u, u, u, u] }
        let t: [Double] = panel.unitIDs.flatMap { _ -> [Double] in [1, 2, 3, 4] }
        let g: [Double] = panel.cohorts.flatMap { c -> [Double] in [Double](repeating: c ?? 0, count: 4) }
        let x = panel.covariateValues[0]
        let drift: [Double] = (0..<id.count).map { r -> Double in x[r] + Double(r % 4) * 0.1 }
        let moving = try StaggeredPanel(unit: id, time: t, cohort: g, outcome: panel.outcomes, covariates: ["x": drift])
        let result = try CallawaySantAnna.estimate(moving, specification: .init(covariates: ["x"]))
        #expect(result.warnings.contains { $0.contains("x vary within units") })
        // Post-treatment cells use base-period values: x + 0.1 in period 2, a shift the intercept absorbs.
        let post = try #require(result.effects.first { $0.period == 3 })
        let same = try #require(steady.effects.first { $0.period == 3 })
        #expect(abs(post.estimate - same.estimate) < 1e-9)
    }

    /// Two periods, cohort 2; `treated` units at x evenly in [3, 4], 100 comparison units in
    /// [−3, 0] plus those at `extra`.
    func overlapPanel(treated: Int, extra: [Double]) throws -> StaggeredPanel {
        let treatedX: [Double] = (0..<treated).map { k -> Double in 3 + Double(k) / Double(treated - 1) }
        let comparisonX: [Double] = (0..<100).map { k -> Double in -3 + 3 * Double(k) / 99 }
        let xs = treatedX + comparisonX + extra
        var id: [String] = []
        var t: [Double] = []
        var g: [Double] = []
        var y: [Double] = []
        var x: [Double] = []
        for (i, value) in xs.enumerated() {
            for period in [1.0, 2.0] {
                id.append("u\(i)")
                t.append(period)
                g.append(i < treated ? 2 : 0)
                y.append(value * period + (i < treated && period == 2 ? 1 : 0) + Double(i % 7) * 0.1)
                x.append(value)
            }
        }
        return try StaggeredPanel(unit: id, time: t, cohort: g, outcome: y, covariates: ["x": x])
    }

    /// A comparison unit at the top of the treated range gets p̂ = 0.99742 (statsmodels GLM): DRDID
    /// trims it (weight 0) and the result warns; the highest score stays below did's 0.999 limit.
    @Test func poorOverlapIsTrimmedAndReported() throws {
        let panel = try overlapPanel(treated: 100, extra: [4])
        for method in [CallawaySantAnnaSpecification.EstimationMethod.inverseProbability, .doublyRobust] {
            let result = try CallawaySantAnna.estimate(panel, specification: .init(covariates: ["x"], estimationMethod: method))
            #expect(result.warnings.contains { $0.contains("0.995") && $0.contains("(2, 2): 1") }, "\(method)")
            #expect(result.effects[0].estimate.isFinite)
        }
        let regression = try CallawaySantAnna.estimate(
            panel, specification: .init(covariates: ["x"], estimationMethod: .regression))
        #expect(!regression.warnings.contains { $0.contains("0.995") })
    }

    /// With 300 treated units the highest score is 0.99930 ≥ 0.999: did's overlap check fails the
    /// cell, here a typed error; outcome regression does not need overlap of scores and still runs.
    @Test func overlapFailureIsATypedError() throws {
        let panel = try overlapPanel(treated: 300, extra: [4])
        let error = #expect(throws: StaggeredPanelError.self) {
            try CallawaySantAnna.estimate(panel, specification: .init(covariates: ["x"], estimationMethod: .doublyRobust))
        }
        #expect(error?.description.contains("0.999") == true)
        #expect(throws: Never.self) {
            try CallawaySantAnna.estimate(panel, specification: .init(covariates: ["x"], estimationMethod: .regression))
        }
    }

    @Test func unknownCovariateIsNamed() throws {
        let panel = try simulated(units: 50, seed: 3)
        #expect(throws: StaggeredPanelError.covariateNotInPanel(name: "age", available: ["x", "z"])) {
            try CallawaySantAnna.estimate(panel, specification: .init(covariates: ["age"]))
        }
    }

    /// A covariate constant within the comparison units makes the outcome regression singular.
    @Test func collinearCovariateIsATypedError() throws {
        let id = (0..<8).flatMap { ["u\($0)", "u\($0)"] }
        let t = (0..<8).flatMap { _ in [1.0, 2.0] }
        let g = (0..<8).flatMap { $0 < 4 ? [2.0, 2.0] : [0.0, 0.0] }
        let y = (0..<16).map { Double($0 % 5) }
        let constant = [Double](repeating: 1, count: 16)
        let panel = try StaggeredPanel(unit: id, time: t, cohort: g, outcome: y, covariates: ["c": constant])
        for method in CallawaySantAnnaSpecification.EstimationMethod.allCases {
            #expect {
                try CallawaySantAnna.estimate(panel, specification: .init(covariates: ["c"], estimationMethod: method))
            } throws: { error in
                guard case .covariateAdjustmentFailed(let cohort, let period, _) = error as? StaggeredPanelError
                else { return false }
                return cohort == 2 && period == 2
            }
        }
    }

    /// A covariate that separates treated from comparison units: no overlap.
    @Test func separationIsATypedError() throws {
        let id = (0..<8).flatMap { ["u\($0)", "u\($0)"] }
        let t = (0..<8).flatMap { _ in [1.0, 2.0] }
        let g = (0..<8).flatMap { $0 < 4 ? [2.0, 2.0] : [0.0, 0.0] }
        let y = (0..<16).map { Double($0 % 5) }
        var x: [Double] = []
        for unit in 0..<8 {
            let value: Double = unit < 4 ? Double(unit) + 10 : Double(unit)
            x += [value, value]
        }
        let panel = try StaggeredPanel(unit: id, time: t, cohort: g, outcome: y, covariates: ["x": x])
        let error = #expect(throws: StaggeredPanelError.self) {
            try CallawaySantAnna.estimate(panel, specification: .init(covariates: ["x"], estimationMethod: .doublyRobust))
        }
        #expect(error?.description.contains("separate") == true)
    }
}
