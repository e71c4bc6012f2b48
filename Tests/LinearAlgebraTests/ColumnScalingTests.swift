import Testing

@testable import LinearAlgebra

@Suite("Column equilibration by powers of two")
struct ColumnScalingTests {
    @Test func scaledColumnsHaveNormsInOneToTwoAndScalesArePowersOfTwo() throws {
        var a = randomMatrix(rows: 50, columns: 4, seed: 61)
        let magnitudes = [1e-120, 3.7, 1e9, 1e150]
        for j in 0..<4 { for i in 0..<50 { a[i, j] *= magnitudes[j] } }
        let scaling = try ColumnScaling(a, routine: "dgeqr", argument: 4)
        let scaled = scaling.scaled(a)
        for j in 0..<4 {
            #expect(scaling.scales[j].significand == 1)
            let n = norm(scaled.column(j))
            #expect(n >= 1 && n < 2)
            // Multiplying by a power of two is exact: unscaling gives back every entry bit for bit.
            for i in 0..<50 { #expect(scaled[i, j] / scaling.scales[j] == a[i, j]) }
        }
    }

    @Test func zeroColumnKeepsScaleOne() throws {
        let a = Matrix(columnArrays: [[0, 0, 0], [1, 2, 3]])
        #expect(try ColumnScaling(a, routine: "dgeqr", argument: 4).scales[0] == 1)
    }

    @Test func columnWhoseNormOverflowsStillGetsAFiniteScale() throws {
        // ‖a‖ = √8 · 2¹⁰²³ exceeds the largest double (≈ 2¹⁰²⁴).
        let big = 0x1p1023
        let a = Matrix(columnArrays: [[big, big, -big, big, big, big, big, -big]])
        let scaling = try ColumnScaling(a, routine: "dgeqr", argument: 4)
        let scaled = scaling.scaled(a)
        #expect(scaling.scales[0] > 0 && scaling.scales[0].isFinite)
        #expect(norm(scaled.column(0)) <= 1 && norm(scaled.column(0)) > 0.25)
    }

    @Test func tinyColumnsAreScaledUpDespiteTheUnderflowOfTheirSquares() throws {
        // 1e-170² underflows to 0 in Σa²; the norm must still come out right.
        let scaling = try ColumnScaling(Matrix(columnArrays: [[1e-170, 2e-170]]), routine: "dgeqr", argument: 4)
        let scaled = scaling.scaled(Matrix(columnArrays: [[1e-170, 2e-170]]))
        #expect(norm(scaled.column(0)) >= 1 && norm(scaled.column(0)) < 2)
        // A subnormal norm asks for more than 2¹⁰²³: the factor is clamped, still finite and > 1.
        let tiny = Double.leastNonzeroMagnitude * 8
        let subnormal = try ColumnScaling(Matrix(columnArrays: [[tiny, tiny]]), routine: "dgeqr", argument: 4)
        #expect(subnormal.scales[0] == 0x1p1023)
    }

    @Test func nonFiniteEntriesAreReportedAsTheRoutineArgument() {
        for bad in [Double.nan, .infinity, -.infinity] {
            let a = Matrix(columnArrays: [[1, 2, 3], [4, bad, 6]])
            #expect(throws: LinearAlgebraError.illegalArgument(routine: "dgeqr", position: 4)) {
                try ColumnScaling(a, routine: "dgeqr", argument: 4)
            }
        }
    }
}
