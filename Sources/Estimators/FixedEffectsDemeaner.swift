import Dispatch
import LinearAlgebra
import ModelSpec

/// Projects absorbed fixed effects out of columns: `x̃ = x − D a`, with `D` the dummies of every
/// level of every factor and `a = argmin Σ wᵢ (xᵢ − Σ_q a_q[c_q(i)])²`.
///
/// By Frisch–Waugh–Lovell, least squares of `ỹ` on `X̃` gives the slopes of the model with the
/// dummies, and its residuals are that model's residuals (Gaure 2013, "OLS with multiple high
/// dimensional category variables", *CSDA* 66). The dummy matrix is never formed; the solvers work
/// on the fixed-effect coefficients, as fixest does (Bergé 2018, "Efficient estimation of maximum
/// likelihood models with multiple fixed-effects: the R package FENmlm"), not on N-vectors:
/// - one factor: `a` is the vector of (weighted) level means, exact in one pass;
/// - several factors (`DemeaningOptions.Method`): by default conjugate gradients on the normal
///   equations with the last factor eliminated, which for two factors is CG-accelerated alternating
///   projections (Stata `reghdfe`; see `conjugateGradient`); or block Gauss–Seidel sweeps (the
///   method of alternating projections, Gaure 2013, `lfe`) with Irons & Tuck (1969) extrapolation
///   as fixest (`src/demeaning.cpp`) and pyfixest. Each iteration costs one or two passes over the
///   rows per factor, touching only the level codes, the weights and the small coefficient vectors.
///
/// Convergence: see `DemeaningOptions`. Columns are independent and demeaned in parallel; the
/// arithmetic of each column is sequential, so results do not depend on the thread count.
public struct FixedEffectsDemeaner: Sendable {
    /// The absorbed factors, coded over the rows.
    public let factors: [FixedEffectFactor]
    /// Analytic weights per row, or `nil` for equal weights.
    public let weights: [Double]?
    /// Number of rows.
    public let rowCount: Int
    /// `1 / Σ_{i∈level} wᵢ` for every level, factor after factor (offsets in `offsets`).
    let inverseWeightSums: [Double]
    /// Start of each factor's block in a coefficient vector; `offsets[Q]` is the total level count.
    let offsets: [Int]
    /// For three or more factors: row-major `offsets[q] + code` of every row and factor, so that a
    /// sweep reads one contiguous run per row; empty otherwise.
    let rowIndices: [Int32]

    /// A demeaner for `factors` (at least one, all of the same length) and optional positive weights.
    public init(factors: [FixedEffectFactor], weights: [Double]? = nil) {
        precondition(!factors.isEmpty, "At least one fixed effect is needed")
        let n = factors[0].codes.count
        precondition(factors.allSatisfy { $0.codes.count == n }, "Every factor needs one code per row")
        precondition(weights.map { $0.count == n } ?? true, "One weight per row is required")
        var offsets = [0]
        for f in factors { offsets.append(offsets.last! + f.levelCount) }
        var sums = [Double](repeating: 0, count: offsets.last!)
        for (q, f) in factors.enumerated() {
            let base = offsets[q]
            if let weights {
                for i in 0..<n { sums[base + Int(f.codes[i])] += weights[i] }
            } else {
                for i in 0..<n { sums[base + Int(f.codes[i])] += 1 }
            }
        }
        // Every level occurs in the rows (dense codes) and weights are positive, so sums are > 0.
        self.inverseWeightSums = sums.map { 1 / $0 }
        let q = factors.count
        var rowIndices: [Int32] = []
        if q >= 3 {
            precondition(offsets[q] <= Int(Int32.max), "Too many fixed-effect levels")
            rowIndices = [Int32](repeating: 0, count: n * q)
            for (h, f) in factors.enumerated() {
                for i in 0..<n { rowIndices[i * q + h] = Int32(offsets[h]) + f.codes[i] }
            }
        }
        self.rowIndices = rowIndices
        self.factors = factors
        self.weights = weights
        self.rowCount = n
        self.offsets = offsets
    }

    /// Demeans one column.
    public func demean(_ column: [Double], options: DemeaningOptions = .init()) -> DemeanedColumns {
        demean(Matrix(rows: column.count, columns: 1, columnMajor: column), options: options)
    }

    /// Demeans every column of `matrix` (`rowCount × k`), in parallel over columns when
    /// `options.parallel`. Memory: the output matrix and, per column task, four coefficient
    /// vectors of the total number of levels.
    public func demean(_ matrix: Matrix, options: DemeaningOptions = .init()) -> DemeanedColumns {
        demean(matrix, outcome: nil, options: options).columns
    }

    /// Demeans the columns of `matrix` and, if given, `outcome` as one more column in the same
    /// parallel pass (the outcome's flags come last in `iterations` and `converged`).
    func demean(
        _ matrix: Matrix, outcome: [Double]?, options: DemeaningOptions
    ) -> (columns: DemeanedColumns, outcome: [Double]?) {
        precondition(matrix.rows == rowCount, "The matrix has \(matrix.rows) rows, the factors \(rowCount)")
        precondition(outcome.map { $0.count == rowCount } ?? true, "The outcome needs one value per row")
        let n = rowCount
        let k = matrix.columns
        let tasks = k + (outcome == nil ? 0 : 1)
        var iterations = [Int](repeating: 0, count: tasks)
        var converged = [Bool](repeating: false, count: tasks)
        var outcomeBuffer = [Double](repeating: 0, count: outcome == nil ? 0 : n)
        let elements = [Double](unsafeUninitializedCapacity: n * k) { buffer, count in
            matrix.elements.withUnsafeBufferPointer { x in
                (outcome ?? []).withUnsafeBufferPointer { y in
                    outcomeBuffer.withUnsafeMutableBufferPointer { outY in
                        iterations.withUnsafeMutableBufferPointer { sweeps in
                            converged.withUnsafeMutableBufferPointer { flags in
                                let shared = SharedBuffers(
                                    x: x.baseAddress, y: y.baseAddress, outX: buffer.baseAddress, outY: outY.baseAddress,
                                    sweeps: sweeps.baseAddress!, flags: flags.baseAddress!)
                                let work: @Sendable (Int) -> Void = { j in
                                    // Task j reads column j (k: the outcome) and writes only its own
                                    // output column and flags.
                                    let input = j < k ? shared.x.map { $0 + j * n } : shared.y
                                    let output = j < k ? shared.outX.map { $0 + j * n } : shared.outY
                                    let result = self.demeanColumn(
                                        UnsafeBufferPointer(start: input, count: n),
                                        into: UnsafeMutableBufferPointer(start: output, count: n), options: options)
                                    shared.sweeps[j] = result.sweeps
                                    shared.flags[j] = result.converged
                                }
                                if options.parallel && tasks > 1 {
                                    DispatchQueue.concurrentPerform(iterations: tasks, execute: work)
                                } else {
                                    for j in 0..<tasks { work(j) }
                                }
                            }
                        }
                    }
                }
            }
            count = n * k
        }
        let columns = DemeanedColumns(
            matrix: Matrix(rows: n, columns: k, columnMajor: elements), iterations: iterations, converged: converged)
        return (columns, outcome == nil ? nil : outcomeBuffer)
    }
}

/// Demeaned columns and how the projection went for each.
public struct DemeanedColumns: Sendable {
    /// The demeaned columns, same shape as the input.
    public let matrix: Matrix
    /// Projection sweeps used per column (1 for a single factor or a constant column).
    public let iterations: [Int]
    /// Whether each column met the tolerance within the allowed sweeps.
    public let converged: [Bool]
}

/// Pointers shared by the column tasks (`concurrentPerform` is synchronous, so they outlive
/// every task); each task touches only its own column and flags.
private struct SharedBuffers: @unchecked Sendable {
    let x: UnsafePointer<Double>?
    let y: UnsafePointer<Double>?
    let outX: UnsafeMutablePointer<Double>?
    let outY: UnsafeMutablePointer<Double>?
    let sweeps: UnsafeMutablePointer<Int>
    let flags: UnsafeMutablePointer<Bool>
}
