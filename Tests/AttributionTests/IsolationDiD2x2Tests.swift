import DataFrameModule
import Estimators
import Testing

@testable import Attribution

@Suite("Isolation: 2×2 difference-in-differences")
struct IsolationDiD2x2Tests {
    /// Four units (two per team) over two periods; units 1–2 trained before period 2.
    /// Cell means: treated pre (10 + 12)/2 = 11, post (15 + 19)/2 = 17; control pre (8 + 10)/2 = 9,
    /// post (9 + 13)/2 = 11. DiD = (17 − 11) − (11 − 9) = 4.
    static func handFrame() throws -> DataFrame {
        try DataFrame(columns: [
            isolationIntegerColumn("unit", [1, 1, 2, 2, 3, 3, 4, 4]),
            isolationIntegerColumn("team", [1, 1, 2, 2, 1, 1, 2, 2]),
            isolationIntegerColumn("time", [1, 2, 1, 2, 1, 2, 1, 2]),
            isolationIntegerColumn("treated", [1, 1, 1, 1, 0, 0, 0, 0]),
            isolationDoubleColumn("sales", [10, 15, 12, 19, 8, 9, 10, 13]),
        ])
    }

    static let spec = DiD2x2Specification(
        outcome: "sales", unit: "unit", time: "time", treatedGroup: "treated", treatmentStart: 2)

    @Test("analytic estimate equals the hand-computed difference of cell means")
    func handComputed() throws {
        let estimate = try IsolationDiD2x2(specification: Self.spec, data: Self.handFrame()).isolate(bootstrap: nil)
        #expect(abs(estimate.effect - 4) < 1e-12)
        #expect(estimate.kpi == "sales")
        #expect(estimate.replicates == nil)
        #expect(estimate.lower < 4 && estimate.upper > 4)
    }

    @Test("weighted cell means: unit weights give the estimate, doubling one row moves it by hand")
    func cellMeans() throws {
        let frame = try Self.handFrame()
        let y = try frame.column(named: "sales").numericValues()!
        let treated: [Double] = [1, 1, 1, 1, 0, 0, 0, 0]
        let post: [Double] = [0, 1, 0, 1, 0, 1, 0, 1]
        #expect(
            abs(try IsolationDiD2x2.cellMeansEffect(y: y, treated: treated, post: post, rowWeights: Array(repeating: 1, count: 8)) - 4)
                < 1e-12)
        // Unit 2's post row counted twice: treated post mean (15 + 2·19)/3 = 53/3, so DiD = 53/3 − 11 − 2.
        var w = [Double](repeating: 1, count: 8)
        w[3] = 2
        let moved = try IsolationDiD2x2.cellMeansEffect(y: y, treated: treated, post: post, rowWeights: w)
        #expect(abs(moved - (53.0 / 3 - 13)) < 1e-12)
        // Dropping every control row empties two cells: the replicate fails.
        #expect(throws: IsolationError.self) {
            try IsolationDiD2x2.cellMeansEffect(y: y, treated: treated, post: post, rowWeights: [1, 1, 1, 1, 0, 0, 0, 0])
        }
    }

    @Test("cluster bootstrap on a simulated panel: covers the truth, seeded and thread-invariant")
    func simulated() throws {
        let sample = IsolationFixture.singleCohort.sample(seed: 21)
        let frame = try IsolationFixture.frame(sample)
        let spec = DiD2x2Specification(
            outcome: "y", unit: "unit", time: "time", treatedGroup: "treated", treatmentStart: 5, cluster: "team")
        let method = IsolationDiD2x2(specification: spec, data: frame)
        let one = try method.isolate(bootstrap: .init(replicates: 199, seed: 7, threads: 1))
        let two = try method.isolate(bootstrap: .init(replicates: 199, seed: 7, threads: 2))
        #expect(one == two)
        #expect(one.replicates?.replicates == 199)
        #expect(abs(one.effect - 2) < 4 * one.standardError)
        #expect(one.lower < 2 && one.upper > 2)
        #expect(one.standardError > 0.01 && one.standardError < 0.5)
        let other = try method.isolate(bootstrap: .init(replicates: 199, seed: 8, threads: 1))
        #expect(other.replicates != one.replicates)
    }
}
