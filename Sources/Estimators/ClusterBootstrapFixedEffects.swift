import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec

/// Pairs cluster bootstrap of a regression with absorbed fixed effects (`y ~ d | unit + month`)
/// from per-cluster sufficient statistics, so that one replicate costs O(G·k²) instead of a refit.
///
/// Set-up, once:
/// 1. Every absorbed effect whose levels each lie in one cluster (employee within team clusters)
///    is *nested*: the outcome and the regressors are demeaned within the nested effects. Their
///    dummies are block-diagonal across clusters, so the projection acts cluster by cluster and a
///    resample that duplicates a cluster (giving the copy new level ids, as a refit must) leaves
///    each copy's demeaned rows unchanged.
/// 2. Every other absorbed effect with at most `maximumDummyLevels` levels (month) enters as
///    explicit dummy columns, first level as reference (all levels when nothing nested absorbs
///    the constant), demeaned like the regressors. Columns that the nested effects absorb, or that
///    are collinear, are dropped by the fit's rules (within-norm share ≤ 1e-7, then the pivoted
///    QR's rank rule, as `LinearRegression.fit`).
/// 3. Per cluster, `A_g = X̃_gᵀW_gX̃_g` (packed upper triangle) and `c_g = X̃_gᵀW_gỹ_g`.
///
/// A replicate with cluster frequencies `f_g` (how often cluster g is drawn; `ResamplingPlan.cluster`,
/// the draws of `ClusterBootstrap`) solves `(Σ_g f_g A_g) β* = Σ_g f_g c_g` by Cholesky. By
/// Frisch–Waugh–Lovell this is, exactly, the slope vector of refitting
/// `LinearRegression.fit("y ~ d | unit + month")` on the resampled rows with duplicated clusters'
/// units renumbered (tested to 1e-10); the pairs cluster bootstrap is Cameron, Gelbach & Miller
/// (2008, §3.1); the sufficient-statistics shortcut is that of Roodman, MacKinnon, Nielsen & Webb
/// (2019, §5), here after absorbing the nested effects (MacKinnon, Nielsen & Webb 2023, "Fixed
/// effects and the generalized wild bootstrap", on when absorbing commutes with resampling).
///
/// Where the fast path is **not** valid: an absorbed effect that is not nested in the clusters
/// and has many levels (employee FE with clusters by month, or two-way clustering). Demeaning
/// within it would use rows of other clusters, whose mix changes with every resample, so the
/// set-up throws `ClusterBootstrapFixedEffectsError.effectNotNested` rather than approximate.
/// Rows with missing values, zero weights or singleton levels are dropped once, before resampling,
/// as the refit on a resample drops them (a duplicated cluster's singleton stays a singleton).
public struct ClusterBootstrapFixedEffects: Sendable {
    /// The cluster variable resampled.
    public let clusterVariable: String
    /// G, the number of clusters in the rows used.
    public let clusterCount: Int
    /// N, the rows used (after missing values and singletons).
    public let observationCount: Int
    /// Names of the columns kept: the formula's regressors, then the dummies of the crossed
    /// effects (`month[T.2]`).
    public let columnNames: [String]
    /// How many of `columnNames` are the formula's regressors (the rest are dummies).
    public let regressorCount: Int
    /// Columns dropped as absorbed by the nested effects or collinear.
    public let droppedColumns: [String]
    /// Absorbed effects nested in the clusters (demeaned within).
    public let nestedEffects: [String]
    /// An absorbed effect entered as dummy columns: its name and level count.
    public struct DummyEffect: Sendable, Equatable {
        /// The column name, as written after `|`.
        public let name: String
        /// Levels in the rows used (one fewer dummies when a level is the reference).
        public let levels: Int
    }

    /// Absorbed effects entered as dummy columns.
    public let dummyEffects: [DummyEffect]
    /// Full-sample coefficients of the kept columns (pivoted QR of the demeaned design: equal to
    /// `LinearRegression.fit`'s).
    public let coefficients: [Double]
    /// Notes on the set-up (dropped columns, an unconverged projection).
    public let warnings: [String]
    /// Per cluster: packed upper triangle of `A_g` (k(k+1)/2 values), then `c_g` (k values).
    let statistics: [Double]
    /// `Σ_g A_g,jj`: each kept column's full-sample squared (weighted, demeaned) norm, the scale
    /// against which a replicate's loss of variation is judged.
    let fullSampleNorms: [Double]

    /// k, the number of kept columns.
    public var parameterCount: Int { columnNames.count }

    /// Values per cluster block: the packed triangle of `A_g` and `c_g`.
    var blockLength: Int { parameterCount * (parameterCount + 1) / 2 + parameterCount }

    /// Index of the kept column `name`, if any.
    public func index(of name: String) -> Int? { columnNames.firstIndex(of: name) }

    /// A label for reports, e.g.
    /// `cluster bootstrap (team_id, G = 1,000; employee_id absorbed within clusters; month as dummies (24 levels))`.
    public var label: String {
        var parts = ["\(clusterVariable), G = \(StatisticsText.count(clusterCount))"]
        if !nestedEffects.isEmpty { parts.append("\(nestedEffects.joined(separator: " + ")) absorbed within clusters") }
        for effect in dummyEffects { parts.append("\(effect.name) as dummies (\(effect.levels) levels)") }
        return "cluster bootstrap (\(parts.joined(separator: "; ")))"
    }

    /// Builds the design of `formula` on `data`, absorbs the nested effects and stores the
    /// per-cluster sufficient statistics.
    ///
    /// - Parameters:
    ///   - cluster: the column whose values are resampled as whole clusters.
    ///   - weights: an optional positive weight column (WLS; a duplicated cluster keeps its weights).
    ///   - absorption: projection settings and singleton removal, as `LinearRegression.fit`.
    ///   - maximumDummyLevels: the most levels an effect not nested in the clusters may have to
    ///     enter as dummy columns (each replicate costs O(G·k²) in the total column count k).
    /// - Throws: formula and design errors, `ClusterBootstrapFixedEffectsError`,
    ///   `FixedEffectsError.noRegressorsLeft`, `LinearAlgebraError`.
    public init(
        _ formula: String, data: DataFrame, cluster: String, weights: String? = nil,
        absorption: AbsorptionOptions = .init(), maximumDummyLevels: Int = 100
    ) throws {
        precondition(maximumDummyLevels >= 0, "maximumDummyLevels must be non-negative")
        var options = DesignOptions()
        options.weights = weights
        options.requiredColumns = [cluster]
        options.dropSingletons = absorption.dropSingletons
        let design = try DesignMatrix.build(Formula.parse(formula), data: data, options: options)
        let (clusters, g) = Self.denseCodes(ClusterCoding.codes(try data.column(named: cluster), rows: design.rowIndices))
        guard g >= 2 else { throw ClusterBootstrapFixedEffectsError.tooFewClusters(cluster: cluster, count: g) }
        var nested: [FixedEffectFactor] = []
        var crossed: [FixedEffectFactor] = []
        for factor in design.absorbed {
            if Self.isNested(factor, in: clusters, clusterCount: g) {
                nested.append(factor)
            } else if factor.levelCount <= maximumDummyLevels {
                crossed.append(factor)
            } else {
                throw ClusterBootstrapFixedEffectsError.effectNotNested(
                    effect: factor.name, levels: factor.levelCount, cluster: cluster, limit: maximumDummyLevels)
            }
        }
        let (x, names) = Self.withDummies(design.x, names: design.columnNames, crossed: crossed, spanConstant: nested.isEmpty)
        var warnings: [String] = []
        var xTilde = x
        var yTilde = design.y
        var candidates = Array(0..<x.columns)
        if !nested.isEmpty {
            let demeaner = FixedEffectsDemeaner(factors: nested, weights: design.weights)
            let (columns, outcome) = demeaner.demean(x, outcome: design.y, options: absorption.demeaning)
            xTilde = columns.matrix
            yTilde = outcome!
            if columns.converged.contains(false) {
                warnings.append(
                    "The projection on the nested fixed effects did not converge for every column; "
                        + "raise the demeaning maximumIterations.")
            }
            // The fit's rule: a column keeping ≤ 1e-7 of its norm is absorbed by the effects.
            let shares = LinearRegression.withinShares(original: x, demeaned: xTilde, weights: design.weights)
            candidates = candidates.filter { shares[$0] > LinearRegression.absorbedTolerance }
        }
        guard !candidates.isEmpty else {
            throw FixedEffectsError.noRegressorsLeft(absorbed: design.columnNames, effects: nested.map(\.name))
        }
        let candidateX = xTilde.selectingColumns(candidates)
        // Full-sample slopes by the pivoted QR with R's rank rule, as the regression engine.
        let root = design.weights.map { $0.map { $0.squareRoot() } }
        let solution = try leastSquares(
            root.map { candidateX.scalingRows(by: $0) } ?? candidateX,
            root.map { zip(yTilde, $0).map { $0 * $1 } } ?? yTilde,
            relativeTolerance: LinearRegression.rankTolerance)
        let kept = solution.keptColumns.map { candidates[$0] }
        let dropped = (0..<x.columns).filter { !kept.contains($0) }
        for j in dropped { warnings.append("\(names[j]) dropped: absorbed by the nested fixed effects or collinear") }
        let statistics = Self.clusterStatistics(
            xTilde.selectingColumns(kept), yTilde, weights: design.weights, clusters: clusters, clusterCount: g)
        let length = kept.count * (kept.count + 1) / 2 + kept.count
        self.fullSampleNorms = kept.indices.map { j in
            (0..<g).reduce(0) { $0 + statistics[$1 * length + j * (j + 1) / 2 + j] }
        }
        self.statistics = statistics
        self.clusterVariable = cluster
        self.clusterCount = g
        self.observationCount = design.rowCount
        self.columnNames = kept.map { names[$0] }
        self.regressorCount = kept.filter { $0 < design.columnCount }.count
        self.droppedColumns = dropped.map { names[$0] }
        self.nestedEffects = nested.map(\.name)
        self.dummyEffects = crossed.map { DummyEffect(name: $0.name, levels: $0.levelCount) }
        self.coefficients = solution.keptColumns.map { solution.coefficients[$0] }
        self.warnings = warnings
    }

    /// Coefficients of the replicate with cluster frequencies `f_g` (any non-negative weights),
    /// in `columnNames` order.
    ///
    /// Solves `(Σ f_g A_g) β = Σ f_g c_g` by Cholesky, summing the clusters in index order (so a
    /// replicate's result does not depend on the thread that computes it). A dummy column whose
    /// level no drawn cluster has (squared norm ≤ 1e-14 of its full-sample one, i.e. rounding
    /// noise) is left out of the system and gets NaN, as a refit drops a level that has no rows;
    /// the regressors' coefficients are then still those of the refit.
    /// - Throws: `EstimationError.singularReplicate` when a regressor or dummy loses its variation
    ///   in the resample: a Cholesky pivot `U_jj ≤ 1e-7·s_j`, `s_j = max(√A_jj, √(A⁰_jj·Σf/G))`
    ///   with `A⁰` the full sample's, i.e. at most 1e-7 of column j's norm is left after the
    ///   columns before it (the rank tolerance of the fit, relative to each column as the QR's
    ///   rule), or the column itself kept at most 1e-7 of its full-sample norm (a treatment that
    ///   only undrawn clusters had: its demeaned values elsewhere are rounding noise, not
    ///   variation). The caller can count the replicate as failed.
    public func coefficients(clusterWeights: [Double]) throws -> [Double] {
        precondition(clusterWeights.count == clusterCount, "One weight per cluster is required")
        let k = parameterCount
        let length = blockLength
        var sums = [Double](repeating: 0, count: length)
        statistics.withUnsafeBufferPointer { s in
            sums.withUnsafeMutableBufferPointer { acc in
                for g in 0..<clusterCount {
                    let f = clusterWeights[g]
                    precondition(f >= 0, "Cluster weights must be non-negative")
                    if f == 0 { continue }
                    let block = s.baseAddress! + g * length
                    for e in 0..<length { acc[e] += f * block[e] }
                }
            }
        }
        let drawn = clusterWeights.reduce(0, +) / Double(clusterCount)
        let tolerance = LinearRegression.rankTolerance
        // Dummies of levels absent from the resample drop out; regressors always stay.
        let active = (0..<k).filter { j in
            j < regressorCount || sums[j * (j + 1) / 2 + j] > tolerance * tolerance * fullSampleNorms[j] * drawn
        }
        let m = active.count
        // Unpack the active upper triangle (column-major) for dpotrf, which reads only that triangle.
        var a = [Double](repeating: 0, count: m * m)
        for (q, column) in active.enumerated() {
            for (p, row) in active[0...q].enumerated() { a[p + q * m] = sums[row + column * (column + 1) / 2] }
        }
        let factor: Cholesky
        do {
            factor = try Cholesky(Matrix(rows: m, columns: m, columnMajor: a))
        } catch {
            throw EstimationError.singularReplicate(parameters: m)
        }
        for (p, j) in active.enumerated() {
            let scale = max(a[p + p * m], fullSampleNorms[j] * drawn).squareRoot()
            if factor.upper[p, p] <= tolerance * scale { throw EstimationError.singularReplicate(parameters: m) }
        }
        let solution = factor.solve(active.map { sums[length - k + $0] })
        var out = [Double](repeating: .nan, count: k)
        for (p, j) in active.enumerated() { out[j] = solution[p] }
        return out
    }
}
