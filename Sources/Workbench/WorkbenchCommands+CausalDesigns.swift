import DataFrameModule
import Estimators
import Reporting

extension WorkbenchCommands {
    /// Runs a two-way fixed-effects event study on a CSV panel and returns what
    /// `impact eventstudy` prints: the text summary (assumptions, event-time table, pre-trend test)
    /// or `impact-event-study/1` JSON.
    ///
    /// - Throws: the CSV reader's errors, `EventStudyError` and the regression's errors.
    public static func eventStudy(
        dataPath: String, columns: PanelColumns, leads: Int, lags: Int, referencePeriod: Int = -1,
        endpoints: EventWindowEndpoints = .bin, level: Double = 0.95, json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        let spec = EventStudySpecification(
            outcome: columns.outcome, unit: columns.unit, time: columns.time, cohort: columns.cohort,
            cluster: columns.cluster, leads: leads, lags: lags, referencePeriod: referencePeriod, endpoints: endpoints,
            level: level)
        let result = try EventStudy.estimate(spec, data: frame)
        return json ? try ReportJSON.text(EventStudyReport(result)) : result.summary() + "\n"
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
    public static func controlGroupComparison(
        dataPath: String, outcome: String, treatment: String, covariates: [String],
        target: ControlGroupEffect = .averageTreatmentEffect, level: Double = 0.95, json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        let comparison = try ControlGroupComparison(
            data: frame, outcome: outcome, treatment: treatment, covariates: covariates)
        let report = try ControlGroupReport(comparison, covariates: covariates, target: target, level: level)
        return json ? try ReportJSON.text(report) : report.text()
    }

    /// Covariate balance between treated and control rows before and after propensity-score
    /// weighting; what `impact balance` prints.
    ///
    /// - Parameter outcome: when given, rows missing it are left out too, so the table describes the
    ///   sample `impact compare` estimates on; otherwise only rows missing the treatment or a
    ///   covariate are left out.
    /// - Throws: the CSV reader's errors, `ControlGroupError`, formula and design errors.
    public static func balance(
        dataPath: String, treatment: String, covariates: [String], outcome: String? = nil,
        target: ControlGroupEffect = .averageTreatmentEffect, json: Bool = false
    ) throws -> String {
        let frame = try DataFrame.readCSV(path: dataPath)
        // Without an outcome the treatment column stands in for it: it adds no missing-value rule
        // beyond the treatment's own, and the outcome plays no part in balance.
        let comparison = try ControlGroupComparison(
            data: frame, outcome: outcome ?? treatment, treatment: treatment, covariates: covariates)
        let report = BalanceReport(comparison.balance(target), treatment: treatment)
        return json ? try ReportJSON.text(report) : report.text()
    }
}
