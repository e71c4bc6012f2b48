import Testing

@testable import LinearAlgebra

@Suite("Int ↔ Int32 conversion and LAPACK info codes")
struct LAPACKIntTests {
    @Test func convertsRepresentableSizes() throws {
        #expect(try lapackInt(0) == 0)
        #expect(try lapackInt(12_345) == 12_345)
        #expect(try lapackInt(Int(Int32.max)) == Int32.max)
    }

    @Test func rejectsSizesBeyondInt32() {
        let tooLarge = Int(Int32.max) + 1
        #expect(throws: LinearAlgebraError.dimensionTooLarge(tooLarge)) { try lapackInt(tooLarge) }
    }

    @Test func leadingDimensionIsAtLeastOne() throws {
        #expect(try leadingDimension(0) == 1)
        #expect(try leadingDimension(7) == 7)
    }

    @Test func infoCodesMapToCases() {
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dgeqp3", position: 4)) {
            try checkLAPACK(-4, routine: "dgeqp3") { .singular(routine: "dgeqp3", index: $0) }
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor: 3)) {
            try checkLAPACK(3, routine: "dpotrf") { .notPositiveDefinite(routine: "dpotrf", minor: $0) }
        }
        #expect(throws: Never.self) {
            try checkLAPACK(0, routine: "dpotrf") { .notPositiveDefinite(routine: "dpotrf", minor: $0) }
        }
    }
}

@Suite("LinearAlgebraError messages")
struct LinearAlgebraErrorTests {
    @Test func messagesNameTheRoutineAndTheRemedy() {
        let tooLarge = LinearAlgebraError.dimensionTooLarge(3_000_000_000).description
        #expect(tooLarge.contains("3000000000") && tooLarge.contains("Split"))
        let illegal = LinearAlgebraError.illegalArgument(routine: "dgesdd", position: 5).description
        #expect(illegal.contains("dgesdd") && illegal.contains("NaN"))
        let singular = LinearAlgebraError.singular(routine: "dtrtrs", index: 2).description
        #expect(singular.contains("dtrtrs") && singular.contains("collinear"))
        let notPD = LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor: 2).description
        #expect(notPD.contains("order 2") && notPD.contains("positive definite"))
        let noConvergence = LinearAlgebraError.noConvergence(routine: "dsyevr", info: 1).description
        #expect(noConvergence.contains("dsyevr") && noConvergence.contains("rescale"))
    }
}

@Suite("OpenBLAS thread count")
struct BLASThreadsTests {
    // Changing the count while other suites run BLAS concurrently is unsafe in OpenBLAS, so the
    // test only reads it and checks that setting the current value is a no-op.
    @Test func readAndKeep() {
        let original = BLASThreads.count
        #expect(original >= 1)
        BLASThreads.set(original)
        #expect(BLASThreads.count == original)
    }
}

@Suite("Finiteness scan before LAPACK calls")
struct CheckFiniteTests {
    @Test func acceptsFiniteValuesEvenWhenTheirSumOverflows() throws {
        try checkFinite([1, -2, 3], routine: "dgeqrf", argument: 4)
        try checkFinite([.greatestFiniteMagnitude, .greatestFiniteMagnitude], routine: "dgeqrf", argument: 4)
        try checkFinite([], routine: "dgeqrf", argument: 4)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func rejectsNonFiniteValues(_ bad: Double) {
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dpotrf", position: 4)) {
            try checkFinite([1, 2, bad, 4], routine: "dpotrf", argument: 4)
        }
    }
}
