import Attribution
import DataFrameModule
import Estimators
import Foundation
import Inference

/// 9,999 pairs-cluster-bootstrap replicates of the whole ROI chain on the peer panel
/// (`../shared/bench/peers/gen_panel.py M`: 480,000 employee × month rows, ~1,000 teams):
/// TWFE isolation `sales ~ trained | employee_id + month` resampling teams
/// (`ClusterBootstrapFixedEffects`: employee effects nested in teams are absorbed once, the 24
/// months enter as dummies), then per replicate effect → monthly benefits over the trained
/// employees (a static `BenefitStream`, 12 months, 30 % gross margin) → ROI, BCR and payback
/// against a fixed `CostLedger` (`ROICalculator.figures`), then the percentile intervals
/// (`ROICalculator.analyse`). Timed from the loaded frame (the CSV read is excluded, as in the
/// peer tasks); the peer for comparison is a loop of pyfixest `feols` refits on resampled teams
/// (`py_peer.py T4 pyfixest_loop`).
enum ROIChainBenchmark {
    static let replicates = 9_999
    static let seed: UInt64 = 20_261_123

    /// Runs the ROI-chain benchmark (best of `repeats`) and ends the process: `--roi-chain PATH`
    /// measures only this.
    static func runAlone(path: String, repeats: Int) throws -> Never {
        try run(path: path, repeats: repeats)
        exit(0)
    }

    static func run(path: String, repeats: Int) throws {
        let panel = try DataFrame.readCSV(path: path)
        let stream = try BenefitStream(
            population: Double(try trainedEmployees(panel)), horizonMonths: 12,
            conversion: MonetaryConversion(
                valuePerUnit: 0.30, unitDescription: "USD of monthly sales", source: "benchmark assumption: 30 % margin"))
        // A fixed, fully loaded ledger (illustrative figures; only their total enters the chain).
        let ledger = try CostLedger(items: [
            CostItem(name: "facilitation and materials", category: .direct, amount: .fixed(3_600_000)),
            CostItem(name: "participant time", category: .indirect, amount: .hours(16 * stream.population, rate: 55)),
            CostItem(name: "design and build", category: .development, amount: .fixed(450_000)),
        ])
        let costs = ledger.total
        var best = (total: Double.infinity, setup: 0.0, replicates: 0.0, intervals: 0.0)
        var analysis: ROIAnalysis?
        var failed = 0
        var parameters = 0
        var check = Double.nan
        var bestSingle = Double.infinity
        var standardError = Double.nan
        for _ in 0..<repeats {
            var model: ClusterBootstrapFixedEffects?
            let setup = try Stopwatch.seconds {
                model = try ClusterBootstrapFixedEffects(
                    "sales ~ trained | employee_id + month", data: panel, cluster: "team_id")
            }
            guard let model, let j = model.index(of: "trained") else { return }
            var draws: BootstrapReplicates?
            let replicateSeconds = Stopwatch.seconds {
                draws = model.run(replicates: replicates, seed: seed) { beta, _ in
                    let figures = try ROICalculator.figures(effect: beta[j], stream: stream, costs: costs)
                    return [
                        beta[j], figures.benefits, figures.netBenefits, figures.roiPercent, figures.benefitCostRatio,
                        figures.paybackMonths,
                    ]
                }
            }
            guard let draws else { return }
            let intervalSeconds = try Stopwatch.seconds {
                analysis = try ROICalculator.analyse(
                    effect: model.coefficients[j], replicates: draws.statistic(0), stream: stream, ledger: ledger,
                    seed: seed, scheme: draws.scheme, failed: draws.failed)
            }
            // The same replicates on one worker, to show what the second core adds.
            let single = Stopwatch.seconds {
                _ = model.run(replicates: replicates, seed: seed, threads: 1) { beta, _ in
                    let figures = try ROICalculator.figures(effect: beta[j], stream: stream, costs: costs)
                    return [beta[j], figures.roiPercent]
                }
            }
            bestSingle = min(bestSingle, single)
            failed = draws.failed
            standardError = draws.standardError(0)
            parameters = model.parameterCount
            if check.isNaN { check = try refitDifference(panel, model: model, replicate: draws.values[0], column: j) }
            let total = setup + replicateSeconds + intervalSeconds
            if total < best.total { best = (total, setup, replicateSeconds, intervalSeconds) }
        }
        guard let analysis else { return }
        let f = { (x: Double) in String(format: "%.4f", x) }
        print("roi_chain_9999,\(f(best.total)),s,\(analysis.scheme) + benefits + ROI + intervals")
        print("roi_chain_setup,\(f(best.setup)),s,design + absorb employee_id + per-team X'X (k = \(parameters))")
        print("roi_chain_replicates,\(f(best.replicates)),s,\(replicates) replicates incl. per-replicate ROI figures, \(failed) failed")
        print("roi_chain_replicates_1_thread,\(f(bestSingle)),s,the same replicates (effect and ROI) on one worker")
        print("roi_chain_intervals,\(f(best.intervals)),s,ROICalculator.analyse percentile intervals")
        print(
            "roi_chain_result,\(f(analysis.point.roiPercent)),%,effect \(f(analysis.effect)) "
                + "(bootstrap SE \(f(standardError))) [\(f(analysis.effectInterval.lower)), "
                + "\(f(analysis.effectInterval.upper))], ROI "
                + "[\(f(analysis.roiInterval.lower)), \(f(analysis.roiInterval.upper))] %, P(ROI > 0) = "
                + "\(analysis.probabilityROIPositive), costs \(f(costs)), population \(Int(stream.population))")
        print("roi_chain_exactness,\(check),abs,|replicate 0 effect − LinearRegression.fit on the resampled panel|")
    }

    /// |β*₀ − refit| for replicate 0: `LinearRegression.fit` on the resampled rows, each drawn team's
    /// employees renumbered per draw. Cluster codes are the teams in order of first appearance,
    /// which is the model's coding when every row is used (checked).
    static func refitDifference(
        _ panel: DataFrame, model: ClusterBootstrapFixedEffects, replicate value: Double, column j: Int
    ) throws -> Double {
        guard model.observationCount == panel.rowCount,
            case .integer(let teams, _) = try panel.column(named: "team_id").values,
            case .integer(let employees, _) = try panel.column(named: "employee_id").values
        else { return .nan }
        var code: [Int: Int] = [:]
        var members: [[Int]] = []
        for (i, team) in teams.enumerated() {
            if code[team] == nil {
                code[team] = members.count
                members.append([])
            }
            members[code[team]!].append(i)
        }
        var rows: [Int] = []
        var ids: [Int] = []
        let draws = ResamplingPlan.cluster(count: model.clusterCount).indices(forReplicate: 0, seed: seed)
        for (p, g) in draws.enumerated() {
            rows += members[g]
            ids += members[g].map { employees[$0] + 10_000_000 * (p + 1) }
        }
        let resample = try panel.taking(rows: rows).replacing(
            Column(name: "employee_id", values: .integer(ids, missing: [Bool](repeating: false, count: ids.count))))
        let refit = try LinearRegression.fit("sales ~ trained | employee_id + month", data: resample)
        return abs(value - (refit.coefficient("trained") ?? .nan))
    }

    /// Employees with at least one trained month: the trained population actually observed.
    static func trainedEmployees(_ panel: DataFrame) throws -> Int {
        guard case .integer(let ids, _) = try panel.column(named: "employee_id").values else { return 0 }
        let trained = try panel.column(named: "trained").values
        var set = Set<Int>()
        switch trained {
        case .integer(let v, let missing): for i in ids.indices where !missing[i] && v[i] == 1 { set.insert(ids[i]) }
        case .double(let v, let missing): for i in ids.indices where !missing[i] && v[i] == 1 { set.insert(ids[i]) }
        default: break
        }
        return set.count
    }
}
