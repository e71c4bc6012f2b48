import DataFrameModule
import Estimators

/// Simulated staggered panels with known truth for the isolation adapters.
enum IsolationFixture {
    /// The default three-cohort design, smaller so that refit bootstraps stay quick.
    static let staggered = StaggeredPanelSimulation(units: 300, periods: 8, clusters: 40)

    /// One cohort starting in period 5 with a constant effect 2: every DiD estimator, TWFE included,
    /// targets 2 here.
    static let singleCohort = StaggeredPanelSimulation(
        units: 300, periods: 8, cohorts: [5], cohortEffects: [2], effectGrowth: 0, neverTreatedShare: 0.5,
        clusters: 40)

    /// The sample's long frame with the treatment indicator `d` = 1{cohort > 0, time ≥ cohort} and
    /// the group indicator `treated` = 1{cohort > 0}.
    static func frame(_ sample: StaggeredPanelSimulation.Sample) throws -> DataFrame {
        let frame = sample.frame()
        let cohort = try frame.column(named: "cohort").numericValues()!
        let time = try frame.column(named: "time").numericValues()!
        let d = cohort.indices.map { cohort[$0] > 0 && time[$0] >= cohort[$0] ? 1 : 0 }
        let treated = cohort.map { $0 > 0 ? 1 : 0 }
        let complete = [Bool](repeating: false, count: d.count)
        return try frame.adding(Column(name: "d", values: .integer(d, missing: complete)))
            .adding(Column(name: "treated", values: .integer(treated, missing: complete)))
    }
}

/// An integer column without missing values.
func isolationIntegerColumn(_ name: String, _ values: [Int]) -> Column {
    Column(name: name, values: .integer(values, missing: [Bool](repeating: false, count: values.count)))
}

/// A double column without missing values.
func isolationDoubleColumn(_ name: String, _ values: [Double]) -> Column {
    Column(name: name, values: .double(values, missing: [Bool](repeating: false, count: values.count)))
}
