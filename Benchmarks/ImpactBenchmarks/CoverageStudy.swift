import Attribution
import DataFrameModule
import Dispatch
import Distributions
import Estimators
import Foundation
import Inference
import LinearAlgebra
import ModelSpec

/// Monte Carlo coverage of the workbench's 95 % intervals for a DiD effect and the ROI built on it
/// (issue 5 item 5; results in docs/validation.md). A script, not a unit test:
/// `swift run -c release ImpactBenchmarks --coverage [datasets]`.
///
/// Data-generating process, per dataset (G teams, the first ⌊G/2⌋ trained; 4–20 employees per team;
/// one pre and one post row per employee):
///
///     y_igt = 10 + α_g + e_i + 0.3·post_t + δ·trained_gt + η_gt + ε_igt,   δ = 0.4,
///
/// α_g ~ N(0, 1) team effect, e_i ~ N(0, 0.5²) employee effect, ε ~ N(0, 1), and a skewed
/// team × period shock η_gt = s_g·(Exp(1) − 1) with s_g = 0.8 for trained teams and 0.4 otherwise.
/// The shock makes the errors cluster-correlated in the DiD contrast, and its skew and unequal
/// scale are what make few clusters hard (MacKinnon & Webb 2017, "Wild bootstrap inference for
/// wildly different cluster sizes"). The estimator is OLS of `y ~ treated + post + trained`,
/// clustered by team, so β_trained is the DiD effect.
///
/// ROI: benefits = effect × 300 USD per unit (30 % margin on USD 1,000 of monthly sales) × 12
/// months × the trained employees observed; costs = 20,000 fixed + 16 h × 40 USD per trained
/// employee (`BenefitStream`, `CostLedger`, `ROICalculator.figures`). The true ROI of a dataset uses
/// δ and that dataset's trained population.
///
/// Per dataset: a pairs cluster bootstrap (`ClusterBootstrap.run`, B replicates, each from
/// `ClusterSufficientStatistics`) gives the percentile, basic, normal, BCa (leave-one-team-out
/// jackknife) and studentized (CR1 variance per replicate) intervals; the analytic CR1 interval uses
/// t(G − 1); the wild cluster restricted bootstrap (`WildClusterBootstrap.test`, null imposed at the
/// truth) reports whether it rejects the true null at 5 %.
enum CoverageStudy {
    static let trueEffect = 0.4
    static let dataSeed: UInt64 = 20_261_123
    static let bootstrapSeed: UInt64 = 20_261_124
    static let replicates = 399
    static let clusterCounts = [10, 20, 50, 100]
    static let level = 0.95
    /// Interval kinds, in table order; the effect and the ROI share them.
    static let kinds = ["percentile", "basic", "normal", "BCa", "studentized", "CR1 t(G−1)"]
    static let wildKinds = ["WCR Rademacher", "WCR Webb"]

    /// Parses `--coverage [datasets]`, runs the study, prints Markdown tables and ends the process.
    static func runAlone(arguments: [String]) throws -> Never {
        let datasets = arguments.first.flatMap { Int($0) } ?? 2_000
        precondition(datasets >= 2, "--coverage needs at least 2 datasets")
        // The replicates already use both cores across datasets; BLAS threads would only compete.
        BLASThreads.set(1)
        try run(datasets: datasets)
        exit(0)
    }

    static func run(datasets: Int) throws {
        let formula = try Formula.parse("y ~ treated + post + trained")
        print("Coverage study: \(datasets) datasets per setting, B = \(replicates), level \(level), δ = \(trueEffect),")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("data seed \(dataSeed), bootstrap seed \(bootstrapSeed) (+ G << 32 + dataset index), \(cores) cores\n")
        var tallies: [Tally] = []
        for g in clusterCounts {
            let start = Date()
            let store = OutcomeStore(count: datasets)
            let workers = ProcessInfo.processInfo.activeProcessorCount
            let failure = ErrorBox()
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var d = worker
                while d < datasets {
                    do { store.set(d, try analyse(clusters: g, dataset: d, formula: formula)) } catch { failure.record(error) }
                    d += workers
                }
            }
            if let error = failure.error { throw error }
            let tally = Tally(clusters: g, outcomes: store.outcomes.map { $0! }, seconds: Date().timeIntervalSince(start))
            tallies.append(tally)
            print("G = \(g): \(String(format: "%.1f", tally.seconds)) s")
        }
        print("")
        print(Tally.table(tallies, title: "Effect: share of 95 % intervals covering δ (Monte Carlo SE)", roi: false))
        print(Tally.table(tallies, title: "ROI: share of 95 % intervals covering the true ROI (Monte Carlo SE)", roi: true))
        print(Tally.widths(tallies))
        print(Tally.diagnostics(tallies))
    }

    /// One simulated panel.
    struct Panel {
        var y: [Double] = [], treated: [Double] = [], post: [Double] = [], trained: [Double] = []
        var team: [Int] = []
        var trainedEmployees = 0
    }

    static func simulate(clusters g: Int, dataset d: Int) -> Panel {
        var random = RandomStream(seed: dataSeed, stream: UInt64(g) << 32 | UInt64(d))
        var panel = Panel()
        for team in 0..<g {
            let isTrained = team < g / 2
            let size = 4 + random.nextInt(below: 17)
            let teamEffect = normal(&random)
            let scale = isTrained ? 0.8 : 0.4
            // Exp(1) − 1: mean 0, variance 1, skewness 2.
            let shocks = (0..<2).map { _ in scale * (-log(1 - random.nextUniform()) - 1) }
            if isTrained { panel.trainedEmployees += size }
            for _ in 0..<size {
                let employeeEffect = 0.5 * normal(&random)
                for period in 0..<2 {
                    let trained = isTrained && period == 1 ? 1.0 : 0.0
                    panel.y.append(
                        10 + teamEffect + employeeEffect + 0.3 * Double(period) + trueEffect * trained + shocks[period]
                            + normal(&random))
                    panel.treated.append(isTrained ? 1 : 0)
                    panel.post.append(Double(period))
                    panel.trained.append(trained)
                    panel.team.append(team)
                }
            }
        }
        return panel
    }

    /// A standard normal draw by Box–Muller (one of the pair; simplicity over speed here).
    static func normal(_ random: inout RandomStream) -> Double {
        let u1 = 1 - random.nextUniform()  // in (0, 1], so log is finite
        let u2 = random.nextUniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Which intervals of one dataset cover the truth, their effect widths, and the wild tests.
    struct Outcome: Sendable {
        /// Per kind: nil when the interval is undefined for this dataset.
        var effectCovers: [Bool?] = [], roiCovers: [Bool?] = [], effectWidths: [Double?] = []
        var wildRejects: [Bool] = []
        var failedReplicates = 0
        /// |CR1 SE from sufficient statistics − CR1 SE of `WildClusterBootstrap`| / SE.
        var standardErrorCheck = 0.0
    }

    static func analyse(clusters g: Int, dataset d: Int, formula: Formula) throws -> Outcome {
        let panel = simulate(clusters: g, dataset: d)
        let count = panel.y.count
        let none = [Bool](repeating: false, count: count)
        let frame = try DataFrame(columns: [
            Column(name: "y", values: .double(panel.y, missing: none)),
            Column(name: "treated", values: .double(panel.treated, missing: none)),
            Column(name: "post", values: .double(panel.post, missing: none)),
            Column(name: "trained", values: .double(panel.trained, missing: none)),
        ])
        let design = try DesignMatrix.build(formula, data: frame)
        guard let j = design.columnNames.firstIndex(of: "trained") else { preconditionFailure("no 'trained' column") }
        let moments = ReplicateMoments(
            statistics: ClusterSufficientStatistics(design: design, clusterCodes: panel.team.map { Int32($0) }),
            sizes: (0..<g).map { team in panel.team.filter { $0 == team }.count }, coefficient: j)

        let stream = try BenefitStream(
            population: Double(panel.trainedEmployees), horizonMonths: 12,
            conversion: MonetaryConversion(
                valuePerUnit: 300, unitDescription: "USD 1,000 of monthly sales per employee",
                source: "simulation: 30 % gross margin"))
        let costs = try CostLedger(items: [
            CostItem(name: "delivery", category: .direct, amount: .fixed(20_000)),
            CostItem(name: "participant time", category: .indirect, amount: .hours(16 * stream.population, rate: 40)),
        ]).total
        let roi: @Sendable (Double) throws -> Double = { effect in
            try ROICalculator.figures(effect: effect, stream: stream, costs: costs).roiPercent
        }
        // A static benefit stream makes the ROI affine in the effect, so its variance is slope² × var.
        let slope = try roi(1) - roi(0)
        let trueROI = try roi(trueEffect)

        let full = try moments.estimate(weights: [Double](repeating: 1, count: g))
        let seed = bootstrapSeed &+ UInt64(g) << 32 &+ UInt64(d)
        let draws = ClusterBootstrap.run(clusterCount: g, replicates: replicates, seed: seed, threads: 1) { w in
            let (b, v) = try moments.estimate(weights: w)
            return [b, v, try roi(b), slope * slope * v]
        }
        let jackknife = try (0..<g).map { drop in
            var w = [Double](repeating: 1, count: g)
            w[drop] = 0
            return try moments.estimate(weights: w).beta
        }
        var outcome = Outcome()
        outcome.failedReplicates = draws.failed
        let t = StudentT(degreesOfFreedom: Double(g - 1)).quantile((1 + level) / 2)
        // Columns of `draws`: effect, its CR1 variance, ROI, its variance.
        for (estimate, variance, column, truth, leaveOneOut) in [
            (full.beta, full.variance, 0, trueEffect, jackknife),
            (try roi(full.beta), slope * slope * full.variance, 2, trueROI, try jackknife.map(roi)),
        ] {
            var covers: [Bool?] = []
            var widths: [Double?] = []
            let methods: [BootstrapIntervalMethod] = [.percentile, .basic, .normal, .bca, .studentized]
            for method in methods {
                let interval = try? BootstrapInterval.interval(
                    method, estimate: estimate, replicates: draws.statistic(column), level: level,
                    jackknife: leaveOneOut, variance: variance, replicateVariances: draws.statistic(column + 1))
                covers.append(interval.map { $0.lower <= truth && truth <= $0.upper })
                widths.append(interval.map { $0.upper - $0.lower })
            }
            let margin = t * variance.squareRoot()
            covers.append(estimate - margin <= truth && truth <= estimate + margin)
            widths.append(2 * margin)
            if column == 0 {
                outcome.effectCovers = covers
                outcome.effectWidths = widths
            } else {
                outcome.roiCovers = covers
            }
        }
        for weights in [WildBootstrapWeights.rademacher, .webb] {
            let test = try WildClusterBootstrap.test(
                design: design.x, response: design.y, clusters: panel.team, coefficient: j, nullValue: trueEffect,
                imposeNull: true, weights: weights, replicates: replicates, seed: seed, threads: 1)
            outcome.wildRejects.append(test.pValue < 1 - level)
            outcome.standardErrorCheck = abs(test.standardError - full.variance.squareRoot()) / test.standardError
        }
        return outcome
    }
}

/// One coefficient and its CR1 variance for any cluster weights, from per-cluster sufficient
/// statistics: with A = Σ w_g X_g'X_g, β = A⁻¹Σ w_g X_g'y_g, scores S_g = X_g'y_g − X_g'X_g β and
/// a = A⁻¹e_j, V_jj = c·Σ w_g (a'S_g)², c = G/(G − 1)·(N − 1)/(N − k) with N = Σ w_g n_g (a cluster
/// drawn twice counts as two clusters: Cameron, Gelbach & Miller 2008, §3.1).
struct ReplicateMoments: Sendable {
    let statistics: ClusterSufficientStatistics
    let sizes: [Int]
    let coefficient: Int
    let blocks: [Matrix]
    let crossMoments: [[Double]]

    init(statistics: ClusterSufficientStatistics, sizes: [Int], coefficient: Int) {
        self.statistics = statistics
        self.sizes = sizes
        self.coefficient = coefficient
        blocks = (0..<statistics.clusterCount).map { statistics.crossProduct(cluster: $0) }
        crossMoments = (0..<statistics.clusterCount).map { statistics.crossMoment(cluster: $0) }
    }

    func estimate(weights w: [Double]) throws -> (beta: Double, variance: Double) {
        let k = statistics.parameterCount
        let beta = try statistics.coefficients(clusterWeights: w)
        var a = Matrix(rows: k, columns: k)
        var clusters = 0.0
        var rows = 0.0
        for g in blocks.indices where w[g] > 0 {
            for e in 0..<(k * k) { a.elements[e] += w[g] * blocks[g].elements[e] }
            clusters += w[g]
            rows += w[g] * Double(sizes[g])
        }
        var unit = [Double](repeating: 0, count: k)
        unit[coefficient] = 1
        let direction = try Cholesky(a).solve(unit)
        var meat = 0.0
        for g in blocks.indices where w[g] > 0 {
            var projection = 0.0
            for r in 0..<k {
                var score = crossMoments[g][r]
                for c in 0..<k { score -= blocks[g][r, c] * beta[c] }
                projection += direction[r] * score
            }
            meat += w[g] * projection * projection
        }
        let factor = clusters / (clusters - 1) * (rows - 1) / (rows - Double(k))
        return (beta[coefficient], factor * meat)
    }
}

/// The outcomes of one setting, summarized: coverage p̂ with Monte Carlo SE √(p̂(1 − p̂)/n), n the
/// datasets where the interval is defined.
struct Tally {
    let clusters: Int
    let outcomes: [CoverageStudy.Outcome]
    let seconds: Double

    func share(_ flags: [Bool?]) -> (value: Double, standardError: Double, undefined: Int) {
        let defined = flags.compactMap { $0 }
        let n = Double(defined.count)
        let p = Double(defined.filter { $0 }.count) / n
        return (p, (p * (1 - p) / n).squareRoot(), flags.count - defined.count)
    }

    func cell(_ flags: [Bool?]) -> String {
        let s = share(flags)
        let undefined = s.undefined > 0 ? " [\(s.undefined) undef.]" : ""
        return String(format: "%.3f (%.3f)", s.value, s.standardError) + undefined
    }

    static func header(_ tallies: [Tally], first: String) -> String {
        "| \(first) | " + tallies.map { "G = \($0.clusters)" }.joined(separator: " | ") + " |\n|---|"
            + String(repeating: "---|", count: tallies.count) + "\n"
    }

    static func table(_ tallies: [Tally], title: String, roi: Bool) -> String {
        var text = "\(title)\n\n" + header(tallies, first: "interval")
        for (i, kind) in CoverageStudy.kinds.enumerated() {
            text +=
                "| \(kind) | "
                + tallies.map { t in
                    t.cell(t.outcomes.map { roi ? $0.roiCovers[i] : $0.effectCovers[i] })
                }.joined(separator: " | ") + " |\n"
        }
        // Rejecting the true null is not covering it: the wild rows show 1 − rejection rate.
        for (i, kind) in CoverageStudy.wildKinds.enumerated() {
            text +=
                "| \(kind) (1 − rejection rate) | "
                + tallies.map { t in
                    t.cell(t.outcomes.map { !$0.wildRejects[i] })
                }.joined(separator: " | ") + " |\n"
        }
        return text
    }

    static func widths(_ tallies: [Tally]) -> String {
        var text = "Mean width of the effect interval (δ = \(CoverageStudy.trueEffect))\n\n" + header(tallies, first: "interval")
        for (i, kind) in CoverageStudy.kinds.enumerated() {
            text +=
                "| \(kind) | "
                + tallies.map { t in
                    let w = t.outcomes.compactMap { $0.effectWidths[i] }
                    return String(format: "%.3f", w.reduce(0, +) / Double(w.count))
                }.joined(separator: " | ") + " |\n"
        }
        return text
    }

    static func diagnostics(_ tallies: [Tally]) -> String {
        var text = "Diagnostics\n\n" + header(tallies, first: "")
        text += "| datasets | " + tallies.map { "\($0.outcomes.count)" }.joined(separator: " | ") + " |\n"
        text +=
            "| failed (singular) replicates, total | "
            + tallies.map { "\($0.outcomes.reduce(0) { $0 + $1.failedReplicates })" }.joined(separator: " | ") + " |\n"
        text +=
            "| max relative CR1 SE difference vs WildClusterBootstrap | "
            + tallies.map { t in String(format: "%.1e", t.outcomes.map(\.standardErrorCheck).max() ?? .nan) }
            .joined(separator: " | ") + " |\n"
        // The chain is affine in the effect (fixed population and costs), so every interval type is
        // equivariant and the ROI verdicts must repeat the effect's; a difference would be a bug.
        text +=
            "| datasets where an ROI verdict differs from the effect's | "
            + tallies.map { t in "\(t.outcomes.filter { $0.roiCovers != $0.effectCovers }.count)" }.joined(separator: " | ") + " |\n"
        text += "| wall-clock seconds | " + tallies.map { String(format: "%.1f", $0.seconds) }.joined(separator: " | ") + " |\n"
        return text
    }
}

/// Outcomes written by the dataset workers; each slot is written by one worker only.
final class OutcomeStore: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [CoverageStudy.Outcome?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ outcome: CoverageStudy.Outcome) { lock.withLock { slots[index] = outcome } }
    var outcomes: [CoverageStudy.Outcome?] { lock.withLock { slots } }
}

/// The first error a dataset worker met, rethrown after the workers finish.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?
    func record(_ error: Error) { lock.withLock { if first == nil { first = error } } }
    var error: Error? { lock.withLock { first } }
}
