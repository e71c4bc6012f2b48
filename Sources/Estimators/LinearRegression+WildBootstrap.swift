import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec

/// Why a regression's wild cluster bootstrap cannot be run.
public enum WildBootstrapRegressionError: Error, Equatable, CustomStringConvertible {
    /// The coefficient is not a column of the design (or was absorbed or dropped).
    case unknownCoefficient(name: String, columns: [String])
    /// Weighted least squares is not covered by the wild bootstrap here.
    case weightedRegression

    public var description: String {
        switch self {
        case .unknownCoefficient(let name, let columns):
            return "No coefficient '\(name)' to test; the model's columns are \(columns.joined(separator: ", "))."
        case .weightedRegression:
            return "The wild cluster bootstrap is available for unweighted least squares only; drop the weights "
                + "or use the pairs cluster bootstrap."
        }
    }
}

extension LinearRegression {
    /// Wild cluster bootstrap test of H₀: β_`coefficient` = `nullValue` in the OLS model `formula`,
    /// clustered by `cluster` (see `WildClusterBootstrap` for the algebra and conventions).
    ///
    /// With absorbed fixed effects (`y ~ x | unit + period`) the outcome and regressors are
    /// demeaned first and the bootstrap runs on the demeaned design (Frisch–Waugh–Lovell), as the
    /// `wildboottest` package does for pyfixest models. This equals the bootstrap of the model with
    /// dummy variables when every fixed effect is nested within a cluster (MacKinnon, Nielsen &
    /// Webb 2023, "Fixed effects and the generalized wild bootstrap"); otherwise the bootstrap
    /// outcomes' fixed-effect means are not re-projected and the test is that approximation. The
    /// CR1 factor is G/(G−1)·(N−1)/(N−k) with k the design's columns (wildboottest's); it does not
    /// change the p-value.
    /// - Throws: formula and design errors, `WildBootstrapRegressionError`, `WildClusterBootstrapError`.
    public static func wildClusterBootstrap(
        _ formula: String, data: DataFrame, cluster: String, coefficient: String, nullValue: Double = 0,
        imposeNull: Bool = true, weights: WildBootstrapWeights = .rademacher, replicates: Int = 9_999, seed: UInt64,
        threads: Int? = nil, absorption: AbsorptionOptions = .init()
    ) throws -> WildClusterBootstrapResult {
        var options = DesignOptions()
        options.requiredColumns = [cluster]
        options.dropSingletons = absorption.dropSingletons
        let design = try DesignMatrix.build(Formula.parse(formula), data: data, options: options)
        guard design.weights == nil else { throw WildBootstrapRegressionError.weightedRegression }
        guard let j = design.columnNames.firstIndex(of: coefficient) else {
            throw WildBootstrapRegressionError.unknownCoefficient(name: coefficient, columns: design.columnNames)
        }
        let column = try data.column(named: cluster)
        let raw = ClusterCoding.codes(column, rows: design.rowIndices)
        var dense: [Int32: Int] = [:]
        let clusters = raw.map { code -> Int in
            if let d = dense[code] { return d }
            dense[code] = dense.count
            return dense.count - 1
        }
        var x = design.x
        var y = design.y
        if !design.absorbed.isEmpty {
            let demeaner = FixedEffectsDemeaner(factors: design.absorbed)
            let (columns, outcome) = demeaner.demean(x, outcome: y, options: absorption.demeaning)
            x = columns.matrix
            y = outcome!
        }
        return try WildClusterBootstrap.test(
            design: x, response: y, clusters: clusters, coefficient: j, nullValue: nullValue, imposeNull: imposeNull,
            weights: weights, replicates: replicates, seed: seed, threads: threads)
    }
}
