import DataFrameModule
import Inference

extension ImputationEstimator {
    /// BJS (2024) §4.4 Test 1: regress the outcome of the untreated observations on indicators of
    /// event times −a−1 … −a−K plus the unit and period effects and covariates, with CR1 clustered
    /// by the specification's cluster, and test the leads jointly (pyfixest 0.60
    /// `feols("y ~ pre1 + … + preK + x | unit + time", vcov={"CRV1": cluster})` and
    /// `wald_test`; Stata `did_imputation, pretrends(K)`). Unaffected by the effect estimates.
    ///
    /// `preJ` marks event time −a−J; leads without observations, or collinear with the fixed
    /// effects, are left out of the test. Returns `nil` when no lead remains.
    static func preTrend(
        _ spec: Specification, data: DataFrame, panel: Panel
    ) throws -> (fit: RegressionFit, test: WaldTest, eventTimes: [Int])? {
        let untreated = (0..<panel.rowCount).filter { !panel.treated[$0] }
        var columns = data.taking(rows: untreated.map { panel.sourceRows[$0] }).columns
        var leads: [(name: String, eventTime: Int)] = []
        for (j, k) in spec.preTrendEventTimes.enumerated() {
            let values = untreated.map { panel.eventTime($0) == k ? 1.0 : 0.0 }
            guard values.contains(1) else { continue }
            var name = "pre\(j + 1)"
            while data[name] != nil { name = "_" + name }
            leads.append((name, k))
            columns.append(
                Column(name: name, values: .double(values, missing: [Bool](repeating: false, count: values.count))))
        }
        guard !leads.isEmpty else { return nil }
        let rhs = (leads.map(\.name) + spec.covariates).map(DiD2x2.quoted).joined(separator: " + ")
        let formula = "\(DiD2x2.quoted(spec.outcome)) ~ \(rhs) | \(DiD2x2.quoted(spec.unit)) + \(DiD2x2.quoted(spec.time))"
        let fit = try LinearRegression.fit(
            formula, data: try DataFrame(columns: columns), covariance: .clustered(by: [spec.cluster], correction: .stata),
            absorption: spec.absorption)
        let tested = leads.filter { !fit.droppedColumns.contains($0.name) }
        guard !tested.isEmpty else { return nil }
        return (fit, try fit.waldTest(zero: tested.map(\.name)), tested.map(\.eventTime))
    }
}
