import DataFrameModule
import Estimators
import Foundation
import Inference

/// Simulated staggered panels with known truth for the isolation adapters.
enum IsolationFixture {
    /// The default three-cohort design, smaller so that refit bootstraps stay quick.
    static let staggered = StaggeredPanelSimulation(units: 300, periods: 8, clusters: 40)

    /// One cohort starting in period 5 with a constant effect 2: every DiD estimator, TWFE included,
    /// targets 2 here.
    static let singleCohort = StaggeredPanelSimulation(
        units: 300, periods: 8, cohorts: [5], cohortEffects: [2], effectGrowth: 0, neverTreatedShare: 0.5,
        clusters: 40)

    /// n people with x ~ N(0, 1); P(trained) = logistic(a + 0.8·x); y = 1 + x + 2·d + ε, ε ~ N(0, 1): a
    /// confounded comparison whose effect on the trained is 2. Columns `x`, `trained`, `y`.
    static func crossSection(n: Int, seed: UInt64, propensityIntercept a: Double) throws -> DataFrame {
        var stream = RandomStream(seed: seed, stream: 0)
        func normal() -> Double {
            (-2 * log(stream.nextUniform())).squareRoot() * cos(2 * Double.pi * stream.nextUniform())
        }
        var x: [Double] = []
        var d: [Int] = []
        var y: [Double] = []
        for _ in 0..<n {
            let xi = normal()
            let di = stream.nextUniform() < 1 / (1 + exp(-(a + 0.8 * xi))) ? 1 : 0
            x.append(xi)
            d.append(di)
            y.append(1 + xi + 2 * Double(di) + normal())
        }
        return try DataFrame(columns: [
            isolationDoubleColumn("x", x), isolationIntegerColumn("trained", d), isolationDoubleColumn("y", y),
        ])
    }

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
