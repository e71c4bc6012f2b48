import DataFrameModule
import Foundation
import Inference

/// A seeded employee × month panel with numeric regressors, for benchmarks that must not depend on
/// files: `employees × months` rows, teams of 20 as clusters, `regressors` numeric columns.
enum SyntheticPanel {
    static func make(employees: Int, months: Int, regressors: Int, seed: UInt64) throws -> DataFrame {
        let n = employees * months
        var stream = RandomStream(seed: seed, stream: 0)
        let noMissing = [Bool](repeating: false, count: n)
        var team = [Int](repeating: 0, count: n)
        var xs = [[Double]](repeating: [Double](repeating: 0, count: n), count: regressors)
        var y = [Double](repeating: 0, count: n)
        for e in 0..<employees {
            let level = 8_000 + 1_500 * (stream.nextUniform() - 0.5)
            for t in 0..<months {
                let i = e * months + t
                team[i] = e / 20
                var value = level
                for j in 0..<regressors {
                    let x = stream.nextUniform() * Double(j + 1)
                    xs[j][i] = x
                    value += Double(j + 1) * 10 * x
                }
                y[i] = value + 700 * (stream.nextUniform() - 0.5)
            }
        }
        var columns = [Column(name: "team_id", values: .integer(team, missing: noMissing))]
        for j in 0..<regressors { columns.append(Column(name: "x\(j + 1)", values: .double(xs[j], missing: noMissing))) }
        columns.append(Column(name: "y", values: .double(y, missing: noMissing)))
        return try DataFrame(columns: columns)
    }
}
