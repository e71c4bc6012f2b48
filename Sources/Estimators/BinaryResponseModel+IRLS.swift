import LinearAlgebra

/// What IRLS returns: the estimate over the kept columns and the history needed to judge it.
struct IRLSResult: Sendable {
    /// Design columns kept by the rank rule at the first iteration, ascending.
    let keptColumns: [Int]
    /// Design columns dropped as collinear.
    let droppedColumns: [Int]
    /// Coefficients of the kept columns.
    let coefficients: [Double]
    /// `η = X_K b` on the rows used.
    let linearPredictor: [Double]
    /// Number of weighted least-squares solves (R `glm`'s `iter`).
    let iterations: Int
    /// Whether the convergence rule was met.
    let converged: Bool
    /// `|D − D_old|/(|D| + 0.1)` at the last iteration.
    let relativeChange: Double
    /// Total step halvings over all iterations.
    let stepHalvings: Int
    /// `b_last − b_previous` over the kept columns (nil after a single iteration).
    let lastStep: [Double]?
    /// Deviance `−2ℓ` at the estimate.
    let deviance: Double
}

extension BinaryResponseModel {
    /// Relative tolerance of the rank decision, as R's `lm` (`dqrdc2`, 1e-7). R's `glm.fit` uses
    /// `min(1e-7, epsilon/1000)`; the more conservative 1e-7 treats near-collinearity as `lm` does.
    static let rankTolerance = 1e-7
    /// Step halvings allowed per iteration before giving up (glm2 uses the same order).
    static let maximumHalvings = 30

    /// Iteratively reweighted least squares for `P(y = 1) = F(xᵀb)`.
    ///
    /// Start (R `binomial()$initialize`): `μ = (p y + ½)/(p + 1)`, `η = F⁻¹(μ)`, or `η = X b₀` for
    /// `options.startingValues` b₀ (R `glm(start =)`). Iteration: with
    /// `u = ∂ℓ/∂η` and `v` the observed or expected weight, solve
    /// `min Σ pᵢvᵢ (zᵢ − xᵢᵀb)²` for the working response `z = η + u/v` by QR of `√(pv) X`; this is
    /// `b + (XᵀPVX)⁻¹XᵀPu`, a Newton (observed) or Fisher-scoring (expected) step. If the deviance
    /// rises or is not finite, the step is halved towards the previous b (up to 30 times).
    /// Converged when `|D − D_old|/(|D| + 0.1) < tolerance`, where the first D_old is the deviance
    /// at the start values, exactly as R `glm.fit` counts, so iteration counts agree with R for
    /// Fisher scoring.
    static func irls(
        x: Matrix, y: [Double], prior: [Double]?, link: BinaryResponseLink, options: BinaryResponseOptions
    ) throws -> IRLSResult {
        let n = x.rows
        let p = prior ?? [Double](repeating: 1, count: n)
        let start = options.startingValues
        precondition(
            start.map { $0.count == x.columns && $0.allSatisfy(\.isFinite) } ?? true,
            "startingValues needs one finite value per design column (\(x.columns))")
        var design = x
        var kept: [Int] = []
        var dropped: [Int] = []
        var beta: [Double] = []
        var eta: [Double]
        if let start {
            // The rank is decided on √p X, as with R's start values (which give every row a moderate
            // weight): far-off starting values must not make a column look collinear.
            let rank = try leastSquares(
                prior == nil ? x : x.scalingRows(by: p.map { $0.squareRoot() }), [Double](repeating: 0, count: n),
                relativeTolerance: rankTolerance)
            kept = rank.keptColumns
            dropped = rank.droppedColumns
            if !dropped.isEmpty { design = x.selectingColumns(kept) }
            beta = kept.map { start[$0] }
            eta = design.times(beta)
        } else {
            eta = (0..<n).map { i in link.linearPredictor((p[i] * y[i] + 0.5) / (p[i] + 1)) }
        }
        var devianceOld = deviance(eta, y: y, prior: p, link: link)
        var lastStep: [Double]?
        var iterations = 0
        var halvings = 0
        var converged = false
        var change = Double.infinity
        var currentDeviance = devianceOld

        while iterations < options.maxIterations {
            iterations += 1
            let (root, response) = workingSystem(eta: eta, y: y, prior: p, link: link, information: options.information)
            let solution = try leastSquares(
                design.scalingRows(by: root), response, relativeTolerance: rankTolerance)
            var next: [Double]
            if iterations == 1 && start == nil {
                // R's start gives every row a moderate positive weight: this is the rank of X.
                kept = solution.keptColumns
                dropped = solution.droppedColumns
                if !dropped.isEmpty { design = x.selectingColumns(kept) }
                next = kept.map { solution.coefficients[$0] }
            } else {
                // Weights so small that a kept column vanishes: the iterates are running off to
                // infinity (separation) or the design is numerically degenerate; stop here.
                guard solution.droppedColumns.isEmpty else { break }
                next = solution.coefficients
            }
            var nextEta = design.times(next)
            var nextDeviance = deviance(nextEta, y: y, prior: p, link: link)
            // Halve only towards a previous coefficient vector: R's start values are probabilities.
            if !beta.isEmpty {
                // A rise within rounding (1e-12 relative) is not a rise: near the optimum the
                // deviance is flat to machine precision.
                let ceiling = devianceOld + 1e-12 * (abs(devianceOld) + 0.1)
                var tries = 0
                while !(nextDeviance.isFinite && nextDeviance <= ceiling) && tries < maximumHalvings {
                    tries += 1
                    for j in next.indices { next[j] = 0.5 * (next[j] + beta[j]) }
                    nextEta = design.times(next)
                    nextDeviance = deviance(nextEta, y: y, prior: p, link: link)
                }
                halvings += tries
                guard nextDeviance.isFinite && nextDeviance <= ceiling else {
                    // No step along this direction lowers the deviance: stop unconverged.
                    break
                }
                lastStep = zip(next, beta).map { $0 - $1 }
            }
            beta = next
            eta = nextEta
            currentDeviance = nextDeviance
            change = abs(nextDeviance - devianceOld) / (abs(nextDeviance) + 0.1)
            if change < options.tolerance {
                converged = true
                break
            }
            devianceOld = nextDeviance
        }
        return IRLSResult(
            keptColumns: kept, droppedColumns: dropped, coefficients: beta, linearPredictor: eta,
            iterations: iterations, converged: converged, relativeChange: change, stepHalvings: halvings,
            lastStep: lastStep, deviance: currentDeviance)
    }

    /// `√(pᵢvᵢ)` and the whitened working response `√(pᵢvᵢ)(ηᵢ + uᵢ/vᵢ)`, computed as
    /// `√(pv)·η + p·u/√(pv)` so that a tiny weight cannot overflow `u/v`.
    static func workingSystem(
        eta: [Double], y: [Double], prior p: [Double], link: BinaryResponseLink,
        information: BinaryResponseOptions.Information
    ) -> (root: [Double], response: [Double]) {
        var root = [Double](repeating: 0, count: eta.count)
        var response = [Double](repeating: 0, count: eta.count)
        for i in eta.indices {
            let d = link.derivatives(eta[i], y: y[i])
            let v = information == .observed ? d.observed : d.expected
            let r = (p[i] * v).squareRoot()
            root[i] = r
            response[i] = r * eta[i] + p[i] * d.score / r
        }
        return (root, response)
    }

    /// Deviance `D = −2 Σ pᵢ ℓᵢ` (the saturated log-likelihood of 0/1 data is 0).
    static func deviance(_ eta: [Double], y: [Double], prior p: [Double], link: BinaryResponseLink) -> Double {
        var sum = 0.0
        for i in eta.indices { sum += p[i] * link.logLikelihood(eta[i], y: y[i]) }
        return -2 * sum
    }
}
