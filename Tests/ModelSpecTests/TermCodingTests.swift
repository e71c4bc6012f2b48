import DataFrameModule
import LinearAlgebra
import Testing

@testable import ModelSpec

@Suite("Term coding (patsy redundancy rule)")
struct TermCodingTests {
    /// Balanced 3 × 3 design with two replicates per cell and a covariate varying within cells.
    private func balanced() throws -> DataFrame {
        var a: [String] = []
        var b: [String] = []
        var x: [Double] = []
        for i in 0..<18 {
            a.append(["a1", "a2", "a3"][i % 3])
            b.append(["b1", "b2", "b3"][(i / 3) % 3])
            x.append(Double((i * 7) % 11) + 0.5 * Double(i / 9))
        }
        return try DataFrame(columns: [
            Fixtures.doubles("y", (0..<18).map(Double.init)), Fixtures.strings("a", a), Fixtures.strings("b", b),
            Fixtures.doubles("x", x),
        ])
    }

    /// Numerical rank by modified Gram–Schmidt (a naive reference; tolerance 1e-9 relative).
    private func rank(_ m: Matrix) -> Int {
        var basis: [[Double]] = []
        for j in 0..<m.columns {
            var v = m.column(j)
            let norm0 = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for q in basis {
                let dot = zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
                for i in v.indices { v[i] -= dot * q[i] }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 1e-9 * max(norm0, 1) { basis.append(v.map { $0 / norm }) }
        }
        return basis.count
    }

    @Test(arguments: [
        // (formula, columns = dimension of the space the terms span)
        ("y ~ a:b", 9), ("y ~ 0 + a:b", 9), ("y ~ a*b", 9), ("y ~ 0 + a + b + a:b", 9), ("y ~ a + a:b", 9),
        ("y ~ a:x", 4), ("y ~ x + a:x", 4), ("y ~ 0 + a:x", 3), ("y ~ a*b*x", 18), ("y ~ a + b", 5), ("y ~ 0 + a + b", 5),
        ("y ~ a:x + b:x", 6), ("y ~ C(a, ref = 'a2'):b", 9),
    ])
    func designIsFullRankAndSpansTheTerms(text: String, columns: Int) throws {
        let d = try DesignMatrix.build(try Formula.parse(text), data: try balanced())
        #expect(d.x.columns == columns, "\(text): \(d.columnNames)")
        #expect(rank(d.x) == d.x.columns, "\(text): \(d.columnNames)")
        #expect(Set(d.columnNames).count == d.columnNames.count, "\(text): duplicate names")
    }

    @Test func orderedSubsetsMatchPatsy() {
        #expect(TermCoding.orderedSubsets([1, 2]) == [[], [1], [2], [1, 2]])
        #expect(TermCoding.orderedSubsets([1, 2, 3]) == [[], [1], [2], [3], [1, 2], [1, 3], [2, 3], [1, 2, 3]])
    }

    @Test func subtermsForTheDocumentedCases() {
        let a = Factor(variable: "a")
        let b = Factor(variable: "b")
        let x = Factor(variable: "x")
        let isCategorical = { (f: Factor) in f != x }
        // 1 + a + a:b (b nested in a): a drops its reference; a:b becomes a+:b- (patsy/redundancy.py).
        let nested = TermCoding.subterms(for: [Term(a), Term([a, b])], hasIntercept: true, isCategorical: isCategorical)
        #expect(nested == [[[a: false]], [[a: true, b: false]]])
        // 1 + a:b: patsy's b- then a-:b+.
        let alone = TermCoding.subterms(for: [Term([a, b])], hasIntercept: true, isCategorical: isCategorical)
        #expect(alone == [[[b: false], [a: false, b: true]]])
        // 0 + a:b: one full block a+:b+.
        let full = TermCoding.subterms(for: [Term([a, b])], hasIntercept: false, isCategorical: isCategorical)
        #expect(full == [[[a: true, b: true]]])
        // 1 + x + a:x: the numeric x takes the common slope.
        let slopes = TermCoding.subterms(for: [Term(x), Term([a, x])], hasIntercept: true, isCategorical: isCategorical)
        #expect(slopes == [[[:]], [[a: false]]])
    }
}
