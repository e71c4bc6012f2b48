import Foundation
import LinearAlgebra
import Testing

@Suite("Linear programs (two-phase simplex, Bland's rule)")
struct LinearProgramTests {
    /// `max cᵀx` s.t. `Ax ≤ b`, `x ≥ 0`, put in standard form with one slack per row.
    func withSlacks(_ c: [Double], _ a: [[Double]], _ b: [Double]) -> LinearProgram {
        let m = a.count
        let rows = a.enumerated().map { i, row in row + (0..<m).map { $0 == i ? 1.0 : 0.0 } }
        return LinearProgram(maximize: c + [Double](repeating: 0, count: m), subjectTo: Matrix(rowMajor: rows), equals: b)
    }

    /// Chvátal (1983), *Linear Programming*, ch. 2: optimum 13 at x = (2, 0, 1).
    @Test func chvatalExample() throws {
        let lp = withSlacks([5, 4, 3], [[2, 3, 1], [4, 1, 2], [3, 4, 2]], [5, 11, 8])
        let solution = lp.solve()
        let x = try #require(solution.point)
        #expect(abs(try #require(solution.value) - 13) < 1e-12)
        #expect(abs(x[0] - 2) < 1e-12 && abs(x[1]) < 1e-12 && abs(x[2] - 1) < 1e-12)
    }

    /// Beale (1955): the classic program on which Dantzig's largest-coefficient rule cycles.
    /// Bland's rule terminates at the optimum 1/20 (x₁ = 1/25, x₃ = 1).
    @Test func bealeCyclingExampleTerminates() throws {
        let lp = withSlacks(
            [0.75, -150, 0.02, -6],
            [[0.25, -60, -0.04, 9], [0.5, -90, -0.02, 3], [0, 0, 1, 0]],
            [0, 0, 1])
        let solution = lp.solve()
        let x = try #require(solution.point)
        #expect(abs(try #require(solution.value) - 0.05) < 1e-12)
        #expect(abs(x[0] - 0.04) < 1e-12 && abs(x[2] - 1) < 1e-12)
    }

    /// Equality constraints that need phase 1, with a negative right-hand side and a redundant row
    /// (row 3 = row 1 + row 2): min x₁ + 2x₂ + 3x₃ s.t. x₁ + x₂ + x₃ = 6, −x₁ + x₂ = −2.
    /// The cheapest feasible point puts all weight on x₁ and x₂: x = (4, 2, 0), cost 8.
    @Test func equalitiesWithRedundantRow() throws {
        let a = Matrix(rowMajor: [[1, 1, 1], [-1, 1, 0], [0, 2, 1]])
        let solution = LinearProgram(maximize: [-1, -2, -3], subjectTo: a, equals: [6, -2, 4]).solve()
        let x = try #require(solution.point)
        #expect(abs(try #require(solution.value) + 8) < 1e-12)
        #expect(abs(x[0] - 4) < 1e-12 && abs(x[1] - 2) < 1e-12 && abs(x[2]) < 1e-12)
    }

    @Test func infeasibleProgram() {
        // x₁ + x₂ = −1 has no nonnegative solution.
        let lp = LinearProgram(maximize: [1, 1], subjectTo: Matrix(rowMajor: [[1, 1]]), equals: [-1])
        #expect(lp.solve() == .infeasible)
        #expect(lp.solve().value == nil)
    }

    @Test func unboundedProgram() {
        // x₁ − x₂ = 1 lets x₁ grow with x₂.
        let lp = LinearProgram(maximize: [1, 0], subjectTo: Matrix(rowMajor: [[1, -1]]), equals: [1])
        #expect(lp.solve() == .unbounded)
    }

    /// Strong duality on seeded random programs: `max cᵀx, Ax ≤ b, x ≥ 0` and
    /// `min bᵀy, Aᵀy ≥ c, y ≥ 0` (with surplus columns) share their optimal value.
    @Test func primalAndDualValuesAgree() throws {
        var generator = SplitMix64(seed: 2023)
        for _ in 0..<25 {
            let m = 3 + Int(generator.next() % 4)
            let n = 3 + Int(generator.next() % 4)
            let a = (0..<m).map { _ in (0..<n).map { _ in (generator.symmetricUniform() + 1) / 2 * 2 } }
            let b = (0..<m).map { _ in 1 + (generator.symmetricUniform() + 1) / 2 * 3 }
            let c = (0..<n).map { _ in (generator.symmetricUniform() + 1) / 2 * 2 - 0.5 }
            let primal = try #require(withSlacks(c, a, b).solve().value)
            let dualRows = (0..<n).map { j in (0..<m).map { a[$0][j] } + (0..<n).map { $0 == j ? -1.0 : 0.0 } }
            let dual = LinearProgram(
                maximize: b.map { -$0 } + [Double](repeating: 0, count: n),
                subjectTo: Matrix(rowMajor: dualRows), equals: c)
            let dualValue = try #require(dual.solve().value)
            #expect(abs(primal + dualValue) < 1e-10 * (1 + abs(primal)))
        }
    }
}
