import Inference
import LinearAlgebra
import ModelSpec

/// The one engine behind both entry points.
extension LinearRegression {
    /// Relative tolerance of the rank decision, as R's `lm` (`dqrdc2`, tol = 1e-7).
    static let rankTolerance = 1e-7

    /// Fits `design` by (whitened) least squares and computes the requested covariance, R² and
    /// model test; `clusterSource` resolves cluster ids now and for later `with(covariance:)`.
    /// A design with absorbed fixed effects goes to `estimateAbsorbed` with `absorption`.
    static func estimate(
        _ design: consuming DesignMatrix, clusterSource: ClusterSource,
        covariance: CovarianceType, absorption: AbsorptionOptions = .init()
    ) throws -> RegressionFit {
        if !design.absorbed.isEmpty {
            // Handed over, so the absorbed engine can release the regressors once demeaned.
            return try estimateAbsorbed(
                consume design, clusterSource: clusterSource, covariance: covariance, absorption: absorption)
        }
        let x = design.x
        let y = design.y
        let n = x.rows
        precondition(y.count == n, "Design has \(n) rows but \(y.count) outcomes")
        let root = design.weights.map(squareRootWeights)
        let solution: LeastSquaresSolution
        if let root {
            // WLS = OLS on the whitened model √w y = √w X b + √w e (statsmodels `WLS.whiten`).
            solution = try leastSquares(
                x.scalingRows(by: root), zip(y, root).map { $0 * $1 },
                relativeTolerance: rankTolerance)
        } else {
            solution = try leastSquares(x, y, relativeTolerance: rankTolerance)
        }
        let kept = solution.keptColumns
        let keptX = kept.count == x.columns ? x : x.selectingColumns(kept)
        let keptEstimates = kept.map { solution.coefficients[$0] }
        let fitted: FittedValues
        let residuals: [Double]
        if root == nil {
            // The solver's fitted values are `b − residuals` with b = y: derive them on access.
            fitted = .outcomeMinusResiduals(outcome: y)
            residuals = solution.residuals
        } else {
            // Residuals on the original scale, as statsmodels `resid` (not `wresid`).
            let values = keptX.times(keptEstimates)
            residuals = zip(y, values).map { $0 - $1 }
            fitted = .stored(values)
        }
        let components = SandwichComponents(
            design: keptX, residuals: residuals, weights: design.weights,
            bread: solution.unscaledCovariance)
        let constant = constantDirection(design: design, components: components, kept: kept)
        let core = FitCore(
            components: components, keptEstimates: keptEstimates,
            modelRestrictions: modelRestrictions(constant: constant, k: kept.count),
            clusterSource: clusterSource, accuracy: NumericalAccuracy(solution))
        let (estimate, test) = try inference(core: core, covariance: covariance)
        let fitStatistics = goodnessOfFit(
            y: y, weights: design.weights, components: components,
            hasConstant: constant != nil)
        let dropped = solution.droppedColumns.map { design.columnNames[$0] }
        return RegressionFit(
            formula: design.formula, columnNames: design.columnNames, coefficients: solution.coefficients,
            droppedColumns: dropped, keptColumns: kept, rank: kept.count, n: n, dfResidual: n - kept.count,
            isWeighted: design.weights != nil, hasConstant: constant != nil, rSquared: fitStatistics.r2,
            adjustedRSquared: fitStatistics.adjusted, modelTest: test, residuals: residuals, fittedValues: fitted,
            covarianceEstimate: estimate, observations: design.account,
            fitWarnings: dropped.map { "\($0) dropped: collinear with other regressors" }, core: core)
    }

    /// `√wᵢ`. `DesignMatrix.build` drops zero, missing and non-finite weights and rejects negative
    /// ones, so a non-positive weight here is a broken invariant, not a data problem.
    static func squareRootWeights(_ w: [Double]) -> [Double] {
        w.map { wi in
            precondition(wi > 0 && wi.isFinite, "Design weights must be positive and finite")
            return wi.squareRoot()
        }
    }

    /// Covariance and model test for a fit core.
    static func inference(core: FitCore, covariance: CovarianceType) throws -> (CovarianceEstimate, WaldTest?) {
        if let effects = core.absorbed {
            return try absorbedInference(core: core, effects: effects, covariance: covariance)
        }
        let clusters = try core.clusterVariables(for: covariance)
        let estimate = try CovarianceEstimator.estimate(covariance, components: core.components, clusters: clusters)
        let test = try core.modelRestrictions.map {
            try WaldTest(
                estimates: core.keptEstimates, covariance: estimate.matrix, restrictions: $0,
                denominatorDegreesOfFreedom: estimate.degreesOfFreedom)
        }
        return (estimate, test)
    }

    /// A vector c (over kept columns) with `X c = 1` if the constant lies in the column space, else nil.
    ///
    /// An explicit intercept gives the unit vector. Otherwise the constant is regressed on X
    /// (`c = (XᵀWX)⁻¹ XᵀW 1`) and accepted when the residual is zero to 1e-7: this is statsmodels'
    /// implicit-constant check (`rank([1, X]) == rank(X)`), so a formula with `- 1` and a full set of
    /// dummies gets a centered R², as in statsmodels (R's `lm` would read only the formula).
    static func constantDirection(design: DesignMatrix, components: SandwichComponents, kept: [Int]) -> [Double]? {
        let k = kept.count
        if design.formula.hasIntercept, let j = design.columnNames.firstIndex(of: "Intercept"),
            let p = kept.firstIndex(of: j)
        {
            var c = [Double](repeating: 0, count: k)
            c[p] = 1
            return c
        }
        let x = components.design
        let w = components.weights ?? [Double](repeating: 1, count: x.rows)
        let c = components.bread.times(x.times(w, transpose: true))
        let fittedOne = x.times(c)
        let worst = fittedOne.reduce(0.0) { max($0, abs($1 - 1)) }
        return worst <= rankTolerance ? c : nil
    }

    /// Rows of R for "every coefficient except the constant is zero": `e_j − (c_j/c_p) e_p` for
    /// j ≠ p with p the largest entry of the constant direction c (each row is orthogonal to c, so
    /// the null is `b ∈ span(c)`, i.e. a constant fit). With an explicit intercept these are the unit
    /// rows statsmodels uses; without a constant, R = I.
    static func modelRestrictions(constant: [Double]?, k: Int) -> Matrix? {
        guard let c = constant else { return k > 0 ? Matrix.identity(k) : nil }
        guard k > 1 else { return nil }
        let p = c.indices.max { abs(c[$0]) < abs(c[$1]) }!
        var r = Matrix(rows: k - 1, columns: k)
        var row = 0
        for j in 0..<k where j != p {
            r[row, j] = 1
            r[row, p] = -c[j] / c[p]
            row += 1
        }
        return r
    }

    /// R² and adjusted R² as statsmodels `RegressionResults.rsquared` / `rsquared_adj`.
    static func goodnessOfFit(
        y: [Double], weights: [Double]?, components: SandwichComponents,
        hasConstant: Bool
    ) -> (r2: Double, adjusted: Double) {
        let ssr = components.weightedResidualSumOfSquares()
        let w = weights ?? [Double](repeating: 1, count: y.count)
        var tss = 0.0
        if hasConstant {
            // Centered about the weighted mean for WLS (statsmodels `centered_tss`).
            var sw = 0.0
            var swy = 0.0
            for i in y.indices {
                sw += w[i]
                swy += w[i] * y[i]
            }
            let mean = swy / sw
            for i in y.indices { tss += w[i] * (y[i] - mean) * (y[i] - mean) }
        } else {
            // Without a constant the uncentered Σ w y² (R `summary.lm`, statsmodels `uncentered_tss`).
            for i in y.indices { tss += w[i] * y[i] * y[i] }
        }
        let r2 = 1 - ssr / tss
        let n = Double(y.count)
        let adjusted = 1 - (n - (hasConstant ? 1 : 0)) / Double(components.residualDegreesOfFreedom) * (1 - r2)
        return (r2, adjusted)
    }
}

extension Matrix {
    /// `diag(s) · A`: row i multiplied by `s[i]`.
    func scalingRows(by s: [Double]) -> Matrix {
        precondition(s.count == rows, "One scale per row is required")
        var out = self
        let n = rows
        out.elements.withUnsafeMutableBufferPointer { p in
            s.withUnsafeBufferPointer { s in
                for j in 0..<columns {
                    let offset = j * n
                    for i in 0..<n { p[offset + i] *= s[i] }
                }
            }
        }
        return out
    }
}
