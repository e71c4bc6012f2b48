/// A small dense linear program in standard form: maximize `cᵀx` subject to `Ax = b`, `x ≥ 0`.
///
/// Solved by the two-phase tableau simplex method with Bland's smallest-index rule (Bland 1977,
/// "New finite pivoting rules for the simplex method", *Math. Oper. Res.* 2(2)), which cannot cycle,
/// so degenerate programs (common in moment-inequality tests, where many constraints bind at
/// once) terminate. Phase 1 minimizes the sum of artificial variables to find a feasible basis;
/// phase 2 optimizes `cᵀx` from it (Chvátal, *Linear Programming*, 1983, ch. 3 and 8).
///
/// Meant for the tiny programs of inference procedures (tens of variables); the dense tableau costs
/// `O(m·n)` per pivot. Any inequality program can be put in this form with slack variables, and a
/// program over free variables through its dual (see the tests for textbook examples).
public struct LinearProgram: Sendable {
    /// The objective coefficients `c` (length `n`), maximized.
    public let objective: [Double]
    /// The equality constraint matrix `A` (`m × n`).
    public let constraints: Matrix
    /// The right-hand side `b` (length `m`).
    public let rightHandSide: [Double]

    /// The program `max cᵀx` s.t. `Ax = b`, `x ≥ 0`.
    ///
    /// - Precondition: `objective.count == constraints.columns`,
    ///   `rightHandSide.count == constraints.rows`, all entries finite.
    public init(maximize objective: [Double], subjectTo constraints: Matrix, equals rightHandSide: [Double]) {
        precondition(objective.count == constraints.columns, "objective has \(objective.count) entries for \(constraints.columns) variables")
        precondition(rightHandSide.count == constraints.rows, "right-hand side has \(rightHandSide.count) entries for \(constraints.rows) constraints")
        precondition(objective.allSatisfy(\.isFinite) && rightHandSide.allSatisfy(\.isFinite)
            && constraints.elements.allSatisfy(\.isFinite), "a linear program needs finite data")
        self.objective = objective
        self.constraints = constraints
        self.rightHandSide = rightHandSide
    }

    /// Solves the program.
    ///
    /// - Parameter tolerance: the absolute size below which pivots, reduced costs and the phase-1
    ///   infeasibility count as zero (scaled by the data's largest magnitude).
    public func solve(tolerance: Double = 1e-9) -> LinearProgramSolution {
        var tableau = SimplexTableau(constraints: constraints, rightHandSide: rightHandSide)
        let scale = Swift.max(1, constraints.elements.reduce(0) { Swift.max($0, abs($1)) },
                              rightHandSide.reduce(0) { Swift.max($0, abs($1)) })
        let tol = tolerance * scale
        let n = constraints.columns
        // Phase 1: maximize −Σ artificials; the program is feasible iff that optimum is 0.
        let phaseOneCost = [Double](repeating: 0, count: n) + [Double](repeating: -1, count: tableau.rowCount)
        guard case .optimal = tableau.optimize(cost: phaseOneCost, enterable: tableau.columnCount, tolerance: tol) else {
            return .iterationLimit
        }
        if tableau.objectiveValue(cost: phaseOneCost) < -tol * Double(Swift.max(1, tableau.rowCount)) {
            return .infeasible
        }
        tableau.removeArtificialsFromBasis(originalColumns: n, tolerance: tol)
        // Phase 2 on the original columns only: artificials may never re-enter.
        let cost = objective + [Double](repeating: 0, count: tableau.columnCount - n)
        let costScale = Swift.max(1, objective.reduce(0) { Swift.max($0, abs($1)) })
        switch tableau.optimize(cost: cost, enterable: n, tolerance: tolerance * costScale) {
        case .optimal:
            let x = tableau.basicSolution(columns: n)
            let value = zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
            return .optimal(point: x, value: value)
        case .unbounded:
            return .unbounded
        case .iterationLimit:
            return .iterationLimit
        }
    }
}

/// The outcome of ``LinearProgram/solve(tolerance:)``.
public enum LinearProgramSolution: Equatable, Sendable {
    /// An optimal vertex `x` and the objective value `cᵀx`.
    case optimal(point: [Double], value: Double)
    /// No `x ≥ 0` satisfies `Ax = b`.
    case infeasible
    /// The objective grows without bound on the feasible set.
    case unbounded
    /// The pivot limit was reached (a numerical safeguard; Bland's rule itself terminates).
    case iterationLimit

    /// The optimal value, or `nil` when the program has no optimum.
    public var value: Double? {
        if case .optimal(_, let value) = self { return value }
        return nil
    }

    /// The optimal point, or `nil` when the program has no optimum.
    public var point: [Double]? {
        if case .optimal(let point, _) = self { return point }
        return nil
    }
}
