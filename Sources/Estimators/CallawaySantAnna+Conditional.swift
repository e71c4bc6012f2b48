import LinearAlgebra

extension CallawaySantAnna {
    /// One covariate-adjusted ATT(g,t): the DRDID estimator on the cell's units (cohort g and its
    /// comparison units, `role` ≠ 0), covariates from the earlier of periods t and b, and the
    /// influence function rescaled by n/n_cell onto all n units (did's `inffunc * n / n1`).
    static func conditionalGroupTime(
        _ panel: StaggeredPanel, cohort g: Double, period t: Int, base: Int, role: [Int8], change: [Double],
        covariates: [Int], method: CallawaySantAnnaSpecification.EstimationMethod, treatedUnits: Int,
        comparisonUnits: Int
    ) throws -> (effect: CallawaySantAnnaEffect, influence: [Double], trimmed: Int) {
        let members = role.indices.filter { role[$0] != 0 }
        let m = members.count
        // did's panel2cs2 keeps the earlier period's row, so the covariates are those of min(t, b).
        let covariatePeriod = min(t, base)
        var elements = [Double](repeating: 1, count: m * (covariates.count + 1))
        for (j, c) in covariates.enumerated() {
            for (r, i) in members.enumerated() {
                elements[r + (j + 1) * m] = panel.covariate(c, unit: i, period: covariatePeriod)
            }
        }
        let design = Matrix(rows: m, columns: covariates.count + 1, columnMajor: elements)
        let cell: CallawaySantAnnaConditionalCell
        do {
            cell = try CallawaySantAnnaConditionalCell(
                change: members.map { change[$0] }, treated: members.map { role[$0] == 1 }, design: design,
                method: method)
        } catch let failure as CallawaySantAnnaConditionalCell.Failure {
            throw StaggeredPanelError.covariateAdjustmentFailed(
                cohort: g, period: panel.periods[t], reason: failure.explanation)
        }
        var influence = [Double](repeating: 0, count: panel.unitCount)
        let scale = Double(panel.unitCount) / Double(m)
        for (r, i) in members.enumerated() { influence[i] = scale * cell.influence[r] }
        let effect = CallawaySantAnnaEffect(
            cohort: g, period: panel.periods[t], basePeriod: panel.periods[base], estimate: cell.estimate,
            standardError: CallawaySantAnnaResult.standardError(influence, clusters: panel.clusterOfUnit),
            treatedUnits: treatedUnits, comparisonUnits: comparisonUnits)
        return (effect, influence, cell.trimmed)
    }
}

extension CallawaySantAnnaConditionalCell.Failure {
    /// What went wrong, in words, for `StaggeredPanelError.covariateAdjustmentFailed`.
    var explanation: String {
        switch self {
        case .singularRegression:
            return "the outcome regression on the comparison units is singular (collinear or constant covariates, "
                + "or fewer comparison units than covariates)"
        case .singularPropensity: return "the propensity-score design is singular (collinear or constant covariates)"
        case .noWeightedComparison: return "every comparison unit was trimmed (propensity score ≥ 0.995)"
        case .noOverlap:
            return "some unit's propensity score is 0.999 or more, so the cohort and its comparison units do not "
                + "overlap in the covariates (R did's overlap check); use the outcome-regression method, fewer "
                + "covariates, or drop units outside the common support"
        case .propensityNotConverged: return "the propensity-score logit did not converge in 50 Newton steps"
        case .propensitySeparation:
            return "the covariates separate the cohort from its comparison units perfectly (no overlap)"
        }
    }
}
