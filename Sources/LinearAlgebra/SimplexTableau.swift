/// The dense simplex tableau behind ``LinearProgram``: rows `[B⁻¹A | B⁻¹b]` over the original
/// columns followed by one artificial column per constraint, and the list of basic columns.
struct SimplexTableau {
    /// Row-major entries, `rowCount × (columnCount + 1)`; the last column is the right-hand side.
    private(set) var entries: [[Double]]
    /// The basic column of each row.
    private(set) var basis: [Int]
    /// Original plus artificial columns.
    let columnCount: Int

    var rowCount: Int { entries.count }

    /// The phase-1 start: rows with a negative right-hand side are negated so that `b ≥ 0`, and the
    /// artificial columns (an identity) form the initial basis.
    init(constraints: Matrix, rightHandSide: [Double]) {
        let m = constraints.rows
        let n = constraints.columns
        columnCount = n + m
        entries = (0..<m).map { i in
            let sign: Double = rightHandSide[i] < 0 ? -1 : 1
            var row = [Double](repeating: 0, count: n + m + 1)
            for j in 0..<n { row[j] = sign * constraints[i, j] }
            row[n + i] = 1
            row[n + m] = sign * rightHandSide[i]
            return row
        }
        basis = (0..<m).map { n + $0 }
    }

    enum Outcome { case optimal, unbounded, iterationLimit }

    /// Pivots to an optimum of `max costᵀx` over the current feasible basis, letting only columns
    /// `0..<enterable` enter. Bland's rule: the lowest-index improving column enters, and among
    /// rows tied in the ratio test the one whose basic column has the lowest index leaves.
    mutating func optimize(cost: [Double], enterable: Int, tolerance: Double) -> Outcome {
        let limit = 50 * (columnCount + rowCount + 10)
        for _ in 0..<limit {
            var entering = -1
            for j in 0..<enterable where !basis.contains(j) {
                if reducedCost(cost: cost, column: j) > tolerance {
                    entering = j
                    break
                }
            }
            if entering < 0 { return .optimal }
            var leaving = -1
            var bestRatio = Double.infinity
            for i in 0..<rowCount where entries[i][entering] > tolerance {
                let ratio = entries[i][columnCount] / entries[i][entering]
                // Ties (within rounding) go to the smallest basic index, as Bland's rule requires.
                if ratio < bestRatio - tolerance
                    || (abs(ratio - bestRatio) <= tolerance && leaving >= 0 && basis[i] < basis[leaving])
                {
                    bestRatio = Swift.min(ratio, bestRatio)
                    leaving = i
                }
            }
            if leaving < 0 { return .unbounded }
            pivot(row: leaving, column: entering)
        }
        return .iterationLimit
    }

    /// `c_j − c_Bᵀ B⁻¹ A_j`.
    func reducedCost(cost: [Double], column j: Int) -> Double {
        var value = cost[j]
        for i in 0..<rowCount { value -= cost[basis[i]] * entries[i][j] }
        return value
    }

    /// `c_Bᵀ B⁻¹ b`, the objective at the current basic solution.
    func objectiveValue(cost: [Double]) -> Double {
        (0..<rowCount).reduce(0) { $0 + cost[basis[$1]] * entries[$1][columnCount] }
    }

    /// The current basic solution restricted to the first `columns` columns.
    func basicSolution(columns: Int) -> [Double] {
        var x = [Double](repeating: 0, count: columns)
        for i in 0..<rowCount where basis[i] < columns {
            // Round-off can leave a basic value at −1e-17; the solution is x ≥ 0 by construction.
            x[basis[i]] = Swift.max(0, entries[i][columnCount])
        }
        return x
    }

    /// After phase 1, pivots every artificial still basic (at value 0) out on an original column;
    /// a row with no such column is a linear combination of the others and is dropped.
    mutating func removeArtificialsFromBasis(originalColumns n: Int, tolerance: Double) {
        var i = 0
        while i < rowCount {
            if basis[i] >= n {
                if let j = (0..<n).first(where: { abs(entries[i][$0]) > tolerance && !basis.contains($0) }) {
                    pivot(row: i, column: j)
                } else {
                    entries.remove(at: i)
                    basis.remove(at: i)
                    continue
                }
            }
            i += 1
        }
    }

    /// Gauss–Jordan pivot making `column` basic in `row`.
    mutating func pivot(row r: Int, column c: Int) {
        let p = entries[r][c]
        for j in 0...columnCount { entries[r][j] /= p }
        entries[r][c] = 1
        for i in 0..<rowCount where i != r {
            let factor = entries[i][c]
            if factor == 0 { continue }
            for j in 0...columnCount { entries[i][j] -= factor * entries[r][j] }
            entries[i][c] = 0
        }
        basis[r] = c
    }
}
