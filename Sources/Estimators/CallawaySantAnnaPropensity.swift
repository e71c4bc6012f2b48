import Foundation
import LinearAlgebra

/// The logit propensity score P(D = 1 | X) of one Callaway–Sant'Anna cell, by Newton–Raphson.
///
/// γ̂ maximizes Σ [Dᵢ log Λ(xᵢᵀγ) + (1 − Dᵢ) log(1 − Λ(xᵢᵀγ))]; each step solves
/// (XᵀWX) δ = Xᵀ(D − p) with W = diag(p(1 − p)) by Cholesky, from γ = 0, until the step is below
/// 1e-13 relative to γ (Newton converges quadratically, so this is the optimum to rounding; R
/// `glm` and statsmodels `GLM` stop on a deviance rule at 1e-8, which leaves their coefficients
/// exact to about 1e-10 on well-conditioned problems). The cells are small in-memory arrays, so
/// this avoids building a data frame per cell for `BinaryResponseModel`; it is the same estimator
/// as `BinaryResponseModel.fit(…, link: .logit)` without its reporting.
struct CallawaySantAnnaPropensity {
    /// Coefficients γ̂ (intercept first).
    let coefficients: [Double]
    /// Fitted probabilities Λ(xᵢᵀγ̂).
    let fitted: [Double]

    /// Fits D on the design (intercept first).
    /// - Throws: `CallawaySantAnnaConditionalCell.Failure` (singular information, separation,
    ///   no convergence in 50 steps).
    init(design: Matrix, treated: [Bool]) throws {
        let n = design.rows
        let k = design.columns
        var gamma = [Double](repeating: 0, count: k)
        var p = [Double](repeating: 0.5, count: n)
        for _ in 0..<50 {
            var score = [Double](repeating: 0, count: n)
            for i in 0..<n { score[i] = (treated[i] ? 1 : 0) - p[i] }
            let gradient = design.times(score, transpose: true)
            let information = design.weightedGram(p.map { $0 * (1 - $0) })
            let factor: Cholesky
            do {
                factor = try Cholesky(information)
            } catch {
                throw CallawaySantAnnaConditionalCell.Failure.singularPropensity
            }
            let step = factor.solve(gradient)
            guard step.allSatisfy(\.isFinite) else { throw CallawaySantAnnaConditionalCell.Failure.propensitySeparation }
            for j in 0..<k { gamma[j] += step[j] }
            let eta = design.times(gamma)
            p = eta.map { 1 / (1 + exp(-$0)) }
            let size = gamma.reduce(0.0) { max($0, abs($1)) }
            // Coefficients beyond ±30 on the logit scale mean fitted probabilities within 1e-13 of
            // 0 or 1: the classes are (quasi-)separated and the maximum likelihood estimate is infinite.
            if size > 30 { throw CallawaySantAnnaConditionalCell.Failure.propensitySeparation }
            let change = step.reduce(0.0) { max($0, abs($1)) }
            if change <= 1e-13 * max(1, size) {
                coefficients = gamma
                fitted = p
                return
            }
        }
        throw CallawaySantAnnaConditionalCell.Failure.propensityNotConverged
    }
}
