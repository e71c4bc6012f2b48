import Inference
import LinearAlgebra

extension RegressionFit {
    /// The linear combination `θ = Σ_j weights[j] · b_j` of named coefficients with its standard
    /// error `√(cᵀVc)`, the t test of `θ = value` and a confidence interval, using this fit's
    /// covariance (e.g. `["e1": 1/3, "e2": 1/3, "e3": 1/3]` for the average of three event-time effects).
    ///
    /// Matches statsmodels `results.t_test((R, q))` and Stata `lincom`; with `.satterthwaite` the df of
    /// R `clubSandwich::linear_contrast(fit, vcov = "CR2", test = "Satterthwaite")`.
    ///
    /// - Parameters:
    ///   - weights: coefficient name → weight; at least one (programmer error otherwise).
    ///   - degreesOfFreedom: `.covariance` (N − K, G − 1, …) or `.satterthwaite` (one-way CR2 only).
    /// - Throws: `EstimationError.unknownCoefficient` for a name that is not a kept column;
    ///   `InferenceError.satterthwaiteNeedsCR2`; `LinearAlgebraError`.
    public func linearCombination(
        weights: [String: Double], value: Double = 0, level: Double = 0.95,
        degreesOfFreedom: TestDegreesOfFreedom = .covariance
    ) throws -> LinearCombination {
        precondition(!weights.isEmpty, "Name at least one coefficient")
        let contrast = try keptContrast(weights)
        let terms = keptColumns.enumerated().compactMap { p, j -> LinearCombination.Term? in
            weights[columnNames[j]] == nil ? nil : LinearCombination.Term(name: columnNames[j], weight: contrast[p])
        }
        let df: Double
        switch degreesOfFreedom {
        case .covariance:
            df = inferenceDegreesOfFreedom
        case .satterthwaite:
            df = try satterthwaiteDegreesOfFreedom(contrasts: [contrast])[0]
        }
        return LinearCombination(
            terms: terms, contrast: contrast, estimates: core.keptEstimates, covariance: covariance, value: value,
            degreesOfFreedom: df, degreesOfFreedomSource: degreesOfFreedom.description, level: level,
            covarianceLabel: covarianceLabel)
    }

    /// Satterthwaite degrees of freedom of every coefficient's t test under this fit's one-way CR2
    /// covariance, one per design column (NaN for dropped columns): R
    /// `clubSandwich::coef_test(fit, vcov = "CR2", test = "Satterthwaite")$df_Satt`.
    ///
    /// The coefficient table keeps the covariance's G − 1 df; these are the better reference with few
    /// or unequal clusters (Pustejovsky & Tipton 2018; Imbens & Kolesár 2016).
    ///
    /// - Throws: `InferenceError.satterthwaiteNeedsCR2` unless the covariance is one-way CR2.
    public func satterthwaiteDegreesOfFreedom() throws -> [Double] {
        let k = keptColumns.count
        let unit = (0..<k).map { p in (0..<k).map { $0 == p ? 1.0 : 0.0 } }
        let kept = try satterthwaiteDegreesOfFreedom(contrasts: unit)
        var df = [Double](repeating: .nan, count: columnNames.count)
        for (p, j) in keptColumns.enumerated() { df[j] = kept[p] }
        return df
    }

    /// Joint Wald test of several named linear combinations, `Σ_j R_ij b_j = values[i]` for every row i
    /// (zeros when `values` is nil), in F and χ² form; e.g. `[["x1": 1, "x2": 1], ["x1": 1, "x2": -1]]`.
    /// Matches statsmodels `f_test((R, q))` and `wald_test((R, q), use_f=False)`.
    ///
    /// - Throws: `EstimationError.unknownCoefficient`; `LinearAlgebraError`.
    public func waldTest(combinations: [[String: Double]], values: [Double]? = nil) throws -> WaldTest {
        precondition(!combinations.isEmpty, "Give at least one combination")
        precondition(values.map { $0.count == combinations.count } ?? true, "One value per combination is required")
        var r = Matrix(rows: combinations.count, columns: columnNames.count)
        for (i, weights) in combinations.enumerated() {
            let contrast = try keptContrast(weights)
            for (p, j) in keptColumns.enumerated() { r[i, j] = contrast[p] }
        }
        return try waldTest(restrictions: r, values: values)
    }

    /// Weights over the kept coefficients for named coefficients.
    func keptContrast(_ weights: [String: Double]) throws -> [Double] {
        var contrast = [Double](repeating: 0, count: keptColumns.count)
        for (name, weight) in weights {
            guard let j = columnNames.firstIndex(of: name), let p = keptColumns.firstIndex(of: j) else {
                throw EstimationError.unknownCoefficient(name: name, available: keptColumns.map { columnNames[$0] })
            }
            contrast[p] = weight
        }
        return contrast
    }

    /// Satterthwaite df for contrasts over the kept coefficients (one-way CR2 only).
    func satterthwaiteDegreesOfFreedom(contrasts: [[Double]]) throws -> [Double] {
        guard case .clustered(let names, .cr2) = covarianceType, names.count == 1 else {
            throw InferenceError.satterthwaiteNeedsCR2(covariance: covarianceLabel)
        }
        let cluster = try core.clusterVariables(for: covarianceType)[0]
        return try CovarianceEstimator.satterthwaiteDegreesOfFreedom(
            contrasts: contrasts, components: core.components, cluster: cluster)
    }
}
