import DataFrameModule
import Estimators
import Inference
import Reporting

extension WorkbenchCommands {
    /// Runs a two-way fixed-effects event study on a CSV panel and returns what
    /// `impact eventstudy` prints: the text summary (assumptions, event-time table, pre-trend test)
    /// or `impact-event-study/1` JSON.
    ///
    /// - Throws: the CSV reader's errors, `EventStudyError` and the regression's errors.
    ///
    /// - Parameter sensitivity: M̄ values for the Rambachan–Roth relative-magnitudes sensitivity of
    ///   the average post-treatment effect (with its breakdown value); needs reference period −1
    ///   and at least one other lead.
    public static func eventStudy(
        dataPath: String, columns: PanelColumns, leads: Int, lags: Int, referencePeriod: Int = -1,
        endpoints: EventWindowEndpoints = .bin, level: Double = 0.95, sensitivity: [Double]? = nil, json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        let spec = EventStudySpecification(
            outcome: columns.outcome, unit: columns.unit, time: columns.time, cohort: columns.cohort,
            cluster: columns.cluster, leads: leads, lags: lags, referencePeriod: referencePeriod, endpoints: endpoints,
            level: level)
        let result = try EventStudy.estimate(spec, data: frame)
        var report = EventStudyReport(result)
        if let grid = sensitivity {
            report.sensitivity = SensitivityReport(try relativeMagnitudes(result, grid: grid, level: level))
        }
        if json { return try ReportJSON.text(report) }
        return result.summary() + "\n" + (report.sensitivity.map { "\n" + $0.textLines().joined(separator: "\n") + "\n" } ?? "")
    }

    /// The relative-magnitudes sensitivity of an event study's average post-treatment effect.
    static func relativeMagnitudes(_ result: EventStudyResult, grid: [Double], level: Double) throws
        -> HonestDiDSensitivity
    {
        guard result.specification.referencePeriod == -1 else { throw SensitivityInputError.referenceNotMinusOne }
        let estimated = result.eventTimes.filter { !$0.isReference }
        let pre = estimated.filter { $0.eventTime < 0 }.count
        let study = try HonestDiDEventStudy(
            estimates: estimated.map(\.estimate), covariance: result.covariance, prePeriods: pre,
            postPeriods: estimated.count - pre)
        var options = HonestDiDOptions()
        options.alpha = ((1 - level) * 1e12).rounded() / 1e12  // 1 − 0.95 is 0.050000000000000044 in binary
        // HonestDiD's default θ grid is 0 ± 20 SE, which cuts off the sets of a large effect; this grid
        // spans both 0 and the estimate with 20 SE to spare on each side.
        let weights = study.averageWeights
        let estimate = study.estimate(weights: weights)
        let se = study.standardError(weights: weights)
        options.gridLower = min(0, estimate) - 20 * se
        options.gridUpper = max(0, estimate) + 20 * se
        return try HonestDiDRelativeMagnitudes(study: study, options: options).sensitivity(mbar: grid)
    }

    /// Estimates Callaway & Sant'Anna group-time effects on a CSV panel and returns what `impact did`
    /// prints: the text report (assumptions, aggregations, every ATT(g,t)) or
    /// `impact-staggered-did/1` JSON.
    ///
    /// - Throws: the CSV reader's errors and `StaggeredPanelError`.
    ///
    /// - Parameters:
    ///   - inputOptions: what to do with units missing some periods (default: the panel's typed error).
    ///   - bootstrap: multiplier-bootstrap options for bootstrap SEs and simultaneous bands.
    public static func staggeredDiD(
        dataPath: String, columns: PanelColumns, specification: CallawaySantAnnaSpecification = .init(),
        aggregations: [CallawaySantAnnaAggregate.Kind] = [.simple, .dynamic], level: Double = 0.95,
        inputOptions: PanelInputOptions = .init(), bootstrap: CallawaySantAnnaBootstrapOptions? = nil, json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        let panel = try StaggeredPanel(
            data: frame, outcome: columns.outcome, unit: columns.unit, time: columns.time, cohort: columns.cohort,
            cluster: columns.cluster, covariates: specification.covariates, options: inputOptions)
        let result = try CallawaySantAnna.estimate(panel, specification: specification)
        let report = StaggeredDiDReport(
            result, columns: columns.byRole, aggregations: aggregations, level: level, bootstrap: bootstrap)
        return json ? try ReportJSON.text(report) : report.text()
    }

    /// Runs TWFE, Callaway–Sant'Anna, Sun–Abraham and the imputation estimator on one CSV panel,
    /// with the Goodman-Bacon decomposition of the TWFE coefficient; what `impact did --compare`
    /// prints (text, or `impact-staggered-comparison/1` JSON with the event-time series for a plot).
    ///
    /// - Throws: the CSV reader's errors. An estimator that cannot run on these data is reported in
    ///   its row instead.
    public static func staggeredComparison(
        dataPath: String, columns: PanelColumns, window: ClosedRange<Int> = -4...4, level: Double = 0.95,
        json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        let spec = StaggeredComparisonSpecification(
            outcome: columns.outcome, unit: columns.unit, time: columns.time, cohort: columns.cohort,
            cluster: columns.cluster, window: window, level: level)
        let comparison = StaggeredComparison.run(spec, data: frame)
        let bacon = Result<GoodmanBaconDecomposition, any Error> {
            try GoodmanBacon.decompose(
                StaggeredPanel(
                    data: frame, outcome: columns.outcome, unit: columns.unit, time: columns.time, cohort: columns.cohort))
        }
        let report = StaggeredComparisonReport(comparison, columns: columns.byRole, bacon: bacon)
        return json ? try ReportJSON.text(report) : report.text()
    }

    /// Compares `outcome` between treated and control rows of a CSV cross-section: Welch's
    /// difference in means, regression adjustment, IPW and AIPW; what `impact compare` prints.
    ///
    /// - Throws: the CSV reader's errors, `ControlGroupError`, formula and design errors.
    ///
    /// - Parameter matching: adds nearest-neighbour matching on the propensity score (an ATT estimator).
    public static func controlGroupComparison(
        dataPath: String, outcome: String, treatment: String, covariates: [String],
        target: ControlGroupEffect = .averageTreatmentEffect, level: Double = 0.95,
        matching: NearestNeighbourMatchingSpecification? = nil, json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        let comparison = try ControlGroupComparison(
            data: frame, outcome: outcome, treatment: treatment, covariates: covariates)
        let report = try ControlGroupReport(
            comparison, covariates: covariates, target: target, level: level, matching: matching)
        return json ? try ReportJSON.text(report) : report.text()
    }

    /// Covariate balance between treated and control rows before and after propensity-score
    /// weighting; what `impact balance` prints.
    ///
    /// - Parameter outcome: when given, rows missing it are left out too, so the table describes the
    ///   sample `impact compare` estimates on; otherwise only rows missing the treatment or a
    ///   covariate are left out.
    /// - Throws: the CSV reader's errors, `ControlGroupError`, formula and design errors.
    ///   With `matching`, the "after" columns describe the matched sample instead of the IPW-weighted one.
    public static func balance(
        dataPath: String, treatment: String, covariates: [String], outcome: String? = nil,
        target: ControlGroupEffect = .averageTreatmentEffect, matching: NearestNeighbourMatchingSpecification? = nil,
        json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        // Without an outcome the treatment column stands in for it: it adds no missing-value rule
        // beyond the treatment's own, and the outcome plays no part in balance.
        let comparison = try ControlGroupComparison(
            data: frame, outcome: outcome ?? treatment, treatment: treatment, covariates: covariates)
        let table = try matching.map { try comparison.nearestNeighbourMatching($0).balance } ?? comparison.balance(target)
        let report = BalanceReport(table, treatment: treatment)
        return json ? try ReportJSON.text(report) : report.text()
    }

    /// Runs the refutation battery (placebo dates, placebo outcome, randomization inference,
    /// leave-one-cohort-out, pre-trend test) with Callaway–Sant'Anna on a CSV panel; what
    /// `impact refute` prints.
    ///
    /// - Parameters:
    ///   - placeboOutcome: a column training cannot affect, for the placebo-outcome check.
    ///   - randomizeClusters: permute cohorts across clusters (treatment assigned by team) instead of units.
    /// - Throws: the CSV reader's errors, `StaggeredPanelError`, `RefutationError`.
    public static func refute(
        dataPath: String, columns: PanelColumns, placeboOutcome: String? = nil, permutations: Int = 999,
        seed: UInt64 = 20_261_123, randomizeClusters: Bool = false, level: Double = 0.95,
        inputOptions: PanelInputOptions = .init(), threads: Int? = nil, json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        func panel(_ outcome: String) throws -> StaggeredPanel {
            try StaggeredPanel(
                data: frame, outcome: outcome, unit: columns.unit, time: columns.time, cohort: columns.cohort,
                cluster: columns.cluster, options: inputOptions)
        }
        let battery = RefutationBattery(
            level: level, permutations: permutations, randomization: randomizeClusters ? .clusters : .units, seed: seed,
            threads: threads)
        let report = try battery.run(panel(columns.outcome), placeboOutcome: try placeboOutcome.map(panel))
        var roles = columns.byRole
        roles["placebo outcome"] = placeboOutcome
        let out = RefutationJSONReport(report, columns: roles, permutations: permutations, seed: seed)
        return json ? try ReportJSON.text(out) : out.text()
    }
}

/// Why a sensitivity analysis cannot be run on an event study.
public enum SensitivityInputError: Error, Equatable, CustomStringConvertible {
    /// The relative-magnitudes restriction is defined relative to event time −1.
    case referenceNotMinusOne

    public var description: String {
        "The sensitivity analysis measures violations against the period just before treatment: use reference period −1."
    }
}
