import Inference
import LinearAlgebra
import ModelSpec

/// The engine for designs with absorbed fixed effects: project them out, then least squares.
extension LinearRegression {
    /// A regressor keeping less than this share of its (weighted, centered) norm after the
    /// projection is collinear with the fixed effects and dropped, like fixest's "variable has
    /// been removed because of collinearity". 1e-7 mirrors the rank rule of the QR (R's `lm`);
    /// the projection is accurate to about 1e-12 of a column's spread, far below it.
    static let absorbedTolerance = 1e-7
    /// Below this within/total norm share a kept regressor gets a precision warning: its within
    /// variation carries few significant digits.
    static let weakWithinVariation = 1e-4

    /// Fits `design` (with `absorbed` non-empty) by the Frisch–Waugh–Lovell route: demean the
    /// outcome and every column (`FixedEffectsDemeaner`), drop columns the effects absorb, then
    /// (weighted) least squares of `ỹ` on `X̃` with R's rank rule. The residuals are those of the
    /// dummy-variable model; the bread is `(X̃ᵀWX̃)⁻¹`; covariances follow
    /// `absorption.smallSample`. Matches fixest `feols(y ~ x | fe)` and pyfixest `feols`.
    static func estimateAbsorbed(
        _ design: consuming DesignMatrix, clusterSource: ClusterSource, covariance: CovarianceType,
        absorption: AbsorptionOptions
    ) throws -> RegressionFit {
        let n = design.rowCount
        let k = design.columnCount
        let (formula, columnNames, account) = (design.formula, design.columnNames, design.account)
        let (factors, weights, y) = (design.absorbed, design.weights, design.y)
        let effectNames = factors.map(\.name)
        guard k > 0 else { throw FixedEffectsError.noRegressorsLeft(absorbed: [], effects: effectNames) }
        // The design is consumed: its regressors are read only to demean them and to measure what
        // the projection left, so their N × k doubles are freed before least squares allocates;
        // its row numbers (8 bytes a row, unused here) are released before the projection allocates.
        let x = design.x
        _ = consume design
        let (demeaned, yTilde, shares) = demeanedDesign(
            consume x, factors: factors, weights: weights, outcome: y, options: absorption.demeaning)
        let xTilde = demeaned.matrix
        // Σ wᵢ ỹᵢ² now, so that ỹ can go as soon as the slopes are solved.
        var withinTSS = 0.0
        for i in yTilde.indices { withinTSS += (weights?[i] ?? 1) * yTilde[i] * yTilde[i] }
        var warnings: [String] = []

        // Columns the fixed effects absorb, by the share of their variation that survives.
        let absorbedColumns = shares.indices.filter { shares[$0] <= absorbedTolerance }
        let candidates = shares.indices.filter { shares[$0] > absorbedTolerance }
        for j in absorbedColumns {
            warnings.append(
                "\(columnNames[j]) is collinear with the fixed effects (\(effectNames.joined(separator: ", "))) and was dropped")
        }
        guard !candidates.isEmpty else {
            throw FixedEffectsError.noRegressorsLeft(absorbed: absorbedColumns.map { columnNames[$0] }, effects: effectNames)
        }
        for j in candidates where shares[j] < weakWithinVariation {
            warnings.append(
                "\(columnNames[j]) varies little within the fixed effects (\(StatisticsText.compact(shares[j])) "
                    + "of its variation is left): its coefficient is imprecise and sensitive to rounding")
        }

        // ỹ again, bit for bit (the same deterministic per-column projection), for the rare large
        // solve whose refinement is decided only after ỹ's storage became the residuals.
        let recoverOutcome = {
            FixedEffectsDemeaner(factors: factors, weights: weights).demean(y, options: absorption.demeaning).matrix.elements
        }
        let slopes = try demeanedLeastSquares(
            xTilde, consume yTilde, candidates: candidates, weights: weights, recoverOutcome: recoverOutcome)
        let kept = slopes.kept
        let collinear = slopes.collinear
        for j in collinear { warnings.append("\(columnNames[j]) dropped: collinear with other regressors") }
        let keptEstimates = slopes.keptEstimates
        var coefficients = [Double](repeating: .nan, count: k)
        for (p, j) in kept.enumerated() { coefficients[j] = keptEstimates[p] }
        let residuals = slopes.residuals
        let components = SandwichComponents(
            design: slopes.keptX, residuals: residuals, weights: weights, bread: slopes.bread)

        let unconverged = demeaned.converged.indices.filter { !demeaned.converged[$0] }.map {
            $0 < k ? columnNames[$0] : formula.outcome
        }
        if !unconverged.isEmpty {
            warnings.append(
                "The fixed-effect projection did not converge within \(absorption.demeaning.maximumIterations) sweeps for "
                    + "\(unconverged.joined(separator: ", ")); estimates may be inaccurate. Raise maximumIterations, "
                    + "or check for weakly connected fixed effects.")
        }
        let effects = absorbedSummary(
            factors: factors, account: account, convention: absorption.smallSample,
            components: components, withinTSS: withinTSS, slopes: kept.count, demeaning: absorption.demeaning,
            sweeps: demeaned.iterations.max() ?? 0, unconverged: unconverged)
        let fit = fitStatistics(
            y: y, weights: weights, components: components, slopes: kept.count, fixedEffects: effects.parameterCount)
        let core = FitCore(
            components: components, keptEstimates: keptEstimates, modelRestrictions: Matrix.identity(kept.count),
            clusterSource: clusterSource, accuracy: slopes.accuracy, absorbed: effects)
        let (estimate, test) = try inference(core: core, covariance: covariance)
        return RegressionFit(
            formula: formula, columnNames: columnNames, coefficients: coefficients,
            droppedColumns: (absorbedColumns + collinear).sorted().map { columnNames[$0] }, keptColumns: kept,
            rank: kept.count, n: n, dfResidual: n - kept.count - effects.parameterCount, isWeighted: weights != nil,
            hasConstant: true, rSquared: fit.r2, adjustedRSquared: fit.adjusted, modelTest: test, residuals: residuals,
            fittedValues: .outcomeMinusResiduals(outcome: y), covarianceEstimate: estimate, observations: account,
            fitWarnings: warnings, core: core)
    }

    /// The demeaned regressors `x` and `outcome` and each column's `withinShares`; takes `x` so
    /// that the regressor matrix is released on return.
    private static func demeanedDesign(
        _ x: consuming Matrix, factors: [FixedEffectFactor], weights: [Double]?, outcome y: [Double],
        options: DemeaningOptions
    ) -> (columns: DemeanedColumns, outcome: [Double], shares: [Double]) {
        let demeaner = FixedEffectsDemeaner(factors: factors, weights: weights)
        let (demeaned, outcome) = demeaner.demean(x, outcome: y, options: options)
        let shares = withinShares(original: x, demeaned: demeaned.matrix, weights: weights)
        return (demeaned, outcome!, shares)
    }

    /// (Weighted) least squares of `ỹ` on the `candidates` columns of `X̃` with R's rank rule,
    /// residuals on the original scale (by FWL, the dummy-variable model's). Takes `ỹ` and keeps
    /// only what the fit needs of the solution, so `ỹ` and the solver's work arrays are released
    /// on return; unweighted, `ỹ`'s storage becomes the residuals (`recoverOutcome` recomputes `ỹ`
    /// exactly if the solver's refinement needs it back).
    private static func demeanedLeastSquares(
        _ xTilde: Matrix, _ yTilde: consuming [Double], candidates: [Int], weights: [Double]?,
        recoverOutcome: () throws -> [Double]
    ) throws -> (
        kept: [Int], collinear: [Int], keptEstimates: [Double], keptX: Matrix, residuals: [Double], bread: Matrix,
        accuracy: NumericalAccuracy
    ) {
        // Weighted least squares on the demeaned data (statsmodels' whitening, as the plain engine).
        let candidateX = candidates.count == xTilde.columns ? xTilde : xTilde.selectingColumns(candidates)
        let root = weights.map(squareRootWeights)
        let solution: LeastSquaresSolution
        // ỹ, kept only where the residuals are formed from it (weighted: on the original scale).
        let outcome: [Double]?
        if let root {
            solution = try leastSquares(
                candidateX.scalingRows(by: root), zip(yTilde, root).map { $0 * $1 }, relativeTolerance: rankTolerance)
            outcome = consume yTilde
        } else {
            // Handing ỹ over lets the solver form the residuals in its storage: one N-vector
            // fewer at the fit's peak.
            solution = try leastSquares(
                candidateX, response: consume yTilde, relativeTolerance: rankTolerance, recoverResponse: recoverOutcome)
            outcome = nil
        }
        let kept = solution.keptColumns.map { candidates[$0] }
        let keptEstimates = solution.keptColumns.map { solution.coefficients[$0] }
        let keptX = kept.count == xTilde.columns ? xTilde : xTilde.selectingColumns(kept)
        let residuals: [Double]
        if let outcome {
            let fittedTilde = keptX.times(keptEstimates)
            residuals = zip(outcome, fittedTilde).map { $0 - $1 }
        } else {
            residuals = solution.residuals
        }
        return (
            kept, solution.droppedColumns.map { candidates[$0] }, keptEstimates, keptX, residuals,
            solution.unscaledCovariance, NumericalAccuracy(solution)
        )
    }

    /// `‖x̃_j‖_w / ‖x_j − x̄_j‖_w` per column: the share of a column's variation (norm) that the
    /// fixed effects leave; 0 for a constant column.
    static func withinShares(original: Matrix, demeaned: Matrix, weights: [Double]?) -> [Double] {
        let n = original.rows
        return original.elements.withUnsafeBufferPointer { x in
            demeaned.elements.withUnsafeBufferPointer { t in
                (0..<original.columns).map { j in
                    let base = j * n
                    var sw = 0.0
                    var swx = 0.0
                    for i in 0..<n {
                        let w = weights?[i] ?? 1
                        sw += w
                        swx += w * x[base + i]
                    }
                    let mean = swx / sw
                    var total = 0.0
                    var within = 0.0
                    for i in 0..<n {
                        let w = weights?[i] ?? 1
                        let d = x[base + i] - mean
                        total += w * d * d
                        within += w * t[base + i] * t[base + i]
                    }
                    return total > 0 ? (within / total).squareRoot() : 0
                }
            }
        }
    }

    /// The report of the absorbed effects: levels, redundancy per the convention, within R²
    /// `1 − SSR / withinTSS` with `withinTSS = Σ wᵢ ỹᵢ²`.
    static func absorbedSummary(
        factors: [FixedEffectFactor], account: ObservationAccount, convention: SmallSampleConvention, components: SandwichComponents, withinTSS: Double, slopes: Int,
        demeaning: DemeaningOptions, sweeps: Int, unconverged: [String]
    ) -> AbsorbedEffects {
        let references = FixedEffectRedundancy.references(factors, exact: convention.exactRedundancy)
        let singletons = account.dropped.reduce(0) {
            if case .singletonFixedEffect = $1.reason { return $0 + $1.count }
            return $0
        }
        let kfe = zip(factors, references).reduce(0) { $0 + $1.0.levelCount - $1.1 }
        let ssr = components.weightedResidualSumOfSquares()
        let within = 1 - ssr / withinTSS
        let n = Double(components.observationCount)
        // pyfixest `_adj_r2_within`: (N − K_fe)/(N − k − K_fe).
        let adjusted = 1 - (1 - within) * (n - Double(kfe)) / (n - Double(slopes + kfe))
        return AbsorbedEffects(
            effects: zip(factors, references).map {
                AbsorbedEffect(name: $0.name, levelCount: $0.levelCount, redundantLevels: $1)
            },
            connectedComponents: factors.count >= 2
                ? FixedEffectRedundancy.connectedComponents(factors[0], factors[1]) : nil,
            singletonsDropped: singletons, withinRSquared: within, adjustedWithinRSquared: adjusted,
            demeaning: demeaning, sweeps: sweeps, unconvergedColumns: unconverged, convention: convention,
            factors: factors)
    }

    /// R² about the weighted mean of y (the fixed effects span the constant) and
    /// `1 − (1 − R²)(N − 1)/(N − k − K_fe)` (fixest `ar2`, pyfixest `_adj_r2`).
    static func fitStatistics(
        y: [Double], weights: [Double]?, components: SandwichComponents, slopes: Int, fixedEffects: Int
    ) -> (r2: Double, adjusted: Double) {
        let (r2, _) = goodnessOfFit(y: y, weights: weights, components: components, hasConstant: true)
        let n = Double(y.count)
        return (r2, 1 - (1 - r2) * (n - 1) / (n - Double(slopes + fixedEffects)))
    }
}
