import LinearAlgebra

/// One covariate-adjusted 2×2 ATT and its influence function over the cell's units, as DRDID's
/// panel estimators compute them (Sant'Anna & Zhao 2020).
///
/// Inputs are the cell's n units (cohort g and its comparison units): ΔYᵢ, Dᵢ = 1{Gᵢ = g} and
/// the design Xᵢ = (1, covariates). With the OLS fit β̂ of ΔY on X over D = 0, the logit
/// propensity p̂ = Λ(Xγ̂) (capped at 1 − 10⁻⁶, comparison units with p̂ ≥ 0.995 trimmed; a cell
/// with any p̂ ≥ 0.999 fails did's overlap check),
/// w₁ = D and w₀ = p̂(1 − D)/(1 − p̂):
///
///     reg: ATT = E[D(ΔY − Xβ̂)]/E[D]
///     ipw: ATT = E[w₁ΔY]/E[w₁] − E[w₀ΔY]/E[w₀]
///     dr:  ATT = E[w₁(ΔY − Xβ̂)]/E[w₁] − E[w₀(ΔY − Xβ̂)]/E[w₀]
///
/// The influence functions include the estimation effect of β̂ (its asymptotic linear
/// representation (1 − D)(ΔY − Xβ̂)Xᵀ(E[(1 − D)XXᵀ])⁻¹) and of γ̂ ((D − p̂)Xᵀ(E[p̂(1 − p̂)XXᵀ])⁻¹),
/// term by term as `DRDID::reg_did_panel`, `std_ipw_did_panel` and `drdid_panel` (R DRDID 1.x;
/// Python `drdid` 1.1.7 / `csdid` 0.4.3, which rebuilds the logit information at the capped p̂).
struct CallawaySantAnnaConditionalCell {
    /// The ATT of the cell.
    let estimate: Double
    /// Influence function over the cell's units (DRDID scale: SE = sqrt(Σψ²)/n_cell).
    let influence: [Double]
    /// Comparison units trimmed for a propensity score ≥ 0.995.
    let trimmed: Int

    /// DRDID's trimming level for comparison units' propensity scores.
    static let trimLevel = 0.995
    /// R did's overlap limit (`overlap_check_fail`: max fitted propensity ≥ 0.999 fails the cell).
    static let overlapLimit = 0.999

    /// Estimates the cell; `design` is n × (1 + k) with the intercept first.
    /// - Throws: `CallawaySantAnnaConditionalCell.Failure` when a fit is singular or the logit diverges.
    init(
        change: [Double], treated: [Bool], design: Matrix, method: CallawaySantAnnaSpecification.EstimationMethod
    ) throws {
        let n = change.count
        let k = design.columns
        let nn = Double(n)
        let d = treated.map { $0 ? 1.0 : 0.0 }
        // Outcome regression on the comparison units (reg, dr).
        var fitted = [Double](repeating: 0, count: n)
        var olsLinear: [[Double]] = []  // asymptotic linear representation of β̂, one row per unit
        if method != .inverseProbability {
            let controls = (0..<n).filter { !treated[$0] }
            let xc = design.selectingRows(controls)
            let solution = try leastSquares(xc, controls.map { change[$0] })
            guard solution.rank == k else { throw Failure.singularRegression }
            fitted = design.times(solution.coefficients)
            // (Σ(1 − D)XXᵀ / n)⁻¹ (DRDID's XpX.inv).
            let inverse = try Self.inverse(xc.gram(), scale: 1 / nn, failure: .singularRegression)
            olsLinear = (0..<n).map { i in
                treated[i]
                    ? [Double](repeating: 0, count: k)
                    : Self.rowTimes(design, i, inverse, factor: change[i] - fitted[i])
            }
        }
        if method == .regression {
            let meanD = d.reduce(0, +) / nn
            var etaTreat = 0.0
            var etaControl = 0.0
            for i in 0..<n {
                etaTreat += d[i] * change[i]
                etaControl += d[i] * fitted[i]
            }
            etaTreat /= nn * meanD
            etaControl /= nn * meanD
            let m1 = Self.columnMeans(design, weights: d)
            influence = (0..<n).map { i in
                let treat = (d[i] * change[i] - d[i] * etaTreat) / meanD
                let control = (d[i] * fitted[i] - d[i] * etaControl + Self.dot(olsLinear[i], m1)) / meanD
                return treat - control
            }
            estimate = etaTreat - etaControl
            trimmed = 0
            return
        }
        // Propensity score (ipw, dr).
        let probability = try CallawaySantAnnaPropensity(design: design, treated: treated)
        // R did's (and csdid's) overlap check: a cell whose fitted propensity reaches 0.999 for any
        // unit is not estimated (did reports NA); here it is an error that names the cell.
        if let highest = probability.fitted.max(), highest >= Self.overlapLimit { throw Failure.noOverlap }
        // DRDID caps p̂ below 1 and trims comparison units with p̂ ≥ 0.995 (`trim.level`).
        let p = probability.fitted.map { min($0, 1 - 1e-6) }
        var keep = [Double](repeating: 1, count: n)
        for i in 0..<n where !treated[i] && p[i] >= Self.trimLevel { keep[i] = 0 }
        trimmed = keep.filter { $0 == 0 }.count
        var wTreat = [Double](repeating: 0, count: n)
        var wControl = [Double](repeating: 0, count: n)
        var residual = [Double](repeating: 0, count: n)
        for i in 0..<n {
            wTreat[i] = keep[i] * d[i]
            let odds: Double = p[i] * (1 - d[i]) / (1 - p[i])
            wControl[i] = keep[i] * odds
            residual[i] = change[i] - fitted[i]  // ΔY itself for ipw (fitted = 0)
        }
        let meanTreat = wTreat.reduce(0, +) / nn
        let meanControl = wControl.reduce(0, +) / nn
        guard meanControl > 0 else { throw Failure.noWeightedComparison }
        var etaTreat = 0.0
        var etaControl = 0.0
        for i in 0..<n {
            etaTreat += wTreat[i] * residual[i]
            etaControl += wControl[i] * residual[i]
        }
        etaTreat /= nn * meanTreat
        etaControl /= nn * meanControl
        // (Σ p̂(1 − p̂)XXᵀ / n)⁻¹ at the capped scores (DRDID's Hessian.ps = vcov(glm)·n).
        let information = design.weightedGram(p.map { $0 * (1 - $0) })
        let hessian = try Self.inverse(information, scale: 1 / nn, failure: .singularPropensity)
        let psLinear = (0..<n).map { Self.rowTimes(design, $0, hessian, factor: d[$0] - p[$0]) }
        var centered = [Double](repeating: 0, count: n)
        for i in 0..<n { centered[i] = wControl[i] * (residual[i] - etaControl) }
        let m2 = Self.columnMeans(design, weights: centered)
        let m1 = Self.columnMeans(design, weights: wTreat)
        let m3 = Self.columnMeans(design, weights: wControl)
        let adjusted = method == .doublyRobust
        influence = (0..<n).map { i in
            var treat = wTreat[i] * residual[i] - wTreat[i] * etaTreat
            var control = wControl[i] * residual[i] - wControl[i] * etaControl + Self.dot(psLinear[i], m2)
            if adjusted {
                treat -= Self.dot(olsLinear[i], m1)
                control -= Self.dot(olsLinear[i], m3)
            }
            return treat / meanTreat - control / meanControl
        }
        estimate = etaTreat - etaControl
    }

    /// Why a cell's nuisance fits failed.
    enum Failure: Error, Equatable {
        case singularRegression, singularPropensity, noWeightedComparison, noOverlap
        case propensityNotConverged, propensitySeparation
    }

    /// (scale · a)⁻¹ for a symmetric positive-definite a.
    static func inverse(_ a: Matrix, scale: Double, failure: Failure) throws -> Matrix {
        do {
            return try Cholesky(scale * a).inverse()
        } catch {
            throw failure
        }
    }

    /// factor · x_iᵀ A (A symmetric), the unit's row of an asymptotic linear representation.
    static func rowTimes(_ x: Matrix, _ i: Int, _ a: Matrix, factor: Double) -> [Double] {
        let k = x.columns
        return (0..<k).map { j in
            var s = 0.0
            for l in 0..<k { s += x.elements[i + l * x.rows] * a.elements[l + j * k] }
            return factor * s
        }
    }

    /// mean over units of wᵢ xᵢ (a k-vector).
    static func columnMeans(_ x: Matrix, weights w: [Double]) -> [Double] {
        (0..<x.columns).map { j in
            var s = 0.0
            for i in 0..<x.rows { s += w[i] * x.elements[i + j * x.rows] }
            return s / Double(x.rows)
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0.0) { $0 + $1.0 * $1.1 }
    }
}
