import DataFrameModule
import Foundation
import Inference
import LinearAlgebra
import ModelSpec

/// The one engine behind both entry points: checks, IRLS, then the information and likelihoods.
extension BinaryResponseModel {
    /// Fitted probabilities below this distance from 0 or 1 get a warning: R `glm.fit`'s
    /// "fitted probabilities numerically 0 or 1 occurred" threshold, `10 ε`.
    static let extremeProbability = 10 * Double.ulpOfOne

    /// Checks the outcome, looks for separation, runs IRLS, rejects diverging or (unless allowed)
    /// unconverged fits, then builds the information, the covariance and the fit value.
    static func estimate(
        _ design: DesignMatrix, link: BinaryResponseLink, covariance: CovarianceType,
        options: BinaryResponseOptions, source: BinaryResponseData
    ) throws -> BinaryResponseFit {
        let x = design.x
        let y = design.y
        let n = x.rows
        precondition(y.count == n, "Design has \(n) rows but \(y.count) outcomes")
        try checkOutcome(y, name: design.formula.outcome)
        let hasConstant = try constantInColumnSpace(design)
        if options.checksSeparation {
            let naming = BinaryResponseSeparation.Naming(
                columnNames: design.columnNames, termColumns: design.termColumns, outcome: design.formula.outcome,
                levelText: levelText(source))
            if let found = BinaryResponseSeparation.find(x: x, y: y, hasConstant: hasConstant, naming: naming) {
                throw BinaryResponseError.separation(found)
            }
        }
        let result = try irls(x: x, y: y, prior: design.weights, link: link, options: options)
        let kept = result.keptColumns
        let keptX = result.droppedColumns.isEmpty ? x : x.selectingColumns(kept)
        if let step = result.lastStep,
            let found = BinaryResponseSeparation.divergence(
                x: keptX, y: y, step: step, columnNames: kept.map { design.columnNames[$0] },
                outcome: design.formula.outcome)
        {
            throw BinaryResponseError.separation(found)
        }
        if !result.converged && !options.allowsNonConvergence {
            throw BinaryResponseError.notConverged(iterations: result.iterations, relativeChange: result.relativeChange)
        }
        let components = try informationComponents(
            keptX, y: y, prior: design.weights, eta: result.linearPredictor, link: link,
            information: options.information, names: kept.map { design.columnNames[$0] })
        let core = BinaryFitCore(components: components, keptEstimates: result.coefficients, data: source)
        let estimate = try inference(core: core, covariance: covariance)
        var coefficients = [Double](repeating: .nan, count: x.columns)
        for (p, j) in kept.enumerated() { coefficients[j] = result.coefficients[p] }
        let fitted = result.linearPredictor.map(link.probability)
        let dropped = result.droppedColumns.map { design.columnNames[$0] }
        return BinaryResponseFit(
            formula: design.formula, link: link, information: options.information, columnNames: design.columnNames,
            coefficients: coefficients, droppedColumns: dropped, keptColumns: kept, n: n,
            isWeighted: design.weights != nil, hasConstant: hasConstant, logLikelihood: -0.5 * result.deviance,
            nullLogLikelihood: nullLogLikelihood(y: y, prior: design.weights), iterations: result.iterations,
            converged: result.converged, relativeDevianceChange: result.relativeChange,
            stepHalvings: result.stepHalvings, linearPredictor: result.linearPredictor, fittedProbabilities: fitted,
            covarianceEstimate: estimate, observations: design.account,
            fitWarnings: fitWarnings(result: result, dropped: dropped, fitted: fitted, y: y, options: options),
            core: core)
    }

    /// Throws unless every outcome is 0 or 1 and both occur.
    static func checkOutcome(_ y: [Double], name: String) throws {
        var bad: [Double] = []
        var badRows = 0
        var ones = 0
        for v in y {
            if v == 1 {
                ones += 1
            } else if v != 0 {
                badRows += 1
                if bad.count < 5 && !bad.contains(v) { bad.append(v) }
            }
        }
        if badRows > 0 {
            throw BinaryResponseError.outcomeNotBinary(
                variable: name, values: bad.map { StatisticsText.compact($0) }, rows: badRows)
        }
        if ones == 0 || ones == y.count {
            throw BinaryResponseError.outcomeConstant(variable: name, value: ones == 0 ? 0 : 1)
        }
    }

    /// Whether the constant lies in the column space: an `Intercept` column, or a least-squares
    /// fit of 1 on X with residuals below 1e-7 (statsmodels' implicit-constant check, e.g. a full
    /// dummy set without intercept).
    static func constantInColumnSpace(_ design: DesignMatrix) throws -> Bool {
        if design.columnNames.contains("Intercept") { return true }
        let ones = [Double](repeating: 1, count: design.x.rows)
        let fit = try leastSquares(design.x, ones, relativeTolerance: rankTolerance)
        return fit.residuals.allSatisfy { abs($0) <= rankTolerance }
    }

    /// Sandwich components at the estimate: bread `(XᵀPVX)⁻¹` from the QR of `√(pv) X` (never by
    /// inverting `XᵀPVX`), weights `pᵢvᵢ` and working residuals `uᵢ/vᵢ`, so that the score
    /// multiplier `pᵢvᵢ · uᵢ/vᵢ = pᵢ ∂ℓᵢ/∂η` and the leverage `pᵢvᵢ xᵢᵀ B xᵢ` (R `hatvalues.glm` for
    /// the expected information) come out of `SandwichComponents` unchanged. Throws
    /// `BinaryResponseError.singularInformation` when the weights leave a column without support.
    static func informationComponents(
        _ x: Matrix, y: [Double], prior: [Double]?, eta: [Double], link: BinaryResponseLink,
        information: BinaryResponseOptions.Information, names: [String]
    ) throws -> SandwichComponents {
        let n = x.rows
        let p = prior ?? [Double](repeating: 1, count: n)
        var weights = [Double](repeating: 0, count: n)
        var working = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let d = link.derivatives(eta[i], y: y[i])
            let v = information == .observed ? d.observed : d.expected
            weights[i] = p[i] * v
            working[i] = d.score / v
        }
        let root = weights.map { $0.squareRoot() }
        let qr = try leastSquares(
            x.scalingRows(by: root), [Double](repeating: 0, count: n), relativeTolerance: rankTolerance)
        guard qr.droppedColumns.isEmpty else {
            throw BinaryResponseError.singularInformation(columns: qr.droppedColumns.map { names[$0] })
        }
        return SandwichComponents(design: x, residuals: working, weights: weights, bread: qr.unscaledCovariance)
    }

    /// `Σ pᵢ [yᵢ log ȳ + (1 − yᵢ) log(1 − ȳ)]`, ȳ = Σpy/Σp: the maximized log-likelihood of the
    /// constant-only model for either link (its MLE is F(b₀) = ȳ).
    static func nullLogLikelihood(y: [Double], prior: [Double]?) -> Double {
        var sum = 0.0
        var events = 0.0
        for i in y.indices {
            let p = prior?[i] ?? 1
            sum += p
            events += p * y[i]
        }
        let mean = events / sum
        return events * log(mean) + (sum - events) * log1p(-mean)
    }

    /// The text of `variable` at design row i, for naming a reference level in separation messages.
    static func levelText(_ source: BinaryResponseData) -> ((String, Int) -> String?)? {
        guard case .frame(let frame, let rows, _) = source else { return nil }
        return { variable, row in frame[variable].map { $0.text(at: rows[row]) } }
    }

    static func fitWarnings(
        result: IRLSResult, dropped: [String], fitted: [Double], y: [Double], options: BinaryResponseOptions
    ) -> [String] {
        var warnings = dropped.map { "\($0) dropped: collinear with other regressors" }
        if !result.converged {
            warnings.append(
                "Not converged: IRLS stopped after \(result.iterations) iterations with relative deviance change "
                    + "\(StatisticsText.number(result.relativeChange, significant: 2)) (tolerance "
                    + "\(StatisticsText.number(options.tolerance, significant: 2))); estimates and standard errors are unreliable.")
        }
        let extreme = fitted.reduce(0) { $0 + (min($1, 1 - $1) < extremeProbability ? 1 : 0) }
        if extreme > 0 {
            warnings.append(
                "Fitted probabilities numerically 0 or 1 for \(StatisticsText.count(extreme)) rows: check for "
                    + "near-separation (a regressor that almost predicts the outcome).")
        }
        return warnings
    }
}
