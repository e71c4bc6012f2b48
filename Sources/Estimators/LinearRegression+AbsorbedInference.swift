import Inference
import LinearAlgebra
import ModelSpec

/// Covariances of a fit with absorbed fixed effects, with the small-sample factors of its
/// `SmallSampleConvention` (the table there; fixest `R/VCOV.R`, pyfixest `Feols.vcov`).
extension LinearRegression {
    /// The covariance of `type` and the Wald test of all slopes for a fit with absorbed effects.
    ///
    /// The sandwich pieces (White meat, cluster score sums) come from `CovarianceEstimator` with
    /// no factor (HC0, CR0); the factors are applied here because K must count the fixed effects,
    /// which the covariance module does not see.
    ///
    /// - Throws: `FixedEffectsError.unsupportedCovariance` (HC2, HC3 and any type other than
    ///   classical, HC0, HC1 and one- or two-way clustered), `InferenceError` (one cluster, no
    ///   residual degrees of freedom, more than two cluster variables), `EstimationError`.
    static func absorbedInference(
        core: FitCore, effects: AbsorbedEffects, covariance type: CovarianceType
    ) throws -> (CovarianceEstimate, WaldTest?) {
        let components = core.components
        let convention = effects.convention
        let n = components.observationCount
        let k = components.parameterCount
        let levels = effects.effects.map(\.levelCount)
        let references = effects.effects.map(\.redundantLevels)
        func parameters(nested: [Bool]) throws -> Int {
            let count = FixedEffectRedundancy.parameterCount(
                slopes: k, levels: levels, references: references, nested: nested, convention: convention)
            guard n > count else { throw InferenceError.noResidualDegreesOfFreedom(observations: n, parameters: count) }
            return count
        }
        // (N − 1)/(N − K), fixest `adj`.
        func adjustment(_ count: Int) -> Double {
            convention.adjustsForParameters ? Double(n - 1) / Double(n - count) : 1
        }
        let notNested = [Bool](repeating: false, count: levels.count)
        let estimate: CovarianceEstimate
        switch type {
        case .classical:
            let count = try parameters(nested: notNested)
            // fixest and pyfixest: σ² = SSR/(N − 1) times the adjustment, so SSR/(N − K) by default.
            let s2 = components.weightedResidualSumOfSquares() / Double(n - 1) * adjustment(count)
            estimate = CovarianceEstimate(type: type, matrix: s2 * components.bread, degreesOfFreedom: Double(n - count))
        case .hc0, .hc1:
            let count = try parameters(nested: notNested)
            let white = try CovarianceEstimator.estimate(.hc0, components: components)
            // fixest's "hetero": adj × N/(N − 1) under cluster.adj, i.e. N/(N − K) by default (HC1).
            let factor = type == .hc0 ? 1 : adjustment(count) * (convention.adjustsForClusters ? Double(n) / Double(n - 1) : 1)
            estimate = CovarianceEstimate(type: type, matrix: factor * white.matrix, degreesOfFreedom: Double(n - count))
        case .clustered(let names, let correction):
            // CR2/CR3 adjust residuals by blocks of the full hat matrix, fixed-effect dummies included.
            guard !correction.adjustsResiduals else {
                throw FixedEffectsError.unsupportedCovariance(type: type.description)
            }
            guard names.count == 1 || names.count == 2 else {
                throw InferenceError.unsupportedClusterDimensions(count: names.count)
            }
            let clusters = try core.clusterVariables(for: type)
            let nested = effects.factors.map { f in clusters.contains { FixedEffectRedundancy.isNested(f, in: $0) } }
            let count = try parameters(nested: nested)
            estimate = try clustered(
                type, clusters: clusters, components: components, factor: correction == .none ? 1 : adjustment(count),
                adjustsForClusters: correction != .none && convention.adjustsForClusters, convention: convention,
                residualDegrees: n - count)
        default:
            throw FixedEffectsError.unsupportedCovariance(type: type.description)
        }
        let test = try core.modelRestrictions.map {
            try WaldTest(
                estimates: core.keptEstimates, covariance: estimate.matrix, restrictions: $0,
                denominatorDegreesOfFreedom: estimate.degreesOfFreedom)
        }
        return (estimate, test)
    }

    /// One- or two-way cluster covariance: `factor · g(G) · V_CR0` per term, `g(G) = G/(G − 1)`
    /// when `adjustsForClusters`, G per `convention.clusterCount`; a two-way sum that is not
    /// positive semi-definite is repaired by clipping negative eigenvalues (Cameron, Gelbach &
    /// Miller 2011, §2.3; fixest's `vcov_fix`), the raw sum kept as `unclippedMatrix`.
    private static func clustered(
        _ type: CovarianceType, clusters: [ClusterVariable], components: SandwichComponents, factor: Double,
        adjustsForClusters: Bool, convention: SmallSampleConvention, residualDegrees: Int
    ) throws -> CovarianceEstimate {
        func raw(_ c: ClusterVariable) throws -> CovarianceEstimate {
            try CovarianceEstimator.estimate(.clustered(by: [c.name], correction: .none), components: components, clusters: [c])
        }
        func g(_ count: Int) -> Double { adjustsForClusters ? Double(count) / Double(count - 1) : 1 }
        let counts = clusters.map(\.count)
        let smallest = counts.min()!
        let degrees = convention.clusteredDegrees == .minimumClusters ? Double(smallest - 1) : Double(residualDegrees)
        if clusters.count == 1 {
            let v = try raw(clusters[0])
            return CovarianceEstimate(
                type: type, matrix: (factor * g(counts[0])) * v.matrix, degreesOfFreedom: degrees, clusterCounts: counts,
                warnings: v.warnings)
        }
        let (a, b) = (clusters[0], clusters[1])
        let both = ClusterVariable.intersection(a, b)
        let va = try raw(a)
        let vb = try raw(b)
        let vab = try raw(both)
        // cluster.df = "min": one G for all three terms (the cells count at least as many).
        let minimum = convention.clusterCount == .minimum
        let sum = symmetric(
            (factor * g(minimum ? smallest : a.count)) * va.matrix + (factor * g(minimum ? smallest : b.count)) * vb.matrix
                - (factor * g(minimum ? smallest : both.count)) * vab.matrix)
        var warnings = va.warnings + vb.warnings
        let (v, clipped) = try clippingNegativeEigenvalues(sum)
        if clipped > 0 {
            warnings.append(
                "The two-way cluster covariance V_a + V_b − V_ab was not positive semi-definite; \(clipped) negative "
                    + "eigenvalue(s) were set to zero (Cameron, Gelbach & Miller 2011, §2.3).")
        }
        return CovarianceEstimate(
            type: type, matrix: v, degreesOfFreedom: degrees, clusterCounts: counts, warnings: warnings,
            clippedEigenvalues: clipped, unclippedMatrix: sum)
    }

    /// `(A + Aᵀ)/2`.
    private static func symmetric(_ a: Matrix) -> Matrix {
        var s = a
        for j in 0..<a.columns {
            for i in 0..<j {
                let m = 0.5 * (a[i, j] + a[j, i])
                s[i, j] = m
                s[j, i] = m
            }
        }
        return s
    }

    /// `U max(Λ, 0) Uᵀ` and how many eigenvalues were below `−1e-12 · max|λ|` (rounding is left alone).
    private static func clippingNegativeEigenvalues(_ v: Matrix) throws -> (Matrix, Int) {
        let eigen = try SymmetricEigen(v)
        let scale = eigen.values.map(abs).max() ?? 0
        let negative = eigen.values.filter { $0 < -1e-12 * scale }.count
        guard negative > 0 else { return (v, 0) }
        var scaled = eigen.vectors
        for j in 0..<v.columns {
            let lambda = max(eigen.values[j], 0)
            for i in 0..<v.rows { scaled[i, j] *= lambda }
        }
        return (symmetric(Matrix.product(scaled, eigen.vectors, transposeB: true)), negative)
    }
}
