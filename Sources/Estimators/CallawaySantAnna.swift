import Inference

/// Callaway & Sant'Anna (2021) group-time average treatment effects, unconditional or adjusted for
/// covariates by outcome regression, inverse probability weighting or the doubly robust estimator.
///
/// For cohort g and period t with base period b, comparison set C(g,t) and ΔY = Y_t − Y_b:
///
///     ATT(g,t) = mean(ΔY | G = g) − mean(ΔY | C(g,t))
///
/// (Callaway & Sant'Anna 2021, J. Econometrics 225(2), eq. 2.6 with no covariates). Its influence
/// function for unit i of the n panel units (zero for units outside g and C(g,t)) is
///
///     ψᵢ = n·[ 1{Gᵢ = g}(ΔYᵢ − μ_g)/n_g − 1{i ∈ C}(ΔYᵢ − μ_C)/n_C ]
///
/// and the analytic standard error is sqrt(Σᵢ ψᵢ²)/n. Because ψ has one entry per unit, this SE
/// is clustered at the unit level (each unit's influence summed over its periods); with a panel
/// cluster variable it is sqrt(Σ_c (Σ_{i∈c} ψᵢ)²)/n (R `did` `clustervars`, analytic path).
/// Matches R `did::att_gt(…, est_method = "reg", bstrap = FALSE)` without covariates, whose
/// `DRDID::reg_did_panel` influence function reduces to ψ above, and Python `csdid` 0.4.3
/// `ATTgt(…).fit(est_method = "reg", bstrap = False)` (`datasets/reference/cs_attgt.json`).
/// With covariates (`specification.covariates`), each cell's ATT and influence function come from
/// the DRDID panel estimator of `specification.estimationMethod` on the cell's units, with the
/// covariates of the earlier of the two periods (did's `panel2cs2` keeps that row; for
/// time-invariant covariates it is the base period), see `CallawaySantAnnaConditionalCell`; the
/// cell influence function is rescaled by n/n_cell as did does. Matches `csdid` 0.4.3
/// `ATTgt(…, xformla = "y ~ x1 + x2").fit(est_method = "reg" | "ipw" | "dr", bstrap = False)`
/// (`datasets/reference/cs_covariates.json`). Not in scope: sampling weights, the multiplier
/// bootstrap and uniform confidence bands.
public enum CallawaySantAnna {
    /// Estimates every ATT(g,t) of `panel` under `specification`.
    ///
    /// Periods: with a varying base, t runs over the second to last periods; with a universal base,
    /// over all periods (the reference cell of each cohort is reported as 0). Anticipation δ is in
    /// the time variable's units: b is the last period with b + δ < g (R `did` convention). As did,
    /// units treated at or before the first period + δ are dropped and cohorts after the last
    /// period + δ count as never treated (`StaggeredPanel.restrictedToWindow(anticipation:)`); the
    /// result's `inputReport` lists them.
    /// - Throws: `StaggeredPanelError.noTreatedCohort`, `.cohortOutsideTimeRange` (no cohort left
    ///   inside the window),
    ///   `.noComparisonUnits`, `.covariateNotInPanel`, `.covariateAdjustmentFailed`.
    public static func estimate(
        _ input: StaggeredPanel, specification: CallawaySantAnnaSpecification = .init()
    ) throws -> CallawaySantAnnaResult {
        // did's pre-processing: always-treated units dropped, cohorts after the window never treated.
        let panel = input.restrictedToWindow(anticipation: specification.anticipation)
        let periods = panel.periods
        let cohorts = panel.treatedCohorts
        let delta = Double(specification.anticipation)
        guard !cohorts.isEmpty else {
            if let g = input.treatedCohorts.first {
                throw StaggeredPanelError.cohortOutsideTimeRange(
                    cohort: g, first: periods[0], last: periods[periods.count - 1],
                    anticipation: specification.anticipation)
            }
            throw StaggeredPanelError.noTreatedCohort
        }
        let covariateIndex = try specification.covariates.map { name in
            guard let index = panel.covariateNames.firstIndex(of: name) else {
                throw StaggeredPanelError.covariateNotInPanel(name: name, available: panel.covariateNames)
            }
            return index
        }
        var warnings: [String] = []
        var trimmedCells: [String] = []
        let varying = zip(specification.covariates, covariateIndex).filter { panel.covariateVaries($0.1) }.map(\.0)
        if !varying.isEmpty {
            warnings.append(
                "Covariate(s) \(varying.joined(separator: ", ")) vary within units. The estimator assumes "
                    + "time-invariant covariates and, as R did, uses each cell's earlier period (the base period "
                    + "for post-treatment cells); use pre-treatment values if they respond to treatment.")
        }
        if panel.clusterName != nil && panel.clusterCount < 30 {
            warnings.append(
                "Only \(panel.clusterCount) clusters: analytic cluster-robust standard errors can be too small "
                    + "with fewer than about 30 clusters (Cameron & Miller 2015); read them with care.")
        }
        for g in cohorts {
            let size = panel.cohorts.filter { $0 == g }.count
            if size == 1 {
                warnings.append(
                    "Cohort \(g) has a single unit: its ATT(g,t) rest on one unit's changes and its "
                        + "standard errors are unreliable. Consider pooling it with a neighbouring cohort.")
            }
        }
        let n = panel.unitCount
        let width = periods.count
        // did's `tfac`: the varying base skips the first period (it has no predecessor to differ from).
        let offset = specification.basePeriod == .varying ? 1 : 0
        var cells: [CallawaySantAnnaEffect] = []
        var influence: [[Double]] = []
        for g in cohorts {
            // Last period unaffected by treatment or anticipation: b + δ < g.
            let lastPre = periods.lastIndex { $0 + delta < g }!
            for index in 0..<(width - offset) {
                let t = index + offset
                var base = specification.basePeriod == .universal ? lastPre : index
                // From g − δ on, cells are long differences from the last unaffected period, so an
                // anticipation effect spanning several periods is not differenced away (did ≥ 2.1).
                if g - delta <= periods[t] { base = lastPre }
                if base == t {
                    cells.append(
                        CallawaySantAnnaEffect(
                            cohort: g, period: periods[t], basePeriod: periods[base], estimate: 0,
                            standardError: nil, treatedUnits: 0, comparisonUnits: 0))
                    influence.append([Double](repeating: 0, count: n))
                    continue
                }
                // Not-yet-treated comparison units must be untreated (and not anticipating) in both
                // periods used: cohort > max(t, b) + δ (did: tlist[max(t, pret) + tfac] + anticipation).
                let threshold = max(periods[t], periods[base]) + delta
                let cell = try groupTime(
                    panel, cohort: g, period: t, base: base, threshold: threshold,
                    controlGroup: specification.controlGroup, covariates: covariateIndex,
                    method: specification.estimationMethod)
                cells.append(cell.effect)
                influence.append(cell.influence)
                if cell.trimmed > 0 {
                    trimmedCells.append("(\(StatisticsText.compact(g)), \(StatisticsText.compact(periods[t]))): \(cell.trimmed)")
                }
            }
        }
        if !trimmedCells.isEmpty {
            warnings.append(
                "Comparison units with a propensity score of at least 0.995 were given zero weight (DRDID's "
                    + "trimming) in cells " + trimmedCells.joined(separator: "; ")
                    + ". Check overlap: such units have no treated counterpart.")
        }
        return CallawaySantAnnaResult(
            specification: specification, effects: cells, influence: influence, unitCohorts: panel.cohorts,
            periods: periods, clusterName: panel.clusterName, unitClusters: panel.clusterOfUnit,
            clusterCount: panel.clusterCount, warnings: warnings, inputReport: panel.inputReport)
    }

    /// One ATT(g,t), its influence function over all n units and its standard error.
    static func groupTime(
        _ panel: StaggeredPanel, cohort g: Double, period t: Int, base: Int, threshold: Double,
        controlGroup: CallawaySantAnnaSpecification.ControlGroup, covariates: [Int] = [],
        method: CallawaySantAnnaSpecification.EstimationMethod = .doublyRobust
    ) throws -> (effect: CallawaySantAnnaEffect, influence: [Double], trimmed: Int) {
        let n = panel.unitCount
        var role = [Int8](repeating: 0, count: n)  // 1 = cohort g, −1 = comparison, 0 = not used
        var change = [Double](repeating: 0, count: n)
        var sumTreated = 0.0
        var sumControl = 0.0
        var nTreated = 0
        var nControl = 0
        for i in 0..<n {
            let unitCohort = panel.cohorts[i]
            if unitCohort == g {
                role[i] = 1
            } else if unitCohort == nil {
                role[i] = -1
            } else if controlGroup == .notYetTreated, let c = unitCohort, c > threshold {
                role[i] = -1
            } else {
                continue
            }
            change[i] = panel.outcome(unit: i, period: t) - panel.outcome(unit: i, period: base)
            if role[i] == 1 {
                sumTreated += change[i]
                nTreated += 1
            } else {
                sumControl += change[i]
                nControl += 1
            }
        }
        if nControl == 0 {
            throw StaggeredPanelError.noComparisonUnits(
                cohort: g, period: panel.periods[t], controlGroup: controlGroup.label)
        }
        if !covariates.isEmpty {
            return try conditionalGroupTime(
                panel, cohort: g, period: t, base: base, role: role, change: change, covariates: covariates,
                method: method, treatedUnits: nTreated, comparisonUnits: nControl)
        }
        let meanTreated = sumTreated / Double(nTreated)
        let meanControl = sumControl / Double(nControl)
        var influence = [Double](repeating: 0, count: n)
        let scale = Double(n)
        for i in 0..<n where role[i] != 0 {
            // did rescales the subsample influence function by n / n_sub, which leaves n·(·/n_g).
            influence[i] =
                role[i] == 1
                ? scale * (change[i] - meanTreated) / Double(nTreated)
                : -scale * (change[i] - meanControl) / Double(nControl)
        }
        let effect = CallawaySantAnnaEffect(
            cohort: g, period: panel.periods[t], basePeriod: panel.periods[base],
            estimate: meanTreated - meanControl,
            standardError: CallawaySantAnnaResult.standardError(influence, clusters: panel.clusterOfUnit),
            treatedUnits: nTreated, comparisonUnits: nControl)
        return (effect, influence, 0)
    }
}
