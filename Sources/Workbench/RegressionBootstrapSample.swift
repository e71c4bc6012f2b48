import DataFrameModule
import Estimators
import Foundation
import Inference
import ModelSpec

/// The estimation sample of a `RegressionBootstrap`, split into resampling units, with the
/// original fit; it refits any resample given as frequency weights over the units.
struct RegressionBootstrapSample: Sendable {
    /// The parsed formula.
    let formula: Formula
    let specification: RegressionBootstrap
    /// The estimation sample (only the columns the model, weights, clusters and strata use).
    let base: DataFrame
    /// The fit on the whole estimation sample.
    let original: RegressionFit
    /// Rows of `base` in each resampling unit (one row per unit for pairs).
    let unitRows: [[Int]]
    /// The resampling plan over the units.
    let plan: ResamplingPlan
    /// The scheme in words, e.g. "cluster bootstrap (team_id, G = 40)".
    let schemeLabel: String
    /// How many rows of the session's dataset the estimation sample uses, and why others were left out.
    let account: ObservationAccount
    /// Indices (into `original.columnNames`) of the coefficients bootstrapped: the kept ones.
    let reported: [Int]
    /// Columns renumbered per drawn copy of a cluster: the bootstrap's cluster column and every
    /// absorbed-effect or covariance-cluster column nested in it (an employee within a team), with
    /// their dense codes. A cluster drawn twice is then two clusters with their own units and fixed
    /// effects (Stata's `idcluster()`); crossed columns (month) stay shared across copies.
    let relabelled: [(name: String, codes: [Int32], count: Int)]

    init(specification: RegressionBootstrap, frame: DataFrame) throws {
        self.specification = specification
        formula = try Formula.parse(specification.formula)
        var options = DesignOptions()
        options.weights = specification.weights
        let extra = [specification.cluster, specification.strata].compactMap { $0 }
        options.requiredColumns = specification.covariance.clusterVariables + extra
        // The same design LinearRegression builds, plus the bootstrap's own columns as required.
        let design = try DesignMatrix.build(formula, data: frame, options: options)
        account = design.account
        var needed = [formula.outcome] + formula.regressorVariables + formula.absorbed + options.requiredColumns
        if let weights = specification.weights { needed.append(weights) }
        var seen = Set<String>()
        needed = needed.filter { seen.insert($0).inserted }
        base = try frame.selecting(needed).taking(rows: design.rowIndices)
        original = try LinearRegression.fit(
            formula, data: base, weights: specification.weights, covariance: specification.covariance)
        reported = original.keptColumns
        let n = base.rowCount

        var unitStrata: [Int]?
        var strataCount = 0
        var label: String
        if let strata = specification.strata {
            let coded = try base.column(named: strata).groupCodes()
            unitStrata = coded.codes.map(Int.init)
            strataCount = coded.count
        }
        if let cluster = specification.cluster {
            let column = try base.column(named: cluster)
            let (codes, count) = column.groupCodes()
            guard count >= 2 else { throw SessionAnalysisError.tooFewClusters(column: cluster, count: count) }
            var members = [[Int]](repeating: [], count: count)
            for i in 0..<n { members[Int(codes[i])].append(i) }
            unitRows = members
            if let rowStrata = unitStrata, let strata = specification.strata {
                unitStrata = try members.map { rows in
                    let first = rowStrata[rows[0]]
                    if let other = rows.first(where: { rowStrata[$0] != first }) {
                        throw SessionAnalysisError.clusterSpansStrata(
                            cluster: cluster, value: column.text(at: other), strata: strata)
                    }
                    return first
                }
            }
            label = "cluster bootstrap (\(cluster), G = \(count))"
            var nested: [(name: String, codes: [Int32], count: Int)] = []
            for name in Set([cluster] + formula.absorbed + specification.covariance.clusterVariables).sorted() {
                let (unitCodes, unitCount) = try base.column(named: name).groupCodes()
                var home = [Int32](repeating: -1, count: unitCount)
                // Nested: every value of the column lies in one cluster only.
                let isNested = (0..<n).allSatisfy { i in
                    let u = Int(unitCodes[i])
                    if home[u] < 0 { home[u] = codes[i] }
                    return home[u] == codes[i]
                }
                if isNested { nested.append((name, unitCodes, unitCount)) }
            }
            relabelled = nested
        } else {
            guard n >= 2 else { throw SessionAnalysisError.tooFewClusters(column: "rows", count: n) }
            unitRows = (0..<n).map { [$0] }
            label = "pairs bootstrap (n = \(n))"
            // A row drawn twice is the same observation twice: its unit and effects stay shared.
            relabelled = []
        }
        if let unitStrata, let strata = specification.strata {
            plan = .stratified(strata: unitStrata)
            label = "stratified " + label + ", \(strataCount) strata of \(strata)"
        } else {
            plan = specification.cluster == nil ? .pairs(rows: n) : .cluster(count: unitRows.count)
        }
        schemeLabel = label
    }

    /// The coefficients and their variances (each fit's own covariance) for the resample that
    /// draws unit u `unitWeights[u]` times: `[b₁ … b_k, v₁ … v_k]` over the reported coefficients.
    /// - Throws: the refit's error, or `ReplicateProblem` when the resample's design differs.
    func statistics(unitWeights: [Double]) throws -> [Double] {
        var rows: [Int] = []
        var copies: [Int] = []
        rows.reserveCapacity(base.rowCount)
        var copy = 0
        for (u, weight) in unitWeights.enumerated() where weight > 0 {
            for _ in 0..<Int(weight) {
                rows += unitRows[u]
                copies += repeatElement(copy, count: unitRows[u].count)
                copy += 1
            }
        }
        var resample = base.taking(rows: rows)
        let present = [Bool](repeating: false, count: rows.count)
        for (name, codes, count) in relabelled {
            // Copy c of unit code u becomes c·count + u: distinct across copies, equal within one.
            let ids = zip(rows, copies).map { row, copy in copy * count + Int(codes[row]) }
            resample = try resample.replacing(Column(name: name, values: .integer(ids, missing: present)))
        }
        let fit = try LinearRegression.fit(
            formula, data: resample, weights: specification.weights, covariance: specification.covariance)
        guard fit.columnNames == original.columnNames else {
            let missing = original.columnNames.filter { !fit.columnNames.contains($0) }
            throw ReplicateProblem(
                text: "the resample lacks a level of a categorical regressor (no column \(missing.first ?? "?"))")
        }
        guard fit.droppedColumns == original.droppedColumns else {
            let extra = fit.droppedColumns.filter { !original.droppedColumns.contains($0) }
            throw ReplicateProblem(text: "\(extra.first ?? "a column") is collinear in the resample")
        }
        let se = fit.standardErrors
        let values = reported.map { fit.coefficients[$0] } + reported.map { se[$0] * se[$0] }
        guard values.allSatisfy(\.isFinite) else {
            throw ReplicateProblem(text: "the refit gave a non-finite coefficient or variance")
        }
        return values
    }

    /// Leave-one-unit-out statistics (row u of the result leaves unit u out), for BCa's
    /// acceleration: leave-one-cluster-out when clustered, as the acceleration must be by cluster.
    /// A unit whose refit fails gives a row of NaN. Units are dealt to workers round-robin and
    /// each row is written to its own slot, so the result does not depend on the thread count.
    func jackknife(threads: Int?, progress: (@Sendable (String, Int, Int) -> Void)?) -> [[Double]] {
        let count = unitRows.count
        let store = JackknifeStore(count: count)
        let tally = ReplicateTally(total: count, stage: "jackknife", progress: progress)
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var weights = [Double](repeating: 1, count: count)
            var u = worker
            while u < count {
                weights[u] = 0
                store.set(u, (try? statistics(unitWeights: weights)) ?? [])
                weights[u] = 1
                tally.finished(failure: nil)
                u += workers
            }
        }
        return store.rows
    }
}

/// Why a replicate's refit cannot be used, beyond the fit's own errors.
struct ReplicateProblem: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}

/// Jackknife rows written by several workers, one slot each.
final class JackknifeStore: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[Double]]

    init(count: Int) { values = [[Double]](repeating: [], count: count) }

    func set(_ u: Int, _ row: [Double]) {
        lock.lock()
        values[u] = row
        lock.unlock()
    }

    var rows: [[Double]] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
